"""Find stored records by their effective (reviewed) values, newest article first."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from detente.ledger.entries import ENTRY, Stored
from detente.ledger.models import ROWS, DocumentRow, EventRow, ReviewRow
from detente.ledger.reviews import apply
from detente.ledger.rows import COLUMNS, record_data


def columns(kind: str) -> dict[str, ColumnElement]:
    """Filterable fields -> SQL expressions; dotted names follow the flattening rule of ``models``."""
    row = ROWS[kind]
    cols: dict[str, ColumnElement] = {name.replace("_", ".", 1) if name.startswith(("speaker_", "source_"))
                                      else name: getattr(row, name) for name in COLUMNS[kind]}
    cols.update(published=DocumentRow.published, document_id=row.document_id)
    if kind == "event":
        cols["when"] = func.coalesce(EventRow.date, DocumentRow.published)
    return cols


def reviews_by_record(session: Session, kind: str) -> dict[int, list[ReviewRow]]:
    """Every review of one kind, oldest first; analysts write few, so all fit in memory."""
    grouped: dict[int, list[ReviewRow]] = defaultdict(list)
    for review in session.scalars(select(ReviewRow).where(ReviewRow.kind == kind).order_by(ReviewRow.id)):
        grouped[review.record_id].append(review)
    return grouped


def fetch(session: Session, kind: str, filters: Sequence = (), limit: int | None = None,
          include_rejected: bool = False) -> list[Stored]:
    reviews = reviews_by_record(session, kind)
    corrected = {rid for rid, rs in reviews.items() if any(r.action == "correct" for r in rs)}
    rejected = {rid for rid, rs in reviews.items() if rs[-1].action == "reject"}
    hidden = set() if include_rejected else rejected
    row = ROWS[kind]
    cols = columns(kind)
    base = select(row, DocumentRow).join(DocumentRow, row.document_id == DocumentRow.id)
    plain = (base.where(*(f.sql(cols) for f in filters), row.id.not_in(corrected | hidden))
             .order_by(DocumentRow.published.is_(None), DocumentRow.published.desc(), row.id.desc())
             .limit(limit))
    entries = [_entry(kind, r, d, reviews) for r, d in session.execute(plain)]
    if corrected - hidden:
        changed = session.execute(base.where(row.id.in_(corrected - hidden)))
        entries += [e for e in (_entry(kind, r, d, reviews) for r, d in changed)
                    if all(f.test(e) for f in filters)]
    entries.sort(key=newest_first, reverse=True)
    return entries[:limit] if limit is not None else entries


def newest_first(entry: Stored) -> tuple[dt.date, int]:
    return (entry.published or dt.date.min, entry.id)


def entry(session: Session, kind: str, record_id: int) -> Stored | None:
    found = session.execute(select(ROWS[kind], DocumentRow).join(DocumentRow)
                            .where(ROWS[kind].id == record_id)).first()
    if found is None:
        return None
    return _entry(kind, *found, reviews_by_record(session, kind))


def _entry(kind: str, row, document: DocumentRow, reviews: dict[int, list[ReviewRow]]) -> Stored:
    data, state = apply(record_data(kind, row), reviews.get(row.id, []))
    return ENTRY[kind](**data, id=row.id, document_id=document.id, published=document.published,
                       url=document.url, title=document.title, outlet=document.outlet, review=state)
