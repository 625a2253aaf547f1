"""Who is speaking: mention → ``Speaker``, with rule-based coreference over one article.

Pronouns and role nouns ("the expert", "the Kremlin spokesman") go to the most recent
compatible person of the index (``people``); bodies, documents and unnamed sources resolve to
the side they speak for.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from detente.codebook.names import name_key
from detente.extract.context import ArticleContext
from detente.extract.paragraphs import heading_line
from detente.extract.mentions.vocabulary import (ANONYMOUS_HEADS, BODY_NOUNS, BODY_POSSESSIVES, GENDER_WORDS,
                                                 GROUP_PRONOUNS, HEAD_ROLES, ISSUED_NOUNS, LESSER_TITLES,
                                                 PERSON_NOUNS, PRONOUN_GENDER, PRONOUNS, QUOTE_MARKS, REPORTING_VERBS,
                                                 ROLE_NOUNS)
from detente.extract.mentions.people import (MentionIndex, Person, is_party, is_person_name, mention_index, party_named_in,
                                             person_key, role_word)
from detente.extract.mentions.phrases import (clean_name, name_tokens, noun_phrase, names_head,
                                              passive_agent, quoted_tokens)
from detente.records import Speaker


def resolve_mention(span: Span, ctx: ArticleContext) -> Speaker:
    """The speaker a noun phrase stands for: a person, a body or party, or an unnamed source."""
    head = span.root
    index = mention_index(ctx)
    spk = dict(start=span.start_char, end=span.end_char)
    lower = head.lower_
    if head.tag_ in ("WP", "WDT") and head.head.dep_ == "relcl" and head.head.head.i != head.head.i:
        # "Trump, who said …": the speaker is the noun the clause modifies, the mention is "who"
        return resolve_mention(noun_phrase(head.head.head), ctx).model_copy(update=spk)
    if lower in PRONOUNS["en"] and head.pos_ == "PRON":
        owner = _subject_owner(head, ctx)
        if owner is not None:
            return owner.model_copy(update=spk)
        person = _topic(head, index, ctx)
        if isinstance(person, Span) and person.root.pos_ == "PROPN":  # a name the tagger missed
            return resolve_mention(person, ctx).model_copy(update=spk)
        if isinstance(person, Span):  # "A woman said … “…,” she said": no one named speaks
            return Speaker(name=None, role=clean_name(person.text), **spk)
        person = person or index.antecedent(head.i, lower)
        return _speaker(person, ctx, **spk) if person else Speaker(name=None, **spk)
    if head.i in index.at:  # a mention the index holds ("Chelsea Clinton" beside "Bill Clinton",
        return _speaker(index.people[index.at[head.i]], ctx, **spk)  # a surname tagged as a noun)
    name = name_tokens(head)
    if name is not None and not is_party(name, ctx):
        person = index.people.get(person_key(name.text))
        if person:
            return _speaker(person, ctx, **spk)
    inner = _person_inside(span, index)
    if inner is not None:
        return _speaker(inner, ctx, **spk)
    return _non_person(span, head, index, ctx, spk)


def _subject_owner(pron: Token, ctx: ArticleContext) -> Speaker | None:
    """"Zelensky's office quoted him as saying …": an object pronoun stands for the person who
    owns the verb's subject (the subject itself it cannot stand for)."""
    if pron.dep_ != "dobj":
        return None
    subj = next((c for c in pron.head.children if c.dep_ == "nsubj"), None)
    poss = _possessor(subj) if subj is not None else None
    found = resolve_mention(noun_phrase(poss), ctx) if poss is not None else None
    if found is None or not found.name:
        return None
    known = ctx.codebook.find_actor(found.name)
    person = is_person_name(found.name, ctx) or poss.ent_type_ == "PERSON" or (known is not None and known.kind == "person")
    return found if person else None


def _possessor(noun: Token) -> Token | None:
    """The name owning a noun: "Zelensky's office", or through the body that issued it, "the
    statement from Zelensky's office"."""
    poss = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    if poss is not None or noun.lemma_.lower() not in ISSUED_NOUNS["en"]:
        return poss
    body = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "of", "by")
                 for g in c.children if g.dep_ == "pobj"), None)
    return _possessor(body) if body is not None else None


def _topic(pron: Token, index: MentionIndex, ctx: ArticleContext, depth: int = 0) -> Person | Span | None:
    """"Trump “offered Putin a visit.” Russia “took a lot of land,” he said.": a subject pronoun
    with no named person before it in its own sentence stands for the subject of the sentence
    before (``_previous_subject``), not for whoever was named last; a subject of the wrong
    gender does not count."""
    person = _previous_subject(pron, index, ctx, depth)
    if isinstance(person, Span):
        return person
    want = PRONOUN_GENDER["en"].get(pron.lower_)
    return person if person is not None and person.gender in (None, want) else None


def _previous_subject(subj_here: Token, index: MentionIndex, ctx: ArticleContext, depth: int = 0,
                      spoken: bool = False) -> Person | Span | None:
    """Whom the subject ``subj_here`` goes on about: the subject of the sentence before, where
    that sentence spoke (a quote, a reporting verb) or its subject is a named person ("Rubio
    sought to calm Europe under President Trump. “…,” he said": the subject is what the next
    sentence goes on about; with ``spoken``, only where it spoke). Sentences that are all quote
    ("Ushakov said: ⏎ “Not further.”") and heading lines pass on to the one before them."""
    if subj_here.dep_ not in ("nsubj", "nsubjpass") or depth > 2:
        return None
    sent, quoted = subj_here.sent, quoted_tokens(ctx)
    if any(j in index.at and not quoted[j] for j in range(sent.start, subj_here.i)):
        return None  # "Kovalenko met Merz, and she said …": its own sentence names people
    prev = _sentence_before(sent)
    for _ in range(5):
        if prev is None or not (all(quoted[t.i] or not t.is_alpha for t in prev) or heading_line(prev)):
            break
        prev = _sentence_before(prev)
    if prev is None:
        return None
    subj = next((c for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    subj = _doer(prev.root, index) or subj
    if subj is None and prev[0].i in index.at:
        subj = prev[0]  # the parse lost the verb ("Trump “offered …”" read as a verb)
    if subj is None:
        return None
    spoke = prev.root.lemma_.lower() in REPORTING_VERBS["en"] or any(t.text in QUOTE_MARKS for t in prev)
    if subj.i not in index.at and not quoted[subj.i] and not spoken and _described_name(subj):
        return name_tokens(subj)  # "Political scientist Tatiana Stanovaya disagrees." (NER: ORG)
    named = subj.i in index.at or (subj.lemma_.lower() in ROLE_NOUNS["en"] and subj.pos_ in ("NOUN", "PROPN"))
    if not spoke and (spoken or not (named and not quoted[subj.i])):
        return None  # "Talks stalled after Rubio met Lavrov. He said …": the last named goes on; but
        # "The Treasury secretary returned to the microphone. “…,” he said": a person by title does
    if subj.i in index.at:
        return index.people[index.at[subj.i]]
    if subj.pos_ == "PRON" and subj.lower_ in PRONOUNS["en"]:
        return _topic(subj, index, ctx, depth + 1) or index.antecedent(subj.i, subj.lower_)
    if subj.lemma_.lower() in ROLE_NOUNS["en"] and subj.pos_ in ("NOUN", "PROPN"):
        phrase, lemma = noun_phrase(subj), subj.lemma_.lower()
        side = _party_in(phrase, ctx)
        return _person_inside(phrase, index) or _set_off_name(phrase, index) \
            or _continued(phrase, subj, index, ctx, depth + 1) \
            or _titled(index, lemma, subj.i, ctx, side, phrase) \
            or _codebook_role(lemma, side, ctx, phrase)
    person = _person_inside(noun_phrase(subj), index)
    if person is None and depth == 0 and not quoted[subj.i] and subj.head.lemma_.lower() in REPORTING_VERBS["en"] \
            and subj_here.lower_ in PRONOUNS["en"] and _unnamed_person(subj, subj_here):
        return noun_phrase(subj)
    return person


def _described_name(subj: Token) -> bool:
    """A name the tagger missed as a person but the text describes as one ("Political scientist
    Tatiana Stanovaya", "Russian emigre Pavel"): a proper noun with a person's noun before it."""
    return subj.pos_ == "PROPN" and subj.text[:1].isupper() and any(
        c.dep_ in ("compound", "amod", "nmod") and c.i < subj.i and c.pos_ == "NOUN"
        and c.lemma_.lower() in ROLE_NOUNS["en"] | PERSON_NOUNS["en"] for c in subj.children)


def _doer(verb: Token, index: MentionIndex) -> Token | None:
    """"The talks were led by Rustem Umerov": the person a passive names as its agent is what the
    sentence is about, as its subject would be."""
    doer = passive_agent(verb)
    return doer if doer is not None and doer.i in index.at else None


def _sentence_before(sent: Span) -> Span | None:
    j = sent.start - 1
    while j >= 0 and sent.doc[j].is_space:
        j -= 1
    return sent.doc[j].sent if j >= 0 else None


def _continued(span: Span, head: Token, index: MentionIndex, ctx: ArticleContext, depth: int = 0) -> Person | None:
    """"Zelensky said … “…,” the President noted", "Ushakov said … “…,” the official said":
    "the" and a title, as subject after a sentence where a named person spoke, is that person
    when the title fits them (their role names it; "official" fits anyone with a role; "leader"
    a head of state or government) and the side the phrase names, if any, is theirs."""
    if head.tag_ not in ("NN", "NNP") or not any(t.lower_ == "the" or t.dep_ == "poss" for t in span if t.i < head.i):
        return None  # "an official said" is someone else; "the official", "Putin's aide" may be the one
    person = _previous_subject(head, index, ctx, depth, spoken=True)
    if not isinstance(person, Person):
        return None
    party = _party_in(span, ctx)
    if party is not None and person.party != party:
        return None
    noun, roles = _title_noun(head), person.role_words(ctx.reference_date)
    if not _narrowing(span, head, ctx) <= _title_words(person, ctx):
        return None  # "Rubio said … The Treasury secretary …": a secretary, but not of state
    if noun == "official":
        return person if roles else None
    if noun == "leader":
        return person if roles & HEAD_ROLES["en"] else None
    return person if noun in roles else None


def _titled(index: MentionIndex, noun: str, i: int, ctx: ArticleContext, party: str | None,
            phrase: Span) -> Person | None:
    """``index.with_role``, where the words that narrow the title are the person's too: "the
    Treasury secretary" is not the secretary of state named before."""
    person = index.with_role(noun, i, ctx.reference_date, party)
    return person if person is not None and _narrowing(phrase, phrase.root, ctx) <= _title_words(person, ctx) else None


def _narrowing(phrase: Span, head: Token, ctx: ArticleContext) -> set[str]:
    """The phrase's qualifiers, less those its title noun has taken in ("the head of state": a leader)."""
    return set() if _title_noun(head) != role_word(head.lemma_.lower()) else _qualifiers(phrase, ctx)


def _title_words(person: Person, ctx: ArticleContext) -> set[str]:
    """Every word of the person's titles, as the text gave them and as the case has them."""
    titles = list(person.roles) + (person.actor.titles_on(ctx.reference_date) if person.actor else [])
    return {w for t in titles for w in t.lower().split()}


def _title_noun(head: Token) -> str:
    """The role a title names: "the head of state" (or of government) is the leader."""
    if head.lemma_.lower() == "head" and any(
            c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ in ("state", "government") for g in c.children)
            for c in head.children):
        return "leader"
    return role_word(head.lemma_.lower())


def _unnamed_person(subj: Token, pron: Token) -> bool:
    """"A woman living nearby said …": a common noun that spoke and that "he" or "she" takes up
    is a person the text leaves unnamed (a local, a witness), not the official named before;
    a body ("the ministry") is no "he", a gendered noun fits only its own pronoun."""
    lemma = subj.lemma_.lower()
    if subj.pos_ != "NOUN" or not subj.text[:1].islower() or subj.tag_ == "NNS" \
            or lemma in BODY_NOUNS["en"] | ISSUED_NOUNS["en"] | ROLE_NOUNS["en"] \
            or any(c.dep_ == "poss" for c in subj.children):
        return False  # "his counterpart" is someone named elsewhere; "Trump" read as a noun is a name
    want = PRONOUN_GENDER["en"].get(pron.lower_)
    said = next((g for g, table in GENDER_WORDS["en"].items() if lemma in table), None)
    return want is not None and said in (None, want)


def _person_inside(span: Span, index: MentionIndex) -> Person | None:
    """"Ms. EU Ambassador to Ukraine Katarina Mathernova": a known name within the subject,
    not through a possessive or "of/for" ("Putin's spokesperson" is not Putin), nor a body that
    only says whose a person noun is ("a senior State Department official" is unnamed)."""
    head = span.root
    person_noun = head.lemma_.lower() in ROLE_NOUNS["en"] | ANONYMOUS_HEADS["en"]
    for tok in reversed(list(span)):
        if tok.i in index.at and tok.i != head.i and names_head(tok, head):
            found = index.people[index.at[tok.i]]
            if person_noun and found.is_body:
                continue
            return found
    return None


def _non_person(span: Span, head: Token, index: MentionIndex, ctx: ArticleContext, spk: dict) -> Speaker:
    lemma = head.lemma_.lower()
    if lemma in ISSUED_NOUNS["en"] and head.pos_ == "NOUN":
        issuer = _issuer(head, ctx)
        if issuer is not None:
            found = resolve_mention(noun_phrase(issuer), ctx)
            if found.name is not None:
                return found.model_copy(update=spk)
    known = ctx.codebook.find_actor(clean_name(span.text))
    if known is not None and (known.kind == "body" or head.text[:1].isupper()):
        # "the Pentagon said": a body the case knows; "Trump, speaking …": a name the tagger misread
        return Speaker(name=clean_name(span.text), party=known.party, role=known.role_on(ctx.reference_date),
                       actor_id=known.id, **spk)
    party = _party_in(span, ctx)
    proper = [t for t in span if t.pos_ == "PROPN"]
    named = _set_off_name(span, index) if lemma in ROLE_NOUNS["en"] else None
    if named is not None:  # the name set off right after the title beats anyone who held it before
        return _speaker(named, ctx, **spk)
    named_here = any(t.ent_type_ == "PERSON" and names_head(t, head) for t in span)  # not "Putin's entourage"
    if lemma in ANONYMOUS_HEADS["en"] and not named_here:
        unnamed = _unnamed_before(span, head, ctx)
        if unnamed is not None:
            return unnamed.model_copy(update=spk)
    if lemma in ROLE_NOUNS["en"] | ANONYMOUS_HEADS["en"] and not named_here:
        person = _continued(span, head, index, ctx)
        if person is not None:
            return _speaker(person, ctx, **spk)
    if lemma in ANONYMOUS_HEADS["en"] and not named_here:
        known = _the_one_before(span, head, index, ctx)
        if known is not None:
            return _speaker(known, ctx, **spk)
        party = party or side_of_source(head, ctx)
        return Speaker(name=None, party=party or "NONE", role=clean_name(span.text), **spk)
    if _plural_group(span, head, lemma, party):
        return Speaker(name=None, party=party or "NONE", role=clean_name(span.text), **spk)
    if lemma in ROLE_NOUNS["en"] and head.pos_ in ("NOUN", "PROPN") and not _is_body_phrase(span, ctx):
        person = None if head.tag_ in ("NNS", "NNPS") else (  # "E.U. leaders" are no one person
            _titled(index, _title_noun(head), head.i, ctx, party, span) or _codebook_role(lemma, party, ctx, span))
        if person is None and lemma in ("expert", "analyst") and any(t.lower_ == "the" for t in span):
            person = index.before(head.i)
        if person:
            return _speaker(person, ctx, **spk)
        return Speaker(name=None, party=party or "NONE", role=clean_name(span.text), **spk)
    if party and _the_demonym(span, head, party, ctx):  # "Lavrov and Rubio met. “…,” the American said."
        person = index.of_side(head.i, party)
        if person is not None:
            return _speaker(person, ctx, **spk)
        return Speaker(name=None, party=party, role=clean_name(span.text), **spk)  # one of that side, unnamed
    if party and _is_country(span, ctx):
        return Speaker(name=None, party=party, **spk)
    named = same_body_before(span, head, ctx) if party is None and lemma in BODY_NOUNS["en"] else None
    if named is not None:
        return named.model_copy(update=spk)
    if party or proper or lemma in BODY_NOUNS["en"]:
        return Speaker(name=clean_name(span.text), party=party or "NONE", **spk)
    if head.lower_ == "one" and any(c.dep_ == "prep" and c.lower_ == "of" and any(
            g.lower_ in ("them", "those", "these") for g in c.children) for c in head.children):
        return _one_of_them(head, ctx, spk) or Speaker(name=None, **spk)
    if head.lower_ == "one" and head.dep_ == "nsubj" and not list(head.children):
        member = _one_of_them(head, ctx, spk)  # "European diplomats were less upbeat. “…,” one said"
        if member is not None:
            return member
    if head.lower_ in GROUP_PRONOUNS["en"]:
        body = _body_before(head, index, ctx) if head.lower_ == "it" else None
        return body.model_copy(update=spk) if body is not None else Speaker(name=None, **spk)
    return Speaker(name=clean_name(span.text) or None, party=party or "NONE", **spk)


def side_of_source(head: Token, ctx: ArticleContext) -> str | None:
    """"a diplomat from a Nordic EU country", "a source in the Kremlin", "sources close to the
    presidential administration": where an unnamed source sits names the side it speaks for
    (not what it knows about: "familiar with Russia's plans" says nothing of whose source it is)."""
    for c in head.children:
        where = c.dep_ == "prep" and c.lower_ in _SEATS or c.dep_ == "amod" and c.lower_ == "close"
        if where and c.i > head.i:
            code = party_named_in(head.doc[c.i:c.right_edge.i + 1], ctx)
            if code:
                return code
    return None


_SEATS = frozenset({"from", "in", "at", "of", "within", "inside"})


def _one_of_them(head: Token, ctx: ArticleContext, spk: dict) -> Speaker | None:
    """"Ukrainian officials said … “…,” one of them said" (or "one said"): one unnamed member of
    the group the sentence before named, who speaks for its side."""
    prev = _sentence_before(head.sent)
    subj = next((c for c in prev.root.children if c.dep_ == "nsubj"), None) if prev is not None else None
    group = resolve_mention(noun_phrase(subj), ctx) if subj is not None and subj.tag_ in ("NNS", "NNPS") else None
    if group is None or group.name is not None:
        return None
    return Speaker(name=None, party=group.party, role=group.role, **spk)


def _body_before(pron: Token, index: MentionIndex, ctx: ArticleContext) -> Speaker | None:
    """"The Kremlin answered within hours. “…,” it said": "it" as a subject takes up the body or
    side the sentence before was about; never a person, whoever was named last."""
    if pron.dep_ != "nsubj":
        return None
    prev, quoted = _sentence_before(pron.sent), quoted_tokens(ctx)
    while prev is not None and all(quoted[t.i] or not t.is_alpha for t in prev):
        prev = _sentence_before(prev)
    subj = next((c for c in prev.root.children if c.dep_ == "nsubj"), None) if prev is not None else None
    if subj is None or subj.pos_ == "PRON" or subj.tag_ in ("NNS", "NNPS") or quoted[subj.i]:
        return None
    if subj.lemma_.lower() in ISSUED_NOUNS["en"]:
        return None  # "A statement followed. “…,” it said": its issuer, where named, was read above
    found = resolve_mention(noun_phrase(subj), ctx)
    if found.name is None or is_person_name(found.name, ctx):
        return None
    return found if is_body(noun_phrase(subj), ctx, countries=True) else None


def same_body_before(span: Span, head: Token, ctx: ArticleContext) -> Speaker | None:
    """"The Ukrainian foreign ministry issued a statement … “…,” the ministry said": "the" and a
    body noun with no side of its own take up the latest body of that name whose side was named."""
    if head.pos_ != "NOUN" or not any(t.lower_ == "the" for t in span if t.i < head.i):
        return None
    lemma = head.lemma_.lower()
    for t in reversed(head.doc[:span.start]):
        if t.lemma_.lower() == lemma and t.pos_ in ("NOUN", "PROPN"):
            phrase = noun_phrase(t)
            party = _party_in(phrase, ctx)
            if party is not None:
                return Speaker(name=clean_name(phrase.text), party=party)
    return None


def _unnamed_before(span: Span, head: Token, ctx: ArticleContext, sentences: int = 3) -> Speaker | None:
    """"According to a senior U.S. official, … The official said …": "the official" takes up the
    unnamed official the text just introduced ("a", "one", "two"), not a person named beside
    them; the side comes from that first phrase ("A Ukrainian official …")."""
    if head.tag_ != "NN" or not any(t.lower_ == "the" and t.i < head.i for t in span):
        return None
    first = head.sent.start
    for _ in range(sentences):
        prev = _sentence_before(head.doc[first:first + 1].sent)
        if prev is None:
            break
        first = prev.start
    lemma = head.lemma_.lower()
    for t in reversed(head.doc[first:span.start]):
        if t.lemma_.lower() == lemma and t.pos_ == "NOUN":
            phrase = noun_phrase(t)
            indefinite = any(c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one", "two", "three")
                             for c in t.children)
            if not indefinite or any(x.ent_type_ == "PERSON" for x in phrase):
                return None
            return Speaker(name=None, party=_party_in(phrase, ctx) or "NONE", role=clean_name(phrase.text))
    return None


def _the_one_before(span: Span, head: Token, index: MentionIndex, ctx: ArticleContext) -> Person | None:
    """"Kremlin aide Yury Ushakov met … The Kremlin aide said …": "the" and one source noun take
    up the person the text gave that title before ("an aide", "officials" stay unnamed)."""
    if head.tag_ != "NN" or not any(t.lower_ == "the" and t.i < head.i for t in span):
        return None
    person = _titled(index, head.lemma_.lower(), head.i, ctx, _party_in(span, ctx), span)
    return person if person is not None and any(j < head.i for j in person.mentions) else None


def _plural_group(span: Span, head: Token, lemma: str, party: str | None) -> bool:
    """"Leaders say …", "both sides said …": several unnamed people of no one side are no
    speaker (not the one "leader" of the article, not a body named "both sides")."""
    if head.tag_ not in ("NNS", "NNPS") or head.lower_ == lemma or party:
        return False
    return lemma in ROLE_NOUNS["en"] | BODY_NOUNS["en"] and not any(t.pos_ == "PROPN" and t.i != head.i for t in span)


def _issuer(doc_noun: Token, ctx: ArticleContext) -> Token | None:
    """Who issued a statement that speaks: named with it ("the ministry's statement", "a Kremlin
    statement", "a statement from the General Staff"), else the subject of the clause that issued
    one shortly before ("The ministry issued a statement. … the statement said"), else the body
that spoke in the sentence before ("The ministry said … “…,” the statement reads")."""
    for c in doc_noun.children:
        if c.dep_ in ("poss", "compound") and c.pos_ in ("PROPN", "NOUN") and c.lemma_.lower() not in ISSUED_NOUNS["en"]:
            return c
        if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in ("PROPN", "NOUN"):
                return obj
    doc, lemma = doc_noun.doc, doc_noun.lemma_.lower()
    floor = doc[max(0, doc_noun.sent.start - 1)].sent.start  # its sentence and the one before
    for t in reversed(doc[floor:doc_noun.i]):
        if t.lemma_.lower() != lemma or t.pos_ != "NOUN":
            continue
        verb = t.head.head if t.dep_ == "pobj" else t.head
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) \
            if verb.pos_ in ("VERB", "AUX") else None
        if subj is not None and subj.lemma_.lower() not in ISSUED_NOUNS["en"]:
            return subj
    for t in reversed(doc[floor:doc_noun.sent.start]):  # "The ministry said … ⏎ “…,” the statement reads."
        if t.dep_ == "nsubj" and t.lemma_.lower() not in ISSUED_NOUNS["en"] \
                and (t.ent_type_ == "ORG" or t.lemma_.lower() in BODY_NOUNS["en"] and t.pos_ in ("NOUN", "PROPN")):
            return t
    return None


def leader_of(speaker: Speaker, i: int, ctx: ArticleContext) -> Speaker | None:
    """"The office published Zelensky's address. “I am grateful …,” the office said": a body's
    text in the first person singular is the words of the person of its side named in that
    sentence or the one before (the leader whose statement the office issued): the one whose
    title the body bears, else the one a sentence is about; failing any, a presidential
    office's text is its president's, and the text of an office the case names as its head's
    ("the Kremlin") is the head's."""
    index, doc = mention_index(ctx), ctx.doc
    said = doc.char_span(speaker.start, speaker.end, alignment_mode="expand") \
        if speaker.name is not None and speaker.start is not None else None
    if said is None or not is_body(said, ctx) or is_person_name(speaker.name, ctx):
        return None  # a person, or an unnamed one ("a resident said"), speaks for themself
    floor = doc[max(0, doc[i].sent.start - 1)].sent.start
    seen = []
    for j in range(i - 1, floor - 1, -1):
        person = index.people[index.at[j]] if j in index.at else _owner(doc[j], ctx)
        if person is not None and (speaker.party in (None, "NONE") or person.party in (speaker.party, "NONE")):
            seen.append((doc[j], person))
    titles = {w.lower()[:6] for w in speaker.name.split() if len(w) >= 6}
    ranked = sorted(seen, key=lambda tp: (not titles & {w[:6] for w in tp[1].role_words(ctx.reference_date)},
                                          not tp[0].dep_.startswith("nsubj")))
    if ranked:  # the one whose title the body bears ("the presidential office"), else a subject
        return _speaker(ranked[0][1], ctx, speaker.start, speaker.end)
    office = ctx.codebook.head_office_of(speaker.name)  # "the Kremlin said: “I told him …”"
    if office is not None:
        head = _codebook_role(office.head_title, office.code, ctx)
    else:
        head = _codebook_role("president", speaker.party, ctx) if "presiden" in speaker.name.lower() \
            and speaker.party not in (None, "NONE") else None
    return _speaker(head, ctx, speaker.start, speaker.end) if head is not None else None


def _owner_in(span: Span, ctx: ArticleContext) -> Person | None:
    return next((p for p in (_owner(t, ctx) for t in span) if p is not None), None)


def served_by(role: Token) -> Token | None:
    """The name a role serves: 'an adviser to Zelensky', 'an aide of Lavrov'."""
    return next((g for c in role.children if c.dep_ == "prep" and c.lower_ in ("to", "of", "for")
                 for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)


def _owner(tok: Token, ctx: ArticleContext) -> Person | None:
    """"Zelensky's office", "Putin's address", "an adviser to Zelensky": a known person named as
    the owner of a body or text, or as the one a role serves."""
    served = tok.dep_ == "pobj" and tok.head.head.lemma_.lower() in ROLE_NOUNS["en"] | ANONYMOUS_HEADS["en"] \
        and getattr(served_by(tok.head.head), "i", None) == tok.i
    if not (tok.dep_ == "poss" or served) or tok.pos_ != "PROPN":
        return None
    name = name_tokens(tok)
    actor = ctx.codebook.find_actor(name.text) if name is not None else None
    if actor is None or actor.kind != "person":
        return None
    return Person(key=actor.id, name=actor.name, party=actor.party, actor=actor)


def is_body(span: Span, ctx: ArticleContext, countries: bool = False) -> bool:
    """An institution, its text or its seat: "the office", "the statement", "the Kremlin"; with
    ``countries``, a side named by its country too ("Russia answered. “…,” it said")."""
    root = span.root
    known = ctx.codebook.find_actor(clean_name(span.text))
    return root.lemma_.lower() in BODY_NOUNS["en"] | ISSUED_NOUNS["en"] or root.ent_type_ == "ORG" \
        or known is not None and known.kind == "body" \
        or ctx.codebook.party_for_mention(span.text) is not None and (countries or not _is_country(span, ctx))


def _set_off_name(span: Span, index: MentionIndex) -> Person | None:
    """"The president's envoy for the talks, Keith Kellogg, said …": the person named between
    commas right after a role phrase holds that role, whatever the parse hung the name on
    (another holder of the same role elsewhere in the text is not the one speaking)."""
    doc = span.doc
    commas = [t.i for t in span if t.text == ","]  # the parse may have taken the comma in, or not
    if span.end < len(doc) and doc[span.end].text == ",":
        commas.append(span.end)
    for i in commas:
        j = i + 1
        while j < len(doc) and j - i <= 4 and doc[j].pos_ == "PROPN":
            j += 1
        if j > i + 1 and (j == span.end or j == len(doc) or doc[j].text in (",", ".", ";")):
            key = next((index.at[t.i] for t in doc[i + 1:j] if t.i in index.at), None)
            if key:
                return index.people[key]
    return None


def _speaker(person: Person, ctx: ArticleContext, start: int, end: int) -> Speaker:
    role = person.role
    if person.actor is not None:
        role = person.actor.role_on(ctx.reference_date) or role
    return Speaker(name=person.name, party=person.party, role=role,
                   actor_id=person.actor.id if person.actor else None, start=start, end=end)


def _is_country(span: Span, ctx: ArticleContext) -> bool:
    """A whole country as speaker ("Russia labeled him ..."): the gold gives such speakers no name."""
    code = ctx.codebook.party_for_mention(span.text)
    party = ctx.codebook.party(code) if code else None
    return party is not None and name_key(span.text) == name_key(party.name)


def _is_body_phrase(span: Span, ctx: ArticleContext) -> bool:
    return any(t.lemma_.lower() in BODY_NOUNS["en"] and t.i != span.root.i for t in span) \
        and span.root.lemma_.lower() not in ROLE_NOUNS["en"]


def _party_in(span: Span, ctx: ArticleContext) -> str | None:
    code = party_named_in(span, ctx)  # "Russian", "a White House official", "the Americans"
    if code:
        return code
    owner = _owner_in(span, ctx)
    if owner is not None:
        return owner.party  # "Putin's spokesman" speaks for Putin's side
    if any(t.dep_ == "poss" and t.lower_ in BODY_POSSESSIVES["en"] for t in span):
        return _side_before(span, ctx)
    index = mention_index(ctx)  # "a White House official": the side of the body the case knows
    return next((p.party for t in span if t.i in index.at for p in [index.people[index.at[t.i]]]
                 if p.is_body and p.party), None)


def _side_before(span: Span, ctx: ArticleContext) -> str | None:
    """"For the Kremlin, the plan is “…”, its spokesman said": "its" stands for the nearest side
    named before it, in the sentence or the one before."""
    prev = _sentence_before(span.sent)
    first = prev.start if prev is not None else span.sent.start
    for i in range(span.start - 1, first - 1, -1):
        if span.doc[i].pos_ not in ("PROPN", "NOUN"):
            continue  # "the European plan" names no side that could have a spokesman
        code = party_named_in(span.doc[i:i + 3 if i + 3 <= span.start else span.start], ctx)
        if code:
            return code
    return None


def _the_demonym(span: Span, head: Token, party: str, ctx: ArticleContext) -> bool:
    """"The American", "the Russian": one person of the side its adjective names."""
    side = ctx.codebook.party(party)
    return len(span) == 2 and span[0].lower_ == "the" and head.tag_ in ("NN", "NNP") \
        and side is not None and head.text in side.adjectives


def _codebook_role(noun: str, party: str | None, ctx: ArticleContext, phrase: Span | None = None) -> Person | None:
    """The one codebook actor who held a role named ``noun`` on the article date. The words that
    qualify the role in ``phrase`` must be in the title ("the mayor of Kharkiv" is not the mayor
    of Sumy); a country's "leader" is its president, not a party's faction leader."""
    if phrase is not None and phrase.root.tag_ in ("NNS", "NNPS"):
        return None  # "the leaders of France and Germany" are no one person
    noun = role_word(noun)
    wanted = _qualifiers(phrase, ctx) if phrase is not None else set()
    hits = []
    for a in ctx.codebook.actors:
        if a.kind != "person" or party is not None and a.party != party:
            continue
        titles = [t.lower().split() for t in a.titles_on(ctx.reference_date)]
        if any(wanted <= set(title) and _title_fits(noun, title, of_country=party is not None) for title in titles):
            hits.append(a)
    if len(hits) > 1 and phrase is not None and _heads_owner(phrase, ctx):
        hits = [a for a in hits if "presiden" in (getattr(a.held_on(ctx.reference_date), "org", None) or "").lower()]
    if len(hits) != 1:
        return None
    a = hits[0]
    return Person(key=a.id, name=a.name, party=a.party, actor=a)


def _title_fits(noun: str, title: list[str], of_country: bool) -> bool:
    """The title names the role, not a lesser one made of it ("vice president", "deputy prime
    minister"); a country's "leader" is its president."""
    want = ("president" if noun == "leader" and of_country else noun).split()
    roles = [role_word(w) for w in title]
    return any(roles[k:k + len(want)] == want and (k == 0 or title[k - 1] not in LESSER_TITLES["en"])
               for k in range(len(roles) - len(want) + 1))


def _heads_owner(phrase: Span, ctx: ArticleContext) -> bool:
    """"Putin's spokesman": the role phrase is owned by a head of state, so it is his office's."""
    owner = _owner_in(phrase, ctx)
    return owner is not None and "president" in (owner.actor.role_on(ctx.reference_date) or "").lower().split()


def _qualifiers(phrase: Span, ctx: ArticleContext) -> set[str]:
    """The words of a role phrase that narrow it: places, offices ("of Kharkiv", "deputy");
    not its article, its head's side ("Ukrainian"), nor the one whose aide it is ("Putin's")."""
    root = phrase.root
    out = set()
    for t in phrase:
        if t.i == root.i or t.is_punct or t.pos_ in ("DET", "ADP", "PART", "CCONJ", "PRON") or t.dep_ == "poss" \
                or any(a.dep_ == "poss" for a in t.ancestors if a.i in range(phrase.start, phrase.end)) \
                or ctx.codebook.party_for_mention(t.text):
            continue
        if t.pos_ in ("PROPN", "ADJ", "NOUN"):
            out.add(t.lower_)
    return out
