"""Write one document's extraction in one transaction; a document already there is skipped."""
from __future__ import annotations

import datetime as dt
from typing import Literal

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from detente.codebook.names import person_keys
from detente.errors import LedgerError
from detente.ledger.models import ActorRow, DocumentRow
from detente.ledger.rows import claim_row, document_row, event_row, quote_row
from detente.records import Extraction, Speaker

Outcome = Literal["added", "skipped"]


def ingest(sessions: sessionmaker[Session], extraction: Extraction) -> Outcome:
    """All of the document or none of it: an interrupted batch keeps every document already added."""
    document = extraction.document
    try:
        with sessions.begin() as session:
            if session.get(DocumentRow, document.id) is not None:
                return "skipped"
            _write(session, extraction)
    except SQLAlchemyError as exc:
        # another writer stored it first (PostgreSQL: a key clash; SQLite: a stale snapshot)
        if _stored(sessions, document.id):
            return "skipped"
        raise LedgerError(f"cannot store document {document.id} ({document.path or document.url}): "
                          f"{str(getattr(exc, 'orig', exc)).splitlines()[0]}") from exc
    return "added"


def _stored(sessions: sessionmaker[Session], document_id: str) -> bool:
    with sessions() as session:
        return session.get(DocumentRow, document_id) is not None


def _write(session: Session, extraction: Extraction) -> None:
    document = extraction.document
    session.add(document_row(document, dt.datetime.now(dt.timezone.utc)))
    session.flush()  # the rows below point at it; without a quote (whose actor lookup flushes) nothing else orders them
    actors: dict[str, ActorRow] = {}
    for quote in extraction.quotes:
        session.add(quote_row(quote, document.id, _actor(session, quote.speaker, actors)))
    session.add_all(claim_row(claim, document.id) for claim in extraction.claims)
    session.add_all(event_row(event, document.id) for event in extraction.events)


def actor_key(speaker: Speaker) -> str | None:
    """The codebook's actor id, else a transliteration-insensitive key of the name as written."""
    if speaker.actor_id:
        return speaker.actor_id
    keys = person_keys(speaker.name or "")
    return f"person:{'-'.join(keys)}" if keys else None


def _actor(session: Session, speaker: Speaker, seen: dict[str, ActorRow]) -> str | None:
    key = actor_key(speaker)
    if key is None:
        return None
    row = seen.get(key) or session.get(ActorRow, key)
    if row is None:
        row = ActorRow(id=key, name=speaker.name, party=speaker.party, role=speaker.role)
        session.add(row)
    elif speaker.role:  # the latest article's role wins: roles change over time
        row.role = speaker.role
    seen[key] = row
    return key
