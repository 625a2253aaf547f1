"""Who says it and through which word: the cue of a quote and the speaker it points to.

Shared by direct quotes (``quotes``) and reported speech (``reported``): a cue is a reporting verb
of ``cues.REPORTING_VERBS`` (or "according to"); its speaker is the subject, the subject of the
verb it hangs on, or the name right beside it, never a word inside a quotation.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from detente.extract.mentions.phrases import closing_subject, noun_phrase, passive_agent
from detente.extract.mentions.vocabulary import (ACCORDING_TO, ANONYMOUS_HEADS, BODY_NOUNS, CITING_VERBS, FINDING_VERBS, FRAGMENT_CUES, IDIOM_CUES,
                                 IN_OPINION, INTENT_VERBS, ISSUED_NOUNS, MUTE_NOUNS, MUTE_PRONOUNS, OBJECT_VERBS, PREP_CUES, PRONOUNS,
                                 RELAY_VERBS, REPORTING_VERBS, ROLE_NOUNS, SENTENCE_END, SOURCE_DOCUMENTS, SPOKEN_NOUNS,
                                 STANCE_VERBS, WEAK_VERBS, WRITER_POSSESSIVES)


def is_relative(tok: Token) -> bool:
    """"who" in "the candidate who said …": a subject that stands for the noun its clause modifies."""
    return tok.tag_ in ("WP", "WDT") and tok.head.dep_ == "relcl" and tok.head.head.i != tok.head.i


def mention_of(subj: Token) -> Span:
    """The words that name a speaker: "a super PAC that intends …" names it by both the noun and
    "that" (annotators mark either), so the mention of a relative "that" runs from its noun."""
    phrase = noun_phrase(subj)
    if not is_relative(subj) or subj.lower_ != "that":
        return phrase  # "who" is the mention of "Trump, who said …"
    noun = noun_phrase(subj.head.head)
    return subj.doc[min(noun.start, phrase.start):phrase.end] if noun.start >= subj.sent.start else phrase


def is_cue(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("VERB", "AUX") and lemma in REPORTING_VERBS["en"]:
        return lemma not in WEAK_VERBS["en"] or tok.dep_ in ("ROOT",)
    if tok.pos_ == "VERB" and lemma in IDIOM_CUES["en"]:
        return any(c.dep_ == "dobj" and c.lower_ == IDIOM_CUES["en"][lemma] for c in tok.children)
    if tok.pos_ == "NOUN" and tok.i > 0 and tok.doc[tok.i - 1].pos_ in ("PROPN", "PRON"):
        word = tok.lower_
        return word.endswith("s") and (word[:-1] in REPORTING_VERBS["en"] or word[:-2] in REPORTING_VERBS["en"])
    return False


def takes_position(tok: Token) -> bool:
    """A verb whose subject states or takes a position: a reporting, stance or intention verb."""
    lemma = tok.lemma_.lower()
    return tok.pos_ in ("VERB", "AUX") and any(
        lemma in table["en"] for table in (REPORTING_VERBS, OBJECT_VERBS, STANCE_VERBS, INTENT_VERBS,
                                           FINDING_VERBS, PREP_CUES))


def outer_cue(cue: Token) -> Token:
    """"Clinton says she admired … what she calls a “war of words”": a labelling verb inside
    another report belongs to that report, whose speaker is the source (the outermost one)."""
    if cue.lemma_.lower() not in FRAGMENT_CUES["en"]:
        return cue
    if cue.dep_ in ("conj", "advcl") and any(c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in cue.children):
        return cue  # "Peskov added that …, and (while) Ushakov called them “…”": a clause of its own speaker
    best = cue
    for anc in cue.ancestors:
        if anc.sent.start != cue.sent.start or anc.lemma_.lower() in RELAY_VERBS["en"]:
            break  # "TASS reported that Peskov called it “…”": an outlet relays, Peskov labels
        if takes_position(anc) and subject_of(anc) is not None:
            best = anc  # its subject may sit on a verb above ("took to Twitter to encourage …")
    return best


def attributes_by_phrase(tok: Token) -> bool:
    """The cue is the opening word of "according to X" or "in X's opinion", not a verb."""
    return tok.lower_ in (ACCORDING_TO["en"][0], IN_OPINION["en"][0])


def according_object(tok: Token) -> Token | None:
    """The source of "according to X" (``tok`` is "according") or of "in his opinion", "in
    Lavrov's words" (``tok`` is "in"): X, or the owner of the opinion."""
    word, prep = ACCORDING_TO["en"]
    if tok.lower_ == IN_OPINION["en"][0]:
        return _opinion_owner(tok)
    if tok.lower_ != word:
        return None
    for child in tok.children:
        if child.lower_ == prep:
            objs = [c for c in child.children if c.dep_ == "pobj"]
            return objs[0] if objs else None
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ == prep:
        objs = [c for c in nxt.children if c.dep_ == "pobj"]
        return objs[0] if objs else None
    return None


def main_subject(sent: Span, quoted: list[bool] | None = None) -> Token | None:
    """"Jones disagreed. ⏎ “They are not ready.”": without a reporting verb, the person the
    sentence before is about speaks next (its main subject, if it names someone)."""
    inside = (lambda t: quoted[t.i]) if quoted else (lambda t: False)
    root = sent.root
    subj = [c for c in root.children if c.dep_ == "nsubj" and not inside(c)]
    if not subj or root.pos_ not in ("VERB", "AUX") or inside(root):
        return None
    tok = subj[0]
    return tok if tok.pos_ == "PROPN" or tok.lower_ in PRONOUNS["en"] else None


def subject_of(cue: Token, quoted: list[bool] | None = None) -> Token | None:
    """Who speaks through ``cue``: its subject, the subject of the verb it depends on, or the
    name right beside it (the small model often leaves "Yagodzinsky notes" without a subject)."""
    inside = (lambda t: quoted[t.i]) if quoted else (lambda t: False)
    relayed = _relayed(cue, inside)
    if relayed is not None:
        return relayed
    named = _interjected_name(cue, inside) or _named_before_title(cue, inside) or _stated_by(cue, inside)
    if named is not None:
        return named
    v = cue
    for _ in range(4):
        if inside(v) and v.i == cue.i:
            break  # a verb above the cue may sit in the quote: she was “whisked … off”
        subj = [_owner_of_words(c) for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and not inside(c)
                and c.text[:1].isalpha() and _same_line(c, v)]
        subj = [c for c in subj if (c.dep_ != "nsubjpass" or can_speak(c)) and not _elided(c, v)]
        if len(subj) > 1:  # the parse gave two: "…, a plan the White House said …"; the nearest speaks
            subj.sort(key=lambda c: abs(v.i - c.i))
        if subj and subj[0].tag_ in ("WP", "WDT") and v.dep_ == "relcl":
            # "the candidate who said …": the mention is "who" or "that" (``resolve_mention`` finds
            # the candidate, ``mention_of`` widens "that" to its noun)
            owner = _owner_of_words(v.head)  # "Putin's remarks, which called …": Putin's words
            if owner.i != v.head.i:
                return owner
            return subj[0] if subj[0].lower_ in ("who", "which", "that") else v.head
        if subj:
            if v.i != cue.i and v.dep_ == "ccomp" and is_cue(v.head) and not inside(v.head):
                return subject_of(v.head, quoted) or subj[0]
            if subj[0].lower_ in MUTE_PRONOUNS["en"]:
                return _outer_speaker(v, inside) or subj[0]
            return _named_apposition(subj[0]) or subj[0]
        if v.dep_ == "acl" and v.i == cue.i and v.tag_ in ("VBG", "VBD") and not inside(v.head):
            noun = _participle_speaker(v.head)
            if noun is not None:
                return noun
        comp = [c for c in v.children if c.dep_ == "compound" and c.pos_ in ("PROPN", "PRON", "NOUN")]
        if comp and v.pos_ == "NOUN":
            return comp[-1]
        if v.dep_ not in ("xcomp", "advcl", "conj", "pcomp", "prep", "acl") or v.head.i == v.i:
            break
        blamed = _object_of_blame(v)
        if blamed is not None and not inside(blamed):
            return blamed
        v = v.head
    return _beside(cue, inside) or _earlier_cue_subject(cue, quoted, inside)


def _elided(subj: Token, verb: Token) -> bool:
    """"Russia rejects plan, says talks 'moving forward'": a headline leaves out the subject of
    "says", and the parse takes the happening after it; a happening cannot speak."""
    return subj.i > verb.i and subj.lemma_.lower() in MUTE_NOUNS["en"]


def _stated_by(cue: Token, inside) -> Token | None:
    """"“…,” this was stated by Kremlin aide Yuri Ushakov": a passive cue's agent speaks when
    its subject is only the quote pointed at, or a thing judged ("the plan was described as
    “premature” by Peskov"). "Lavrov's words were quoted by TASS": the owner of the words speaks,
    the agent relays."""
    subject = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
    if not any(c.dep_ == "auxpass" for c in cue.children) or subject is not None and not _judged(subject):
        return None
    agent = passive_agent(cue)
    return agent if agent is not None and not inside(agent) and can_speak(agent) else None


def _judged(subject: Token) -> bool:
    """A passive subject that is spoken about, not speaking: "it", or a thing no one owns here."""
    return subject.lower_ in ("this", "that", "it", "which") or not can_speak(subject) \
        and _owner_of_words(subject) is subject


def _owner_of_words(subj: Token) -> Token:
    """"Peskov's words are quoted by TASS", "Lavrov's remarks were cited …": words that cannot
    speak, owned by someone who can, are that one's."""
    if subj.pos_ != "NOUN" or can_speak(subj) or subj.lemma_.lower() not in SPOKEN_NOUNS["en"] | ISSUED_NOUNS["en"]:
        return subj  # "his wife said": she speaks, not he
    owner = next((c for c in subj.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "PRON", "NOUN")), None)
    return owner if owner is not None and can_speak(owner) else subj


def _relayed(cue: Token, inside) -> Token | None:
    """"TASS quoted Peskov as saying …", "Interfax reported, citing Ushakov, that …": an outlet
    relays; the one it quotes or cites speaks, not the outlet."""
    for v in [cue, *cue.ancestors][:4]:
        if v.sent.start != cue.sent.start:
            break
        verbs = [v] + [c for c in v.children if c.dep_ in ("advcl", "xcomp", "conj") and c.tag_ == "VBG"]
        for verb in verbs:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in CITING_VERBS["en"]:
                continue
            obj = next((c for c in verb.children if c.dep_ == "dobj" and not inside(c)
                        and (c.pos_ == "PROPN" or c.pos_ in ("PRON", "NOUN") and can_speak(c))), None)
            if obj is not None:
                return obj
    return None


def _interjected_name(cue: Token, inside) -> Token | None:
    """"To read the treaty, Judge Olena Koval said, one must …": a name and its verb
    set off by commas inside someone's sentence; the parse often takes a nearer noun as subject."""
    doc = cue.doc
    if cue.i + 1 >= len(doc) or doc[cue.i + 1].text != "," or cue.i < 2:
        return None
    i = cue.i - 1
    while i > 0 and doc[i].pos_ == "PROPN" and not inside(doc[i]) and cue.i - i <= 5:
        i -= 1
    if i == cue.i - 1 or doc[i].text != ",":
        return None
    return doc[cue.i - 1]


def _named_before_title(cue: Token, inside) -> Token | None:
    """"…, Dmitry Peskov, the spokesman of the Kremlin said": a cue with no subject right after a
    title set off after a name; the name speaks, not the body the title names."""
    if cue.i == 0 or any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return None
    t = cue.doc[cue.i - 1]
    for _ in range(6):
        if t.dep_ == "appos" and t.lemma_.lower() in ROLE_NOUNS["en"] and t.head.pos_ == "PROPN" \
                and t.head.ent_type_ not in ("GPE", "LOC", "FAC") and t.head.i < t.i and not inside(t.head):
            return t.head
        if t.head.i == t.i or t.head.i >= cue.i:
            return None
        t = t.head
    return None


def _named_apposition(subj: Token) -> Token | None:
    """"With fifty days until the vote, Anna Kovalenko, an adviser, called …": the parse made a
    noun that cannot speak the subject and the name its apposition; the name speaks. So does a
    person set beside a place: "MOSCOW (Outlet) – Foreign Minister Sergei Lavrov stated …" (a
    dateline the parse made the subject)."""
    if subj.ent_type_ in ("GPE", "LOC"):
        names = [c for c in subj.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
        return names[0] if names else None
    if subj.lemma_.lower() in ROLE_NOUNS["en"]:  # "the defence minister Rustem Umerov who led …"
        names = [c for c in subj.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"
                 and c.left_edge.i == subj.i + 1]
        return names[0] if names else None
    if subj.pos_ != "NOUN" or can_speak(subj):
        return None
    names = [c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    return names[0] if names else None


def can_speak(tok: Token) -> bool:
    """A subject that could say something: a name, a person pronoun, a role, body or source noun;
    not "it", "this" or "blunt language" (an inner verb's subject or object, not the source)."""
    if tok.lower_ in MUTE_PRONOUNS["en"]:
        return False
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    if tok.pos_ == "PRON":
        return tok.lower_ not in MUTE_PRONOUNS["en"]
    words = ROLE_NOUNS["en"] | BODY_NOUNS["en"] | ANONYMOUS_HEADS["en"] | SOURCE_DOCUMENTS["en"]
    return tok.pos_ != "NOUN" or tok.lemma_.lower() in words or tok.lower_ in words


def _outer_speaker(v: Token, inside) -> Token | None:
    """"Mr. Barrett said that when Patriot signaled …", "Obama said it would tell …": a cue whose
    subject cannot speak, inside the clause of a reporting verb, belongs to that verb's speaker."""
    for anc in v.ancestors:
        if anc.sent.start != v.sent.start or inside(anc):
            break
        if anc.pos_ in ("VERB", "AUX") and anc.lemma_.lower() in REPORTING_VERBS["en"]:
            subj = [c for c in anc.children if c.dep_ == "nsubj" and not inside(c) and _same_line(c, anc)]
            if subj and can_speak(subj[0]):
                return subj[0]
    return None


def _participle_speaker(noun: Token) -> Token | None:
    """"footage of Trump saying …", "Tim Cook, called …": the noun a speech participle modifies
    speaks, or the name in its "of" phrase."""
    if noun.pos_ == "NOUN" and noun.dep_ == "dobj" and noun.lemma_.lower() in BODY_NOUNS["en"]:
        subj = [c for c in noun.head.children if c.dep_ == "nsubj" and can_speak(c)]
        if subj:
            return subj[0]  # "the Council issued a statement calling …": the issuer speaks
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            names = [g for g in prep.children if g.pos_ == "PROPN"]
            if names:
                return names[0]
    if noun.pos_ == "PROPN" or noun.pos_ == "NOUN" and can_speak(noun):
        return noun
    return None


def _object_of_blame(v: Token) -> Token | None:
    """"criticized Oz for saying …", "accused her of saying …", "pressed Stumpf to admit …": the one
    criticised or pressed says it, not the critic (the object controls the verb)."""
    if v.dep_ == "xcomp":
        verb = v.head
    elif v.dep_ == "pcomp" and v.head.lower_ in ("for", "of"):
        verb = v.head.head
    else:
        return None
    if verb.pos_ != "VERB":
        return None
    objs = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("PROPN", "NOUN", "PRON") and c.i < v.i
            and (can_speak(c) or _of_name(c))]  # "used blunt language to denounce …": language says nothing
    return objs[0] if objs else None


def _of_name(tok: Token) -> bool:
    """"footage of Hillary Clinton asking …": the named one speaks through the footage."""
    return any(c.dep_ == "prep" and any(g.pos_ == "PROPN" for g in c.children) for c in tok.children)


def _same_line(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.i, b.i))
    return not any("\n" in t.text for t in a.doc[lo:hi])


def _beside(cue: Token, inside) -> Token | None:
    """"… Katarina Mathernova wrote:" or "… wrote the Belgian Foreign Minister"."""
    closing = closing_subject(cue, inside)
    if closing is not None:
        return closing
    doc = cue.doc
    before = doc[cue.i - 1] if cue.i > 0 else None
    if before is not None and before.pos_ in ("PROPN", "PRON") and not inside(before) and before.is_alpha:
        return before
    role = _role_phrase_ending(before) if before is not None and not inside(before) else None
    if role is not None:
        return role
    named = _appositive_name(cue, inside)
    if named is not None:
        return named
    j = cue.i + 1
    head = None
    while j < len(doc) and doc[j].pos_ in ("DET", "ADJ", "PROPN", "NOUN") and not inside(doc[j]):
        head = doc[j] if doc[j].pos_ in ("PROPN", "NOUN") else head
        j += 1
    if head is None or not head.is_alpha or head.ent_type_ in ("DATE", "TIME"):
        return None  # "called Friday for …": a day is not a speaker
    if head.pos_ == "NOUN" and head.lemma_.lower() not in ROLE_NOUNS["en"] | BODY_NOUNS["en"]:
        return None
    return head


def _role_phrase_ending(last: Token) -> Token | None:
    """"… the head of the presidential office said" with the parse's subject lost: the role noun
    whose "of" phrase ends right before the cue."""
    t = last
    while t.pos_ in ("NOUN", "PROPN") and t.dep_ == "pobj" and t.head.lower_ == "of":
        t = t.head.head
    return t if t.i != last.i and t.pos_ == "NOUN" and t.lemma_.lower() in ROLE_NOUNS["en"] else None


def _appositive_name(cue: Token, inside) -> Token | None:
    """"“…,” Flynn, a top Trump surrogate, said": the parse may hang the name on a word inside
    the quote; the first name between the closing mark and the cue, before its apposition, speaks."""
    doc = cue.doc
    if cue.i == 0 or doc[cue.i - 1].text != ",":
        return None
    i = cue.i - 1
    while i > 0 and not inside(doc[i - 1]) and doc[i - 1].text not in SENTENCE_END and cue.i - i < 15:
        i -= 1
    if i == 0 or not inside(doc[i - 1]):
        return None  # only the stretch right after a quote: "the president, he said, …" parses well
    for tok in doc[i:cue.i]:
        if tok.is_alpha and (tok.pos_ == "PROPN" and tok.text[:1].isupper()
                             or tok.pos_ == "PRON" and tok.lower_ not in MUTE_PRONOUNS["en"]):
            name = tok
            while name.i + 1 < cue.i and doc[name.i + 1].pos_ == "PROPN":
                name = doc[name.i + 1]
            return name
    return None


def _earlier_cue_subject(cue: Token, quoted, inside) -> Token | None:
    """"Trump warned, “…,” and separately declared that …": the sentence's earlier cue speaks."""
    for tok in reversed(list(cue.doc[cue.sent.start:cue.i])):
        if not inside(tok) and is_cue(tok):
            subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and not inside(c)]
            if subj:
                return subj[0]
    return None


def _opinion_owner(prep: Token) -> Token | None:
    noun = next((c for c in prep.children if c.dep_ == "pobj" and c.lower_ in IN_OPINION["en"][1]), None)
    owner = next((c for c in noun.children if c.dep_ == "poss"), None) if noun is not None else None
    if owner is None and noun is not None:  # "in the words of Mayor Koval"
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if owner is None or owner.lower_ in WRITER_POSSESSIVES["en"]:
        return None
    return owner if owner.pos_ in ("PRON", "PROPN") else None


def cue_text(cue: Token) -> str:
    if cue.lower_ == ACCORDING_TO["en"][0]:
        return f"{cue.text} {ACCORDING_TO['en'][1]}"
    if cue.lower_ == IN_OPINION["en"][0] and _opinion_owner(cue) is not None:
        return " ".join(t.text for t in cue.subtree)
    parts = [c for c in cue.children if c.dep_ == "prt"
             or c.dep_ == "dobj" and c.lower_ == IDIOM_CUES["en"].get(cue.lemma_.lower())]
    return " ".join([cue.text] + [p.text for p in parts])
