"""What the analysis hands to interfaces: pydantic records, each citing the claims or events behind it."""
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

from detente.wording import points

ShiftKind = Literal["escalation", "softening", "new_demand", "reversal"]
LeakStatus = Literal["unconfirmed", "confirmed", "denied"]


class ClaimRef(BaseModel):
    """One claim as evidence: enough to show the sentence and link to it."""

    id: int
    date: dt.date | None
    party: str
    issue: str
    stance: str
    position: float | None
    evidence: str
    source_type: str
    source_name: str | None = None
    hedged: bool = False
    document_id: str
    url: str | None = None
    title: str | None = None


class PositionPoint(BaseModel):
    """The position in force on ``date`` (after that day's claims), with its band."""

    date: dt.date
    position: float
    low: float
    high: float
    sd: float
    observed: float = Field(description="the weighted mean of that day's claims alone")
    weight: float = Field(description="that day's claims' total provenance weight")
    on_record: bool = Field(description="the party stated it on its own record that day (supersedes older claims)")
    claim_ids: list[int]


class PositionSeries(BaseModel):
    party: str
    issue: str
    issue_name: str
    points: list[PositionPoint]
    current: PositionPoint | None
    claim_ids: list[int]


class Shift(BaseModel):
    """A per-party, per-issue, per-day verdict that the position moved, with the claims on both sides."""

    party: str
    issue: str
    kind: ShiftKind
    direction: Literal["escalation", "softening"] | None = Field(
        None, description="for a reversal too: away from (escalation) or toward (softening) the other side")
    date: dt.date
    confirmed: bool
    status: str
    baseline: float | None = Field(None, description="position in force before the day")
    position: float | None = Field(
        description="what was said that day (weighted mean); None for a stance turn to an acceptance the text does not place")
    delta: float | None = None
    other_side: str | None = Field(None, description="the party (or 'pole') the direction is measured against")
    other_position: float | None = None
    before: ClaimRef | None
    after: ClaimRef
    claim_ids: list[int]

    def move(self) -> str:
        """'40 → 75', 'at 75', or 'to an unplaced acceptance' (a turn the text does not place)."""
        if self.position is None:
            return "to an unplaced acceptance"
        return f"{points(self.baseline)} → {points(self.position)}" if self.baseline is not None \
            else f"at {points(self.position)}"


class Leak(BaseModel):
    """An anonymous or media claim and its lifecycle: unconfirmed until the party's own record speaks."""

    party: str
    issue: str
    status: LeakStatus
    reported: dt.date
    resolved: dt.date | None = None
    claim: ClaimRef
    resolved_by: ClaimRef | None = None
    claim_ids: list[int]
