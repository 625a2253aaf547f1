"""What the ledger hands back: the extraction records plus where they live and how they were reviewed.

Each entry subclasses its ``detente.records`` type, so the contract's fields are never listed twice.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, Field

from detente.records import Claim, Event, Quote, Record

Kind = Literal["quote", "claim", "event"]
Action = Literal["confirm", "correct", "reject"]
Status = Literal["unreviewed", "confirmed", "corrected", "rejected"]


class ReviewState(Record):
    """The verdict in force; ``original`` holds the machine's values of every corrected field."""

    status: Status = "unreviewed"
    reviewer: str | None = None
    reviewed_at: dt.datetime | None = None
    original: dict[str, Any] = Field(default_factory=dict, description="dotted field -> machine value")


class Stored(Record):
    """Where a record came from in the ledger."""

    id: int
    document_id: str
    published: dt.date | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    review: ReviewState = Field(default_factory=ReviewState)


class QuoteEntry(Stored, Quote):
    pass


class ClaimEntry(Stored, Claim):
    pass


class EventEntry(Stored, Event):
    pass


ENTRY: dict[str, type[Stored]] = {"quote": QuoteEntry, "claim": ClaimEntry, "event": EventEntry}
RECORD: dict[str, type[Record]] = {"quote": Quote, "claim": Claim, "event": Event}


class Review(Record):
    id: int
    kind: Kind
    record_id: int
    action: Action
    reviewer: str
    created_at: dt.datetime
    note: str | None = None
    changes: dict[str, Any] | None = None
    hash: str | None = Field(default=None, description="SHA-256 over this review and the hash before it")


class History(Record):
    """A record as the machine wrote it, every review in order, and the value now in force."""

    kind: Kind
    record_id: int
    original: dict[str, Any]
    reviews: list[Review]
    effective: dict[str, Any]
    status: Status
    trail: str = Field(default="intact", description="the whole review chain: intact, or where it breaks")


class Verification(BaseModel):
    """``detente verify``: the database's integrity check and the review chain."""

    ok: bool
    problems: list[str]
    reviews: int
    head: str | None = Field(description="hash of the last review, to note down: a trail cut at its end "
                                          "is only seen against a head noted before")


class Count(BaseModel):
    key: str
    count: int


class LedgerSummary(BaseModel):
    """What ``detente report`` shows."""

    documents: int
    first_published: dt.date | None = None
    last_published: dt.date | None = None
    quotes: int
    claims: int
    events: int
    reviews: int
    quotes_by_speaker: list[Count]
    quotes_by_party: list[Count]
    claims_by_party_issue: dict[str, dict[str, int]]
    events_by_type: list[Count]
    latest_quotes: list[QuoteEntry]
    latest_claims: list[ClaimEntry]
    latest_events: list[EventEntry]
