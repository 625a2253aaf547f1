"""Lists a page at a time and their facet counts, for the REST API and the dashboard.

Pages are keyset pages on the record id, newest stored first: the next page holds the records
with ids below the last one shown. Articles ingested meanwhile get higher ids, so paging on
never repeats or skips a record that was there when the first page was read. Like ``fetch``,
untouched records are filtered in SQL and the few reviewed ones in Python, on their reviewed values.
"""
from __future__ import annotations

from collections import Counter, namedtuple
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from detente.ledger.entries import Stored
from detente.ledger.filters import field_value
from detente.ledger.models import ROWS, ClaimRow, DocumentRow
from detente.ledger.queries import _entry, columns, reviews_by_record

UNKNOWN = "(none)"
ARTICLE = (DocumentRow.id, DocumentRow.published, DocumentRow.url, DocumentRow.title, DocumentRow.outlet)
_Article = namedtuple("_Article", "id published url title outlet")


def page(session: Session, kind: str, filters: Sequence = (), before: int | None = None,
         limit: int = 50) -> list[Stored]:
    """Up to ``limit`` records with id < ``before`` (all when None), highest id first."""
    reviews = reviews_by_record(session, kind)
    corrected = {rid for rid, rs in reviews.items() if any(r.action == "correct" for r in rs)}
    rejected = {rid for rid, rs in reviews.items() if rs[-1].action == "reject"}
    row, cols = ROWS[kind], columns(kind)
    # the article's details, not its text: a page of 50 records must not read 50 articles
    base = select(row, *ARTICLE).join(DocumentRow, row.document_id == DocumentRow.id)
    if before is not None:
        base = base.where(row.id < before)
    plain = (base.where(*(f.sql(cols) for f in filters), row.id.not_in(corrected | rejected))
             .order_by(row.id.desc()).limit(limit))
    entries = [_entry(kind, r, _Article(*d), reviews) for r, *d in session.execute(plain)]
    changed = corrected - rejected
    if changed:
        found = session.execute(base.where(row.id.in_(changed)))
        entries += [e for e in (_entry(kind, r, _Article(*d), reviews) for r, *d in found)
                    if all(f.test(e) for f in filters)]
        entries.sort(key=lambda e: e.id, reverse=True)
    return entries[:limit]


def facets(session: Session, kind: str, fields: Sequence[str], filters: Sequence = (),
           tally=None) -> dict[str, Counter]:
    """Records (not rejected) per value of each field, under the filters; reviewed values count as reviewed.

    ``tally`` (a ``ClaimTally``) answers claim facets under equality filters without a scan."""
    reviews = reviews_by_record(session, kind)
    reviewed = set(reviews)
    if kind == "claim" and tally is not None and tally.serves(filters, fields):
        tally.refresh(session)
        machine = session.execute(select(*tally_columns()).join(DocumentRow, ClaimRow.document_id == DocumentRow.id)
                                  .where(ClaimRow.id.in_(reviewed))).all() if reviewed else []
        out = tally.facets(fields, filters, [tuple("(none)" if v is None else str(v) for v in k) for k in machine])
        _add_reviewed(session, kind, fields, filters, reviewed, out)
        return out
    row, cols = ROWS[kind], columns(kind)
    needs_documents = any(_uses_documents(f) for f in filters)
    out: dict[str, Counter] = {}
    for field in fields:
        counts: Counter = Counter()
        if field == "outlet" and not filters:
            # count per document first (an index-only scan), then name the outlets
            per_doc = (select(row.document_id.label("doc"), func.count().label("n"))
                       .where(row.id.not_in(reviewed)).group_by(row.document_id).subquery())
            stmt = (select(DocumentRow.outlet, func.sum(per_doc.c.n))
                    .join(per_doc, per_doc.c.doc == DocumentRow.id).group_by(DocumentRow.outlet))
        else:
            key = cols[field]
            stmt = select(key, func.count()).select_from(row)
            if field in ("outlet", "published", "when") or needs_documents:
                stmt = stmt.join(DocumentRow, row.document_id == DocumentRow.id)
            stmt = stmt.where(*(f.sql(cols) for f in filters), row.id.not_in(reviewed)).group_by(key)
        for value, n in session.execute(stmt):
            counts[UNKNOWN if value is None else str(value)] += int(n)
        out[field] = counts
    _add_reviewed(session, kind, fields, filters, reviewed, out)
    return out


def _add_reviewed(session: Session, kind: str, fields, filters, reviewed: set[int], out: dict) -> None:
    """Reviewed records counted by their reviewed values (rejected ones not at all)."""
    if not reviewed:
        return
    from detente.ledger.queries import fetch

    for entry in fetch(session, kind, filters, only_ids=reviewed):
        for field in fields:
            value = field_value(entry, field)
            out[field][UNKNOWN if value is None else str(value)] += 1


def tally_columns():
    from detente.ledger.tally import COLUMNS

    return COLUMNS


def _uses_documents(flt) -> bool:
    inner = getattr(flt, "filters", None)
    if inner is not None:
        return any(_uses_documents(f) for f in inner)
    return getattr(flt, "field", None) in ("published", "outlet", "when")


def version(session: Session) -> tuple:
    """Changes whenever anything is ingested or reviewed: the key under which counts may be kept."""
    from detente.ledger.models import ReviewRow

    return tuple(session.scalar(select(func.max(r.id))) for r in (*ROWS.values(), ReviewRow)) + (
        session.scalar(select(func.count(DocumentRow.id))),)
