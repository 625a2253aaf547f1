"""Which issue of the codebook a clause is about.

Lexical by default: the codebook's cue words, longest match first, scored by how many words
each cue has (a specific phrase beats a generic word); ties go to the issue listed first.
An optional embedding classifier (``issue_classifier="embedding"``) compares the clause with
each issue's description and cues; it imports its model lazily.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from detente.codebook import Codebook
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


def _cue_patterns(codebook: Codebook) -> list[tuple[str, str, re.Pattern]]:
    """(issue id, cue, pattern) sorted longest cue first, so 'security guarantees' wins over 'guarantees'."""
    cached = _PATTERNS.get(id(codebook))
    if cached is None or cached[0] is not codebook:
        cached = _PATTERNS[id(codebook)] = (codebook, _compile(codebook))
    return cached[1]


def _compile(codebook: Codebook) -> list[tuple[str, str, re.Pattern]]:
    rows = []
    for issue in codebook.issues:
        for cue in issue.cues:
            pat = re.compile(r"(?<!\w)" + re.escape(cue.lower()) + r"(?!\w)")
            rows.append((issue.id, cue, pat))
    return sorted(rows, key=lambda r: -len(r[1]))


def lexical_issues(text: str, codebook: Codebook) -> list[IssueHit]:
    """All issues whose cues occur in the text, best first."""
    low = text.lower()
    taken = [False] * len(low)
    hits: dict[str, IssueHit] = {}
    for issue_id, cue, pat in _cue_patterns(codebook):
        for m in pat.finditer(low):
            if any(taken[m.start():m.end()]):
                continue
            taken[m.start():m.end()] = [True] * (m.end() - m.start())
            hit = hits.setdefault(issue_id, IssueHit(issue_id, 0.0))
            hit.score += len(cue.split())
            hit.cues.append(cue)
    order = {i.id: n for n, i in enumerate(codebook.issues)}
    return sorted(hits.values(), key=lambda h: (-h.score, order[h.issue]))


def classify_issue(text: str, codebook: Codebook, method: str = "lexical") -> IssueHit | None:
    """The best issue for a clause, or None when nothing in it names an issue."""
    if method == "lexical":
        hits = lexical_issues(text, codebook)
        return hits[0] if hits else None
    if method == "embedding":
        from detente.extract.issue_embeddings import embedding_issue
        return embedding_issue(text, codebook)
    raise IssueClassifierError(f"unknown issue classifier {method!r}; use 'lexical' or 'embedding'")
