"""Which case a ledger holds. A ledger filled with one case's codebook is read with it: a reader
that names no codebook gets the recorded one, and one that names another case is refused, since
its parties and issues would not match what is stored."""
from __future__ import annotations

import datetime as dt

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from detente.codebook import Codebook
from detente.errors import LedgerError
from detente.ledger.models import CaseRow

ROW_ID = 1


def recorded(sessions: sessionmaker) -> Codebook | None:
    with sessions() as session:
        row = session.get(CaseRow, ROW_ID)
        return Codebook.model_validate(row.codebook) if row is not None else None


def check(given: Codebook, held: Codebook | None) -> None:
    if held is not None and held.case != given.case:
        raise LedgerError(f"this ledger holds the case {held.case!r}, not {given.case!r}: pass "
                          f"--codebook for its case (or unset DETENTE_CODEBOOK), or use another ledger (--db)")


def record(sessions: sessionmaker, codebook: Codebook) -> None:
    """Keep ``codebook`` as the ledger's case: the first ingest records it; a later one with an
    edited codebook of the same case (a new alias, a new person) replaces the copy."""
    data = codebook.model_dump(mode="json")
    with sessions() as session:
        row = session.get(CaseRow, ROW_ID)
        if row is not None:
            check(codebook, Codebook.model_validate(row.codebook))
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
        check(codebook, recorded(sessions))


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)
