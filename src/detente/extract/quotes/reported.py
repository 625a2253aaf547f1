"""Reported speech without quotation marks: "X said (that) …", "according to X, …", "X: …".

The content is the clause the parse gives the reporting verb (its ``ccomp``, or its object for
verbs such as "cite" or "urge"); a clause already inside a direct or mixed quote is left out.
News attribution (PolNeAR's codebook) also counts positions taken without a speech verb:
findings ("the study shows that …"), intentions ("refused to endorse …"), stances ("endorsed
the plan") and verb + preposition ("called for a ceasefire"), each a table of ``cues``. A
report inside another report is part of it, so only the outermost is kept.
"""
from __future__ import annotations

import numpy
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Span, Token

from detente.extract.mentions.actors import resolve_mention
from detente.extract.mentions.phrases import closing_subject
from detente.extract.quotes.attribution import according_object, cue_text, is_relative, mention_of, subject_of
from detente.extract.context import ArticleContext
from detente.extract.mentions.vocabulary import (ACCORDING_TO, ADDRESSEE_VERBS, CITING_VERBS, CLAUSE_VERBS,
                                                 FINDING_VERBS, IN_OPINION, INTENT_VERBS, NOT_SPEAKER_LABELS, OBJECT_VERBS, PREP_CUES,
                                                 SENTENCE_END, STANCE_VERBS)
from detente.records import Quote, Speaker

_NOT_SPEAKERS = frozenset({"this", "that", "what", "which", "it", "there"})
_OBJECT_PREPS = frozenset({"for", "about", "on"})


def find_reported(ctx: ArticleContext, quoted: list[bool], covered: list[tuple[int, int]]) -> list[Quote]:
    """Indirect quotes; ``quoted`` marks tokens inside quotation marks, ``covered`` the quotes found."""
    out: list[Quote] = []
    seen: set[tuple[int, int]] = set()
    blocked: list[tuple[Token, Token]] = []  # (cue, speaker) of reports dropped for running into a quote
    for tok in _candidates(ctx.doc):
        if quoted[tok.i]:
            continue
        found = _reported_clause(tok, quoted) or _according_clause(tok) or _headline_clause(tok, quoted)
        if found is None:
            continue
        speaker_tok, first, last = found
        start, end = _trimmed(ctx.doc, first, last)
        if end - start < 8 or (start, end) in seen:
            continue
        if any(s < end and start < e for s, e in covered):
            blocked.append((tok, speaker_tok))
            continue  # reported clauses may nest ("X says Y promised … and said …"), quotes may not
        speaker_tok = _outer_source(tok, speaker_tok, blocked)
        speaker = Speaker(name=None) if _addressed(tok) else resolve_mention(mention_of(speaker_tok), ctx)
        out.append(Quote(text=ctx.text[start:end], start=start, end=end, kind="indirect",
                         cue=cue_text(tok), speaker=speaker))
        seen.add((start, end))
    return _outermost(out)


def _candidates(doc: Doc) -> list[Token]:
    """The only tokens a report can hang on: verbs, "according", "in" and colons (picked from arrays,
    so no Token is made for the other words)."""
    pos, lower = doc.to_array("POS"), doc.to_array("LOWER")
    keep = (pos == VERB) | (pos == AUX) | (lower == doc.vocab.strings.add(ACCORDING_TO["en"][0])) \
        | (lower == doc.vocab.strings.add(IN_OPINION["en"][0])) | (lower == doc.vocab.strings.add(":"))
    return [doc[int(i)] for i in numpy.flatnonzero(keep)]


def _outer_source(cue: Token, speaker_tok: Token, blocked: list[tuple[Token, Token]]) -> Token:
    """"Clinton told the audience that she believes …, saying “…”": the outer report runs into a
    quote and is not kept, but the inner one, in its clause, is still hers: the outermost source speaks."""
    head = cue
    while head.dep_ == "ccomp" and head.head.i != head.i:
        head = head.head
        for outer_cue, outer in blocked:
            if outer_cue.i == head.i and outer.i < cue.i and not _sentence_break(cue.doc, outer.i, cue.i):
                return outer
    return speaker_tok


def _sentence_break(doc: Doc, first: int, last: int) -> bool:
    """A full stop between two tokens, whatever the parse made of the sentences."""
    return any(t.text in SENTENCE_END for t in doc[first:last])


def _outermost(quotes: list[Quote]) -> list[Quote]:
    """"X said she plans to …": a report inside another report is part of it, not a second quote."""
    return [q for q in quotes if not any(o is not q and o.start <= q.start and q.end <= o.end for o in quotes)]


def _reported_clause(tok: Token, quoted: list[bool]) -> tuple[Token, int, int] | None:
    """"X said (that) …", "X refused to endorse …", "X called for …": the subject and the token
    range of the content (a clause, an infinitive, an object or a prepositional object)."""
    if tok.pos_ not in ("VERB", "AUX") or _anonymity_terms(tok):
        return None
    lemma = tok.lemma_.lower()
    speech = lemma in CLAUSE_VERBS["en"]
    comps = [c for c in tok.children if c.dep_ == "ccomp"] if speech or lemma in FINDING_VERBS["en"] else []
    if not comps:
        comps = _object_content(tok, lemma)
        if comps and any(c.dep_ == "nsubjpass" for c in tok.children):
            return None  # "was told to leave", "was urged to …": the subject did not say it
    if not comps and not speech:
        return None
    subj = subject_of(tok, quoted)
    if subj is None or subj.dep_ == "expl" or (subj.lower_ in _NOT_SPEAKERS and not is_relative(subj)):
        return None
    if not comps:
        return _parenthetical(tok, subj)
    comp = comps[0]
    first, last = comp.left_edge.i, comp.right_edge.i
    if first <= subj.i <= last and closing_subject(tok) == subj:
        last = subj.left_edge.i - 1  # "…, a source in the Kremlin said": the parse hung the speaker on the content
    return subj, first, last


def _anonymity_terms(tok: Token) -> bool:
    """"…, who asked not to be named", "because he was not authorized to discuss the talks": the
    terms of a source's anonymity, not what the source said."""
    if any(c.dep_ == "xcomp" and c.lemma_.lower() in ("name", "identify") for c in tok.children):
        return True
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _PERMISSION


_PERMISSION = frozenset({"authorize", "authorise", "authorized", "authorised", "allow", "permit", "clear", "empower"})


def _addressed(tok: Token) -> bool:
    """"Reagan was once asked how …", "Asked about the blast, …": the subject heard it, nobody named said it."""
    if tok.lemma_.lower() not in ADDRESSEE_VERBS["en"]:
        return False
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
    return passive or (tok.tag_ == "VBN" and not any(c.dep_ in ("aux", "nsubj") for c in tok.children))


def _parenthetical(tok: Token, subj: Token) -> tuple[Token, int, int] | None:
    """"…, he said, local officials should be vigilant": the clause around the cue is the content.
    When the attribution closes the sentence ("…, Putin said on Tuesday."), the content ends
    before it, even where the parse hangs part of the content on the verb ("… until Kyiv
    withdraws, Putin said")."""
    head = tok.head
    if tok.dep_ not in ("parataxis", "advcl") or head.i == tok.i or head.pos_ not in ("VERB", "AUX"):
        return None
    own = {t.i for t in tok.subtree}
    rest = [t.i for t in head.subtree if t.i not in own]
    if _closing_attribution(tok, subj):
        rest = [t.i for t in head.subtree if t.i < min(subj.left_edge.i, tok.i)]
        if not rest or not any(t.pos_ in ("VERB", "AUX") for t in tok.doc[rest[0]:rest[-1] + 1]):
            return None
    return (subj, rest[0], rest[-1]) if len(rest) > 3 else None


def _closing_attribution(tok: Token, subj: Token) -> bool:
    """", Putin said on Tuesday." set off by a comma at the sentence's end; not a clause of its
    own such as "…, as police have said" or "…, though officials said otherwise"."""
    first = min(subj.left_edge.i, tok.i)
    last = max([tok.i] + [c.right_edge.i for c in tok.children if c.i > tok.i])
    return first > 0 and tok.doc[first - 1].text == "," and all(
        t.is_punct or t.is_space for t in tok.head.subtree if t.i > last)


def _headline_clause(tok: Token, quoted: list[bool]) -> tuple[Token, int, int] | None:
    """"Politifact: Donald Trump Is Right …": a name and a colon open the line, a claim follows."""
    doc = tok.doc
    if tok.text != ":" or not 1 <= tok.i - _line_first(doc, tok.i) <= 3:
        return None
    name = doc[_line_first(doc, tok.i):tok.i]
    if name.text.lower() in ANSWER_LABELS:
        name = _interviewee(doc, name.start)  # "A: Neutrality is not on the table."
        if name is None:
            return None
    elif not all(t.pos_ == "PROPN" or _capitals(t) for t in name) or name.text.lower() in NOT_SPEAKER_LABELS["en"]:
        return None  # "LIVE: Geneva talks, day two", "Q: How …?": a label, not a speaker
    end = tok.i + 1
    while end < len(doc) and "\n" not in doc[end].text:
        end += 1
    if end - tok.i < 4 or any(quoted[i] for i in range(tok.i + 1, end)):
        return None
    return name.root, tok.i + 1, end - 1


ANSWER_LABELS = frozenset({"a", "answer"})
QUESTION_LABELS = frozenset({"q", "question"})


def _interviewee(doc: Doc, answer: int) -> Span | None:
    """Who answers an interview's "A:" lines: the person named in the sentence that introduces the
    interview, before its first "Q:" (no one, where no such sentence names a person)."""
    first_q = next((t.i for t in doc[:answer] if t.lower_ in QUESTION_LABELS and t.i == _line_first(doc, t.i)
                    and t.i + 1 < len(doc) and doc[t.i + 1].text == ":"), None)
    if first_q is None:
        return None
    for sent in doc[:first_q].sents:
        if any(t.lemma_.lower() == "interview" for t in sent):
            person = next((e for e in sent.ents if e.label_ == "PERSON"), None)
            return person
    return None


def _capitals(t: Token) -> bool:
    """"RUBIO: There will be no …": a transcript's speaker label, which the tagger reads as a noun."""
    return t.is_upper and t.is_alpha and len(t) > 1


def _line_first(doc: Doc, i: int) -> int:
    while i > 0 and "\n" not in doc[i - 1].text_with_ws:
        i -= 1
    return i


def _object_content(tok: Token, lemma: str) -> list[Token]:
    """"cited the remarks", "urged supporters to vote", "refused to endorse him", "called for a ceasefire"."""
    objs: list[Token] = []
    if lemma in OBJECT_VERBS["en"] or lemma in INTENT_VERBS["en"]:
        objs += [c for c in tok.children if c.dep_ in ("xcomp", "ccomp")]
    if objs:
        return objs[:1]  # "urged supporters to vote": the infinitive, not the people urged
    if lemma in CITING_VERBS["en"] and any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children):
        return []  # "Interfax cited Medinsky as saying …": Medinsky is the source, "saying" the report
    if lemma in OBJECT_VERBS["en"] or lemma in STANCE_VERBS["en"]:
        objs += [c for c in tok.children if c.dep_ == "dobj"]
    preps = PREP_CUES["en"].get(lemma, frozenset()) | (_OBJECT_PREPS if lemma in OBJECT_VERBS["en"] else frozenset())
    objs += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in preps
             for g in c.children if g.dep_ in ("pobj", "pcomp") and g.lemma_.lower() != "part"]  # "for his part"
    objs = [o for o in objs if not (o.pos_ == "PRON" and len(list(o.subtree)) == 1)
            and not (o.dep_ == "pobj" and o.ent_type_ in ("DATE", "TIME"))]  # "rejected on Thursday a plan"
    return sorted(objs, key=lambda o: o.i)[:1]


def _according_clause(tok: Token) -> tuple[Token, int, int] | None:
    """"According to X, …": X and the clause it attributes (the rest of the head's subtree)."""
    obj = according_object(tok)
    if obj is None or tok.head.i == tok.i:
        return None
    head = tok.head
    if head.lemma_.lower() in CLAUSE_VERBS["en"] and any(c.dep_ == "nsubj" for c in head.children):
        return None  # "Peskov said, according to TASS": Peskov speaks, TASS relays him
    own = {t.i for t in tok.subtree}
    rest = [t.i for t in head.subtree if t.i not in own]
    after = [i for i in rest if i > tok.right_edge.i]
    before = [i for i in rest if i < tok.left_edge.i]
    part = after if len(after) >= len(before) else before
    if not part:
        return None
    return obj, part[0], part[-1]


def _trimmed(doc: Doc, first: int, last: int) -> tuple[int, int]:
    """Without punctuation at either end, but keeping the mark that closes one opened inside
    ("offered Kyiv a “limited truce”": the parse ends the object at "truce")."""
    while first < last and (doc[first].is_punct or doc[first].is_space):
        first += 1
    while last > first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    after = doc[last + 1] if last + 1 < len(doc) else None
    if after is not None and after.is_quote and _unclosed(doc[first:last + 1].text):
        last += 1
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def _unclosed(text: str) -> bool:
    return text.count("“") > text.count("”") or text.count("«") > text.count("»") or text.count('"') % 2 == 1
