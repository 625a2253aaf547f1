"""The phrases of a parse that name someone: the run of a proper name, a subject's noun phrase
without its clauses, the agent of a passive, and which words stand inside quotation marks.

The index of people (``people``) and the resolver (``actors``) both read them; they know no
case, only the parse.
"""
from __future__ import annotations

import numpy
from spacy.tokens import Span, Token

from detente.extract.context import ArticleContext
from detente.extract.mentions.vocabulary import BODY_NOUNS, ROLE_NOUNS


_QUOTED_KEY = "actors.quoted"
_LINE_STARTS = "detente.actors.line_starts"
_NAME_POS = {"PROPN"}


def passive_agent(verb: Token) -> Token | None:
    """The noun after "by" in a passive ("was led by Umerov", "this was stated by Ushakov")."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None


def closing_subject(verb: Token, inside=lambda t: False) -> Token | None:
    """'…, a source in the Kremlin said.', '…, people briefed on the talks said.': with no subject
    of its own, a verb of saying that closes a sentence after a comma is spoken by the phrase
    between the two, which the parse may have hung on the clause before ('Istanbul, a source')."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children):
        return None
    doc, start = verb.doc, verb.i - 1
    while start > verb.sent.start and doc[start].text != "," and verb.i - start <= _CLOSING_WORDS:
        start -= 1
    if doc[start].text != "," or start == verb.i - 1:
        return None
    stretch = range(start + 1, verb.i)
    if any(inside(doc[k]) or doc[k].is_punct for k in stretch):
        return None
    for k in stretch:
        t = doc[k]
        if t.head.i in stretch and t.head.i != t.i:
            continue
        if t.pos_ in ("NOUN", "PROPN"):
            return t
        if t.pos_ == "VERB":  # 'people briefed on the talks': the parse made the participle a verb
            return next((c for c in t.children if c.dep_ == "nsubj" and c.i in stretch), None)
        return None
    return None


_CLOSING_WORDS = 10


def quoted_tokens(ctx: ArticleContext) -> list[bool]:
    """Which tokens stand inside double quotation marks (a curly mark opens or closes by its
    shape, a straight one toggles; a paragraph break closes any quote left open)."""
    quoted = ctx.scratch.get(_QUOTED_KEY)
    if quoted is None:
        quoted, inside = [], False
        for t in ctx.doc:
            if t.text in ("“", "«", "„") or t.text == '"' and not inside:
                inside = True
            elif t.text in ("”", "»") or t.text == '"':
                inside = False
            elif "\n" in t.text_with_ws:
                quoted.append(inside)
                inside = False
                continue
            quoted.append(inside)
        ctx.scratch[_QUOTED_KEY] = quoted
    return quoted


def names_head(tok: Token, head: Token) -> bool:
    """``tok`` is part of what ``head`` names, not a possessor, a phrase hanging on it or the
    name of a thing qualifying it ("Putin's spokesperson", "an aide of Putin", "officials in the
    Trump administration", "Trump administration officials" are not Putin or Trump)."""
    path, t = [], tok
    while t.i != head.i and t.head.i != t.i:
        path.append(t)
        t = t.head
    if t.i != head.i:
        return False
    if any(p.dep_ == "appos" and p.head.ent_type_ in ("GPE", "LOC", "FAC") for p in path):
        return True  # "the head of the delegation at the talks in Geneva, Vladimir Medinsky": the
        # parse hangs the name on the place, which no name renames; it renames the phrase
    if any(p.dep_ == "poss" or p.lower_ in ("of", "for", "to") for p in path):
        return False
    return not any(p.dep_ == "prep" or (p.dep_ == "compound" and p.head.pos_ == "NOUN"
                                        and p.head.ent_type_ != "PERSON") for p in path)


def noun_phrase(head: Token) -> Span:
    """The phrase of a subject head without its relative clauses, appositions or trailing punctuation."""
    doc = head.doc
    left = head.left_edge.i
    right = head.i
    for child in head.rights:
        if child.dep_ in ("compound", "flat", "poss") or (child.dep_ == "prep" and child.lower_ in ("of", "for", "in", "to")) \
                or _bare_name(head, child):
            right = max(right, child.right_edge.i)
    floor = max(head.sent.start, _line_start(head))
    left = max(left, floor)
    while left < head.i and doc[left].pos_ in ("PUNCT", "SPACE"):
        left += 1
    return doc[left:right + 1]


def _bare_name(head: Token, child: Token) -> bool:
    """"Ukraine's chief negotiator Rustem Umerov said": a name right after its title, with no
    comma between, which the parse made an apposition, belongs to the phrase."""
    return child.dep_ == "appos" and child.pos_ == "PROPN" and child.left_edge.i == head.i + 1 \
        and all(t.pos_ == "PROPN" for t in child.subtree)


def _line_start(tok: Token) -> int:
    """First token of the paragraph holding ``tok``: phrases never run across a line break.
    The table is built once per ``Doc`` (walking back from every subject was quadratic in a
    long paragraph)."""
    starts = tok.doc.user_data.get(_LINE_STARTS)
    if starts is None or len(starts) != len(tok.doc):
        starts = tok.doc.user_data[_LINE_STARTS] = _line_starts(tok.doc).tolist()  # msgpack-able
    return starts[tok.i]


def _line_starts(doc) -> numpy.ndarray:
    """For each token, the index of the first token of its line."""
    breaks = numpy.fromiter(("\n" in t.text_with_ws for t in doc), dtype=bool, count=len(doc))
    opens = numpy.zeros(len(doc), dtype=numpy.int64)
    opens[1:] = numpy.where(breaks[:-1], numpy.arange(1, len(doc)), 0)
    return numpy.maximum.accumulate(opens) if len(doc) else opens


def name_tokens(head: Token) -> Span | None:
    """The proper-name run ending at ``head`` ("Kirill Dmitriev" in "envoy Kirill Dmitriev")."""
    if head.pos_ not in _NAME_POS or not head.text[:1].isupper():
        return None
    doc = head.doc
    start = head.i
    while start > 0 and doc[start - 1].pos_ in _NAME_POS and doc[start - 1].head.i in (head.i, start) \
            and doc[start - 1].text[:1].isupper() and doc[start - 1].lower_ not in ROLE_NOUNS["en"]:
        start -= 1
        if start > 1 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ \
                and not doc[start - 1].whitespace_ and doc[start - 2].pos_ in _NAME_POS:
            start -= 2  # "Jean-Marc Ayrault": a hyphenated first name is one word
    first = head.i
    while first > 0 and head.ent_type_ == "PERSON" and doc[first].ent_iob_ == "I":
        first -= 1
    if first < head.i:
        start = max(start, first)  # a PERSON entity of several words is the whole name
    titled = _after_body_title(doc, start, head.i)
    if titled is not None:
        return doc[titled:head.i + 1]
    while start < head.i and doc[start].ent_type_ not in ("", "PERSON") and not _one_entity(doc, start, head.i):
        start += 1  # "Ukraine Katarina Mathernova": a place before a name is not part of it
    return doc[start:head.i + 1]


def _one_entity(doc, a: int, b: int) -> bool:
    """Tokens ``a``..``b`` lie in one entity (NER ran "Kharkiv, Ihor Terekhov" into one ORG)."""
    return all(doc[k].ent_iob_ == "I" for k in range(a + 1, b + 1))


def _after_body_title(doc, start: int, end: int) -> int | None:
    """"Head of the Odesa Regional Administration Oleh Kiper": NER takes the whole run for an
    organisation; the two or three words after its last body noun are the person's name."""
    body = max((k for k in range(start, end) if doc[k].lower_ in BODY_NOUNS["en"]), default=None)
    if body is None or not 2 <= end - body <= 3:
        return None
    return body + 1


def clean_name(text: str) -> str:
    text = " ".join(text.split())
    for det in ("the ", "The ", "a ", "A ", "an ", "An "):
        if text.startswith(det):
            text = text[len(det):]
    return text.strip(" ,.:;")
