"""Typed records that flow between stages (the JSON contract of ARCHITECTURE.md).

Every extracted item carries ``start``/``end`` character offsets into ``Document.text`` so
that a reader can always go back to the sentence behind it.
"""
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

QuoteKind = Literal["direct", "indirect", "mixed"]
Stance = Literal["demand", "proposal", "rejection", "acceptance", "assessment"]
SourceType = Literal["official", "anonymous", "media", "expert", "document", "author"]
EventType = Literal["strike", "ground_fighting", "prisoner_exchange", "meeting", "agreement", "other"]
DatePrecision = Literal["day", "month", "year", "range", "unknown"]


class Record(BaseModel):
    # NaN and infinity are no values: they break strict JSON parsers and every comparison.
    model_config = ConfigDict(extra="forbid", frozen=False, allow_inf_nan=False)


class Document(Record):
    """One article, as read by ``sources``; ``id`` is a hash of its normalised text."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    language: str = "en"
    path: str | None = Field(default=None, description="where it was read from")
    warnings: list[str] = Field(default_factory=list,
                                description="what the reader could not settle, e.g. a dateline without a year")

    def contract(self) -> dict:
        """The ``document`` object of the JSON contract (no text)."""
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published.isoformat() if self.published else None,
            "language": self.language,
        }


class Span(Record):
    start: int
    end: int


class Speaker(Record):
    name: str | None
    party: str = "NONE"
    role: str | None = None
    actor_id: str | None = None
    start: int | None = None
    end: int | None = None


class Quote(Record):
    text: str
    start: int
    end: int
    kind: QuoteKind
    cue: str | None = None
    speaker: Speaker


class Source(Record):
    type: SourceType
    name: str | None = None
    chain: list[str] = Field(default_factory=list, description="relays, nearest first")


class Claim(Record):
    party: str
    issue: str
    stance: Stance
    position: float | None = None
    position_anchor: str | None = None
    position_cues: list[str] = Field(default_factory=list)
    summary: str
    evidence: str
    start: int
    end: int
    source: Source
    hedged: bool = False
    hedges: list[str] = Field(default_factory=list)
    confidence: float = Field(default=0.5, ge=0, le=1)


class Location(Record):
    name: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    start: int | None = None
    end: int | None = None


class Event(Record):
    type: EventType
    actor: str | None = None
    locations: list[Location] = Field(default_factory=list)
    date: dt.date | None = None
    date_precision: DatePrecision = "unknown"
    participants: list[str] = Field(default_factory=list)
    evidence: str
    start: int
    end: int


class Extraction(Record):
    """Everything detente read in one document."""

    document: Document
    quotes: list[Quote] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    case: str | None = Field(default=None, description="the case codebook it was read with: a ledger "
                             "holding another case refuses it")

    def contract(self) -> dict:
        """The JSON object that ``detente extract --format jsonl`` prints per document."""
        return {
            "document": self.document.contract(),
            "quotes": [q.model_dump(mode="json") for q in self.quotes],
            "claims": [c.model_dump(mode="json") for c in self.claims],
            "events": [e.model_dump(mode="json") for e in self.events],
        }


class ExtractionFailure(Record):
    """A document extraction gave up on (over its time budget, its worker died): reported by
    name while the rest of the batch goes on."""

    document: Document
    reason: str
