"""Where in an article events can be at all, worked out once per Doc.

Why: walking every token of every sentence through spaCy's Python objects cost more than the
event rules themselves, and ``Span.ents`` rescans the whole Doc on each call. One vectorised
pass finds the few tokens whose lemma could trigger an event and the tokens that hold a line
break; sentences without a candidate trigger are skipped unread (entities: ``ArticleContext.ents_in``).
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import numpy as np
from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.tokens import Doc

from detente.extract.events import words as W
from detente.extract.context import ArticleContext

TRIGGER_LEMMAS = (W.AGREEMENT_NOUNS | W.EXCHANGE_WORDS | W.MEETING_NOUNS | W.GROUND_NOUNS
                  | W.STRIKE_NOUNS | W.AGREEMENT_VERBS | W.MEETING_VERBS | W.GROUND_VERBS
                  | W.STRIKE_VERBS | W.CALL_NOUNS | W.CALL_VERBS | W.DIAL_VERBS | W.ORDER_VERBS | W.CALL_OFF_VERBS
                  | W.ANNOUNCE_VERBS | frozenset(W.CALL_OFF_PARTICLES) | W.COMPANY_VERBS | W.HOST_VERBS
                  | W.NEGOTIATE_VERBS | W.UNDER_FIRE)
_SCRATCH = "events.index"
_MEMO: dict[tuple[frozenset[str], bool], "_Memo"] = {}  # string hashes are the same in every vocab


@dataclass(frozen=True)
class DocIndex:
    """Token positions, ascending: possible triggers, prisoner words and line breaks."""

    triggers: list[int]
    prisoners: list[int]
    breaks: list[int]

    def within(self, positions: list[int], start: int, end: int) -> list[int]:
        return positions[bisect_left(positions, start):bisect_left(positions, end)]

    def any_within(self, positions: list[int], start: int, end: int) -> bool:
        k = bisect_left(positions, start)
        return k < len(positions) and positions[k] < end


def index_of(ctx: ArticleContext) -> DocIndex:
    """The article's index, built on first use and kept in the context's scratch."""
    index = ctx.scratch.get(_SCRATCH)
    if index is None or index[0] is not ctx.doc:
        index = ctx.scratch[_SCRATCH] = (ctx.doc, build(ctx.doc))
    return index[1]


def build(doc: Doc) -> DocIndex:
    if not len(doc):
        return DocIndex([], [], [])
    cols = doc.to_array([LEMMA, LOWER, ORTH])
    lemmas = _hashes_of(doc, cols[:, 0], TRIGGER_LEMMAS)
    plurals = _hashes_of(doc, cols[:, 1], W.PLURAL_EVENT_NOUNS, lower=False)
    triggers = np.flatnonzero(np.isin(cols[:, 0], lemmas) | np.isin(cols[:, 1], plurals))
    prisoners = np.flatnonzero(np.isin(cols[:, 0], _hashes_of(doc, cols[:, 0], W.PRISONER_WORDS)))
    breaks = np.flatnonzero(np.isin(cols[:, 2], _hashes_of(doc, cols[:, 2], _HAS_NEWLINE, lower=False)))
    return DocIndex(triggers.tolist(), prisoners.tolist(), breaks.tolist())


class _HasNewline(frozenset):
    """Matches any string with a line break (a token's trailing whitespace is never one)."""

    def __contains__(self, text) -> bool:
        return "\n" in text


_HAS_NEWLINE = _HasNewline()


@dataclass
class _Memo:
    seen: set[int]
    hits: np.ndarray


def _hashes_of(doc: Doc, hashes: np.ndarray, words: frozenset[str], lower: bool = True) -> np.ndarray:
    """The hashes among ``hashes`` whose string (lower-cased) is in ``words``; each distinct
    string is looked up once per process, the rest is set and array work."""
    memo = _MEMO.setdefault((words, lower), _Memo(set(), np.empty(0, np.uint64)))
    new = set(hashes.tolist()).difference(memo.seen)
    if new:
        strings = doc.vocab.strings
        found = [h for h in new if (strings[h].lower() if lower else strings[h]) in words]
        memo.seen |= new
        if found:
            memo.hits = np.union1d(memo.hits, np.array(found, dtype=np.uint64))
    return memo.hits
