"""Which issue of the codebook a clause is about.

Lexical by default: the codebook's cue words, longest match first, scored by how many words
each cue has (a specific phrase beats a generic word); ties go to the issue listed first.
An optional embedding classifier (``issue_classifier="embedding"``) compares the clause with
each issue's description and cues; it imports its model lazily.
Two clause-level rules sit here too: a bare statement counts only on the talks themselves
(``process_issue``), and 'the plan' takes the issue an earlier sentence names
(``antecedent_issue``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from detente.codebook import Codebook
from detente.extract.claims.cues import ANAPHORIC_NOUNS
from detente.errors import DetenteError

FALLBACK_ISSUE = "other"


class IssueClassifierError(DetenteError):
    """The requested issue classifier cannot run (an optional package is missing)."""


@dataclass
class IssueHit:
    issue: str
    score: float
    cues: list[str] = field(default_factory=list)


_PATTERNS: dict[int, tuple[Codebook, list]] = {}


def _cue_patterns(codebook: Codebook) -> list[tuple[str, str, re.Pattern, str | None]]:
    """(issue id, cue, pattern, first word) sorted longest cue first, so 'security guarantees'
    wins over 'guarantees'."""
    cached = _PATTERNS.get(id(codebook))
    if cached is None or cached[0] is not codebook:
        cached = _PATTERNS[id(codebook)] = (codebook, _compile(codebook))
    return cached[1]


_WORD_RUN = re.compile(r"\w+")
_ARTICLES = {"the", "a", "an"}
_DETERMINER = r"(?:the|a|an|its|their|his|her|our)"  # 'cap on the army' also reads 'cap on its army'


def _inflected(word: str) -> str:
    """A cue word with its regular endings: 'join' reads 'joins', 'joined', 'joining'; 'cease'
    reads 'ceased', 'ceasing'. Short words and words with digits or marks stay as written."""
    if len(word) < 4 or not word.isalpha():
        return re.escape(word)
    if word.endswith("e"):
        return re.escape(word[:-1]) + "(?:e|es|ed|ing)"
    return re.escape(word) + "(?:s|es|ed|ing)?"


def _stems(word: str) -> set[str]:
    """What a word of the text may be the inflection of (``_inflected`` read backwards), so that
    a cue is tried only where its first word may stand."""
    out = {word}
    for end in ("s", "es", "ed", "ing"):
        if word.endswith(end) and len(word) - len(end) >= 3:
            out |= {word[:-len(end)], word[:-len(end)] + "e"}
    return out


def _compile(codebook: Codebook) -> list[tuple[str, str, re.Pattern, str | None]]:
    rows = []
    for issue in codebook.issues:
        for cue in issue.cues:
            words = cue.lower().split(" ")
            spell = _inflected if len(words) > 1 else re.escape  # one word alone is matched as written
            pat = re.compile(r"(?<!\w)" + " ".join(_DETERMINER if w in _ARTICLES else spell(w)
                                                     for w in words) + r"(?!\w)")
            first = _WORD_RUN.match(cue.lower())
            rows.append((issue.id, cue, pat, first.group() if first else None))
    return sorted(rows, key=lambda r: -len(r[1]))


def lexical_issues(text: str, codebook: Codebook) -> list[IssueHit]:
    """All issues whose cues occur in the text, best first."""
    low = text.lower()
    present = {stem for w in _WORD_RUN.findall(low) for stem in _stems(w)}  # where a cue's first word may stand
    taken = [False] * len(low)
    prices = [(m.start(), m.end()) for m in _PRICE.finditer(low)]
    hits: dict[str, IssueHit] = {}
    offered: dict[str, int] = {}
    for issue_id, cue, pat, first in _cue_patterns(codebook):
        if first is not None and first not in present:
            continue
        for m in pat.finditer(low):
            if any(taken[m.start():m.end()]):
                continue
            taken[m.start():m.end()] = [True] * (m.end() - m.start())
            hit = hits.setdefault(issue_id, IssueHit(issue_id, 0.0))
            hit.score += len(cue.split())
            hit.cues.append(cue)
            if not any(lo <= m.start() < hi for lo, hi in prices):
                offered[issue_id] = offered.get(issue_id, 0) + len(cue.split())
    order = {i.id: n for n, i in enumerate(codebook.issues)}
    return sorted(hits.values(), key=lambda h: (-h.score, -offered.get(h.issue, 0), order[h.issue]))


_PRICE = re.compile(r"\b(?:in exchange for|in return for)\b[^.;:!?]*")
""""X in exchange for Y": on a tie, the clause is about X, what is offered or given up; Y is its price."""


def classify_issue(text: str, codebook: Codebook, method: str = "lexical") -> IssueHit | None:
    """The best issue for a clause, or None when nothing in it names an issue."""
    if method == "lexical":
        hits = lexical_issues(text, codebook)
        return hits[0] if hits else None
    if method == "embedding":
        from detente.extract.claims.issue_embeddings import embedding_issue
        return embedding_issue(text, codebook)
    raise IssueClassifierError(f"unknown issue classifier {method!r}; use 'lexical' or 'embedding'")


def process_issue(verb: Token, codebook: Codebook, method: str = "lexical") -> IssueHit | None:
    """A bare 'X said that …' is X's view only when the reported clause is about the talks
    themselves (only issues the codebook marks ``process``); reports of strikes or
    casualties are not positions."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return None
    text = " ".join(t.text for t in clause.subtree)
    hits = lexical_issues(text, codebook)
    named = [codebook.issue(h.issue) for h in hits]
    if not named or not all(i is not None and i.process for i in named):
        return None  # another issue named too: without a stance word, no position on it
    return hits[0] if method == "lexical" else classify_issue(text, codebook, method)


def antecedent_issue(hit: IssueHit, evidence: str, sent: Span, codebook: Codebook,
                     method: str = "lexical") -> IssueHit:
    """'… intends to announce the plan': when the only issue word is a noun pointing back
    ('the plan'), the issue is the one the nearest earlier sentence names."""
    if not hit.cues or not all(c.lower() in ANAPHORIC_NOUNS for c in hit.cues):
        return hit
    if not all(re.search(rf"\b(?:the|this|that|these|those|such)\s+{re.escape(c.lower())}\b", evidence.lower())
               for c in hit.cues):
        return hit
    start = sent.start
    for _ in range(_LOOKBACK):
        if start == 0:
            break
        prev = sent.doc[start - 1].sent
        start = prev.start
        before = classify_issue(prev.text, codebook, method)
        if before is not None and not all(c.lower() in ANAPHORIC_NOUNS for c in before.cues):
            return before
    return hit


_LOOKBACK = 3  # sentences back (subheadings count) to find what 'the plan' points to
