"""Which case a ledger holds. A ledger filled with one case's codebook is read with it: a reader
that names no codebook gets the recorded one, and one that names another case is refused, since
its parties and issues would not match what is stored."""
from __future__ import annotations

import datetime as dt

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from detente.codebook import Codebook, bundled_cases
from detente.errors import LedgerError
from detente.ledger.models import CaseRow

ROW_ID = 1


def recorded(sessions: sessionmaker) -> Codebook | None:
    with sessions() as session:
        row = session.get(CaseRow, ROW_ID)
        return Codebook.model_validate(row.codebook) if row is not None else None


def check(given: str, held: Codebook | None) -> None:
    """Refuse a case other than the one the ledger holds."""
    if held is not None and held.case != given:
        raise LedgerError(f"this ledger holds the case {held.case!r}, not {given!r}: name no other case "
                          f"(--codebook, DETENTE_CODEBOOK) to read it with its own, or use another ledger (--db)")


def for_extraction(given: str, held: Codebook | None) -> Codebook:
    """The codebook a ledger with no case yet records for an extraction made with case ``given``:
    a bundled case by its name; another one must be handed to the ``Ledger``."""
    if held is not None:
        check(given, held)
        return held
    if given not in bundled_cases():
        raise LedgerError(f"this extraction was made with the case {given!r}, which is not bundled: open "
                          f"the ledger with its codebook (Ledger(url, codebook=...), --codebook FILE)")
    return Codebook.bundled(given)


def record(sessions: sessionmaker, codebook: Codebook) -> None:
    """Keep ``codebook`` as the ledger's case: the first ingest records it; a later one with an
    edited codebook of the same case (a new alias, a new person) replaces the copy."""
    data = codebook.model_dump(mode="json")
    with sessions() as session:
        row = session.get(CaseRow, ROW_ID)
        if row is not None:
            check(codebook.case, Codebook.model_validate(row.codebook))
            if row.codebook == data:
                return
            row.codebook, row.recorded_at = data, _now()
        else:
            session.add(CaseRow(id=ROW_ID, case=codebook.case, codebook=data, recorded_at=_now()))
        _commit(session, sessions, codebook)


def _commit(session: Session, sessions: sessionmaker, codebook: Codebook) -> None:
    try:
        session.commit()
    except IntegrityError:  # another process recorded a case first: it must be this one
        session.rollback()
        check(codebook.case, recorded(sessions))


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)
