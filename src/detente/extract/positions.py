"""Place a claim on its issue's 0–100 scale from the codebook's anchored cue phrases.

A rejection says where a party is not, so only demands, proposals, acceptances and
assessments are placed; with no anchor cue in the evidence the position stays null.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from detente.codebook import Codebook

PLACED_STANCES = {"demand", "proposal", "acceptance", "assessment"}


@dataclass
class Placement:
    value: float | None = None
    label: str | None = None
    cues: list[str] = field(default_factory=list)


def place(issue_id: str, stance: str, text: str, codebook: Codebook) -> Placement:
    """The scale point whose cues the text carries (most cue words wins; then the longest cue)."""
    issue = codebook.issue(issue_id)
    if issue is None or stance not in PLACED_STANCES or not issue.scale:
        return Placement()
    low = text.lower()
    best, best_key = None, (0, 0)
    for point in issue.scale:
        found = [c for c in point.cues if re.search(r"(?<!\w)" + re.escape(c.lower()) + r"(?!\w)", low)]
        if not found:
            continue
        key = (sum(len(c.split()) for c in found), max(len(c) for c in found))
        if key > best_key:
            best, best_key = (point, found), key
    if best is None:
        return Placement()
    point, found = best
    return Placement(point.value, point.label, found)
