"""Find stored records by their effective (reviewed) values, newest article first."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence

from pydantic import ValidationError
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from detente.errors import LedgerError
from detente.ledger.entries import ENTRY, Stored
from detente.ledger.models import ROWS, DocumentRow, EventRow, ReviewRow
from detente.ledger.reviews import apply
from detente.ledger.rows import COLUMNS, NESTED, record_data


def columns(kind: str) -> dict[str, ColumnElement]:
    """Filterable fields -> SQL expressions; dotted names follow the flattening rule of ``models``."""
    row = ROWS[kind]
    nested = tuple(f"{key}_" for key in NESTED[kind])
    own = set(row.__table__.columns.keys())
    cols: dict[str, ColumnElement] = {
        name.replace("_", ".", 1) if name.startswith(nested) else name: getattr(row, name)
        for name in COLUMNS[kind] if name in own}
    cols.update(published=DocumentRow.published, outlet=DocumentRow.outlet, document_id=row.document_id)
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
          include_rejected: bool = False, only_ids: set[int] | None = None) -> list[Stored]:
    """Untouched records are filtered in SQL; corrected ones in Python, on their corrected values."""
    reviews = reviews_by_record(session, kind)
    corrected = {rid for rid, rs in reviews.items() if any(r.action == "correct" for r in rs)}
    rejected = {rid for rid, rs in reviews.items() if rs[-1].action == "reject"}
    hidden = set() if include_rejected else rejected
    row = ROWS[kind]
    cols = columns(kind)
    base = select(row, DocumentRow).join(DocumentRow, row.document_id == DocumentRow.id)
    if only_ids is not None:
        base = base.where(row.id.in_(only_ids))
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


def stream(session: Session, kind: str, include_rejected: bool = False, page: int = 500) -> Iterator[Stored]:
    """Every record in id order, a page at a time: exports never hold the whole ledger."""
    reviews = reviews_by_record(session, kind)
    row = ROWS[kind]
    last = 0
    while True:
        found = session.execute(select(row, DocumentRow).join(DocumentRow, row.document_id == DocumentRow.id)
                                .where(row.id > last).order_by(row.id).limit(page)).all()
        if not found:
            return
        for record, document in found:
            entry_ = _entry(kind, record, document, reviews)
            if include_rejected or entry_.review.status != "rejected":
                yield entry_
        last = found[-1][0].id
        session.expunge_all()


def newest_first(entry: Stored) -> tuple[dt.date, int]:
    return (entry.published or dt.date.min, entry.id)


def entry(session: Session, kind: str, record_id: int) -> Stored | None:
    found = session.execute(select(ROWS[kind], DocumentRow).join(DocumentRow)
                            .where(ROWS[kind].id == record_id)).first()
    if found is None:
        return None
    return _entry(kind, *found, reviews_by_record(session, kind))


def _entry(kind: str, row, document: DocumentRow, reviews: dict[int, list[ReviewRow]]) -> Stored:
    return built(kind, row.id, record_data(kind, row), document, reviews)


def built(kind: str, record_id: int, data: dict, document, reviews: dict[int, list[ReviewRow]]) -> Stored:
    """The entry of stored record ``data`` (``record_data``'s shape) with its reviews applied, validated."""
    data, state = apply(data, reviews.get(record_id, []))
    try:
        return ENTRY[kind](**data, id=record_id, document_id=document.id, published=document.published,
                           url=document.url, title=document.title, outlet=document.outlet, review=state)
    except ValidationError as exc:  # written before values were checked (a NaN position of an old review)
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise LedgerError(f"{kind} {record_id} holds an invalid value ({where}: {err['msg']}); "
                          "review it again with a valid value") from None
