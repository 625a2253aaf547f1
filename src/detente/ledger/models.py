"""The ledger's tables as typed SQLAlchemy 2 models.

Column names are the record field names of ``detente.records``; nested records are flattened
with a prefix (``speaker.name`` -> ``speaker_name``, ``source.type`` -> ``source_type``) so
that rows and records convert without hand-written field lists (see ``rows.py``). A record
field without a column of its own (added to the records after the last migration) is kept in
the row's ``extras`` JSON, so nothing is lost before a migration promotes it.
The schema itself is created by the Alembic migrations, never by ``create_all``.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class DocumentRow(Base):
    __tablename__ = "documents"
    __table_args__ = (Index("ix_documents_published_id", "published", "id"),)  # dated lists (migration 0005)

    id: Mapped[str] = mapped_column(String(128), primary_key=True)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    language: Mapped[str] = mapped_column(String(16), default="en")
    text: Mapped[str] = mapped_column(Text)
    path: Mapped[str | None] = mapped_column(Text)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    extras: Mapped[dict | None] = mapped_column(JSON)


class ActorRow(Base):
    """A speaker: a codebook actor (id = its actor_id) or a person known only by name."""

    __tablename__ = "actors"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    name: Mapped[str | None] = mapped_column(Text)
    party: Mapped[str] = mapped_column(String(16), default="NONE")
    role: Mapped[str | None] = mapped_column(Text)


class QuoteRow(Base):
    __tablename__ = "quotes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    actor_ref: Mapped[str | None] = mapped_column(ForeignKey("actors.id"), index=True)
    # Declared so the unit of work writes a document (and an actor) before rows that point to it;
    # never loaded (lazy="raise"): queries join explicitly.
    document: Mapped[DocumentRow] = relationship(lazy="raise")
    actor: Mapped[ActorRow | None] = relationship(lazy="raise")
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    cue: Mapped[str | None] = mapped_column(Text)
    speaker_name: Mapped[str | None] = mapped_column(Text)
    speaker_party: Mapped[str] = mapped_column(String(16), index=True)
    speaker_role: Mapped[str | None] = mapped_column(Text)
    speaker_actor_id: Mapped[str | None] = mapped_column(String(200))
    speaker_start: Mapped[int | None] = mapped_column(Integer)
    speaker_end: Mapped[int | None] = mapped_column(Integer)
    extras: Mapped[dict | None] = mapped_column(JSON)


class ClaimRow(Base):
    __tablename__ = "claims"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    document: Mapped[DocumentRow] = relationship(lazy="raise")
    party: Mapped[str] = mapped_column(String(16), index=True)
    issue: Mapped[str] = mapped_column(String(64), index=True)
    stance: Mapped[str] = mapped_column(String(16))
    position: Mapped[float | None] = mapped_column(Float)
    position_anchor: Mapped[str | None] = mapped_column(Text)
    position_cues: Mapped[list] = mapped_column(JSON, default=list)
    summary: Mapped[str] = mapped_column(Text)
    evidence: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    source_type: Mapped[str] = mapped_column(String(16))
    source_name: Mapped[str | None] = mapped_column(Text)
    source_chain: Mapped[list] = mapped_column(JSON, default=list)
    hedged: Mapped[bool] = mapped_column(default=False)
    hedges: Mapped[list] = mapped_column(JSON, default=list)
    confidence: Mapped[float] = mapped_column(Float, default=0.5)
    extras: Mapped[dict | None] = mapped_column(JSON)


class EventRow(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    document: Mapped[DocumentRow] = relationship(lazy="raise")
    type: Mapped[str] = mapped_column(String(32), index=True)
    actor: Mapped[str | None] = mapped_column(Text)
    date: Mapped[dt.date | None] = mapped_column(Date)
    date_precision: Mapped[str] = mapped_column(String(16), default="unknown")
    participants: Mapped[list] = mapped_column(JSON, default=list)
    evidence: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    locations: Mapped[list[EventLocationRow]] = relationship(
        order_by="EventLocationRow.id", cascade="all, delete-orphan", lazy="selectin")
    extras: Mapped[dict | None] = mapped_column(JSON)


class EventLocationRow(Base):
    __tablename__ = "event_locations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(Text)
    geonameid: Mapped[int | None] = mapped_column(Integer)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    country: Mapped[str | None] = mapped_column(String(8))
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    extras: Mapped[dict | None] = mapped_column(JSON)


class ReviewRow(Base):
    """An analyst's verdict on one record, kept as history: the machine's row is never changed.

    Append-only (triggers refuse UPDATE and DELETE) and chained: ``hash`` covers the review and
    ``prev_hash``, the hash of the review before it (``chain.py``).
    """

    __tablename__ = "reviews"
    __table_args__ = (Index("ix_reviews_kind_record", "kind", "record_id"),
                      UniqueConstraint("prev_hash", name="uq_reviews_prev_hash"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16))
    record_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(16))
    reviewer: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    note: Mapped[str | None] = mapped_column(Text)
    changes: Mapped[dict | None] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class ApiTokenRow(Base):
    """A REST API write token: only the SHA-256 of its secret is kept, never the secret itself."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(Text)
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


ROWS = {"quote": QuoteRow, "claim": ClaimRow, "event": EventRow}


class CaseRow(Base):
    """The case the ledger was filled with (migration 0006): its codebook, so that every later
    reader, whatever its own default, sees the same parties, issues and scales."""

    __tablename__ = "ledger_case"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # always 1: one case per ledger
    case: Mapped[str] = mapped_column(String(128))
    codebook: Mapped[dict] = mapped_column(JSON)
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
