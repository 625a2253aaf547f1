"""Lists a page at a time and their facet counts, for the REST API and the dashboard.

Pages are keyset pages on the record id, newest stored first: the next page holds the records
with ids below the last one shown. Articles ingested meanwhile get higher ids, so paging on
never repeats or skips a record that was there when the first page was read. Like ``fetch``,
untouched records are filtered in SQL and the few reviewed ones in Python, on their reviewed values.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict, namedtuple
from collections.abc import Mapping, Sequence
from functools import cache
from types import MappingProxyType
from typing import Any

from pydantic import BaseModel
from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session, aliased

from detente.ledger.entries import ENTRY, ReviewState, Stored
from detente.ledger.filters import Filter, field_value
from detente.ledger.models import ROWS, ClaimRow, DocumentRow, EventLocationRow
from detente.ledger.queries import _entry, built, columns, reviews_by_record
from detente.ledger.rows import COLUMNS, NESTED, from_row, unflatten
from detente.ledger.spans import ArticleSpans
from detente.records import Location

UNKNOWN = "(none)"
ARTICLE = (DocumentRow.id, DocumentRow.published, DocumentRow.url, DocumentRow.title, DocumentRow.outlet)
_Article = namedtuple("_Article", "id published url title outlet")


def page(session: Session, kind: str, spans: ArticleSpans, filters: Sequence = (), before: int | None = None,
         limit: int = 50) -> list[Stored]:
    """Up to ``limit`` records with id < ``before`` (all when None), highest id first."""
    reviews = reviews_by_record(session, kind)
    corrected = {rid for rid, rs in reviews.items() if any(r.action == "correct" for r in rs)}
    rejected = {rid for rid, rs in reviews.items() if rs[-1].action == "reject"}
    row = ROWS[kind]
    # the article's details, not its text: a page of 50 records must not read 50 articles
    joined = select(row, *ARTICLE).join(DocumentRow, row.document_id == DocumentRow.id)
    base = joined if before is None else joined.where(row.id < before)
    found = keyset_rows(session, kind, joined, filters, [row.id.not_in(corrected | rejected)], before, limit, spans)
    entries = [_entry(kind, r, _Article(*d), reviews) for r, *d in found]
    changed = corrected - rejected
    if changed:
        found = session.execute(base.where(row.id.in_(changed)))
        entries += [e for e in (_entry(kind, r, _Article(*d), reviews) for r, *d in found)
                    if all(f.test(e) for f in filters)]
        entries.sort(key=lambda e: e.id, reverse=True)
    return entries[:limit]


def page_json(session: Session, kind: str, spans: ArticleSpans, filters: Sequence = (), before: int | None = None,
              limit: int = 50) -> list[dict[str, Any]]:
    """``page`` as the JSON contract's dicts (``model_dump(mode="json")`` of each entry), for the API.

    Reads only the columns a record shows, and a record nobody reviewed is neither built as an ORM
    object nor validated again (its values were checked when stored): that was most of a page's cost.
    Reviewed records are built and validated as everywhere else, so their values and state agree.
    """
    reviews = reviews_by_record(session, kind)
    corrected = {rid for rid, rs in reviews.items() if any(r.action == "correct" for r in rs)}
    rejected = {rid for rid, rs in reviews.items() if rs[-1].action == "reject"}
    row = ROWS[kind]
    names, joined = _page_select(kind)
    base = joined if before is None else joined.where(row.id < before)
    found = keyset_rows(session, kind, joined, filters, [row.id.not_in(corrected | rejected)], before, limit, spans)
    changed = corrected - rejected
    moved = session.execute(base.where(row.id.in_(changed))).all() if changed else []
    places = _locations(session, [r[0] for r in found + moved]) if kind == "event" else {}
    out = [_json_entry(kind, names, r, reviews, places) for r in found]
    for r in moved:
        entry = built(kind, r[0], _data(kind, names, r, places), _Article(*r[2 + len(names):]), reviews)
        if all(f.test(entry) for f in filters):
            out.append(entry.model_dump(mode="json"))
    if moved:
        out.sort(key=lambda e: e["id"], reverse=True)
    return out[:limit]


@cache
def _page_select(kind: str) -> tuple[tuple[str, ...], Select]:
    """The columns a record shows and the select of a page, built once: building it checks some
    fifty column expressions, a millisecond of every page (statements are immutable, so sharing
    one is safe)."""
    row = ROWS[kind]
    names = tuple(n for n in COLUMNS[kind] if n in row.__table__.columns)
    joined = (select(row.id, row.extras, *(getattr(row, n) for n in names), *ARTICLE)
              .join(DocumentRow, row.document_id == DocumentRow.id))
    return names, joined


def keyset_rows(session: Session, kind: str, base, filters: Sequence, hidden: list, before: int | None,
                limit: int, spans: ArticleSpans) -> list:
    """Up to ``limit`` rows of ``base`` below ``before`` under ``filters`` (and ``hidden``), highest id first.

    A date filter is on the article, and SQLite's planner, given the join, takes the articles by
    date and sorts all their records for every page (a second on a million claims). Records
    are stored roughly in publication order, so a date range is a run of ids: when it holds
    many records, the page walks down the ids from the highest one below ``before`` that an
    article in range may hold to the lowest one it holds (``spans``); when it holds few, the
    planner's plan is the right one. Those bounds never cut off a record in range, so the rows
    are the ones the single query gives."""
    row = ROWS[kind]
    keyed = keyset_columns(kind)
    conditions = [*(f.sql(keyed) for f in filters), *hidden]

    def down(below: int | None, *bounds, n: int = limit) -> list:
        # one upper bound only: given two, SQLite may walk the ids from the higher one
        upper = [] if below is None else [row.id < below]
        return session.execute(base.where(*conditions, *upper, *bounds).order_by(row.id.desc()).limit(n)).all()

    dated = [f for f in filters if isinstance(f, Filter) and f.field == "published"]
    if not dated:
        return down(before)
    index = spans.current(session)
    window = index.window(dated)
    if index.records(window) <= FEW_IN_RANGE:
        cols = columns(kind)
        upper = [] if before is None else [row.id < before]
        return session.execute(base.where(*(f.sql(cols) for f in filters), *hidden, *upper)
                               .order_by(row.id.desc()).limit(limit)).all()
    bounds = index.bounds(window, before if before is not None else index.highest + 1)
    if bounds is None:
        return []
    lowest, below = bounds[0], bounds[1] + 1
    found: list = []
    for step in WALK_STEPS:  # short stretches first: on a wide one PostgreSQL reads it all, then sorts
        floor = lowest if step is None else max(lowest, below - step)
        found += down(below, row.id >= floor, n=limit - len(found))
        if len(found) >= limit or floor == lowest:
            break
        below = floor
    return found


FEW_IN_RANGE = 20_000  # records of the articles in a date range below which the planner's plan is quick
WALK_STEPS = (2_000, 40_000, None)  # ids a dated page walks at a time (None: down to the range's lowest)


@cache
def keyset_columns(kind: str) -> Mapping[str, ColumnElement]:
    """``columns`` with the article's outlet and date looked up per record, for pages walked down the ids.

    On the joined article, SQLite first builds a Bloom filter over every article (40 ms on 50,000
    of them, per page), when a page needs the outlets of a few hundred records at most; and a
    date on the joined article makes it sort every record of the range (``keyset_rows``).
    Built once per kind (read-only) rather than per page."""
    row, cols = ROWS[kind], dict(columns(kind))
    article = aliased(DocumentRow)
    for name in ("outlet", "published"):
        cols[name] = (select(getattr(article, name)).where(article.id == row.document_id)
                      .correlate(row).scalar_subquery())
    return MappingProxyType(cols)


def _data(kind: str, names: Sequence[str], r, places: dict) -> dict[str, Any]:
    """``record_data`` from a row of ``page_json``'s select: (id, extras, *columns, *article)."""
    flat = dict(zip(names, r[2:2 + len(names)]))
    for name, value in (r[1] or {}).items():
        if name in COLUMN_SET[kind] and name not in flat:
            flat[name] = value
    data = unflatten(flat, NESTED[kind])
    if kind == "event":
        data["locations"] = places.get(r[0], [])
    return data


def _json_entry(kind: str, names: Sequence[str], r, reviews: dict, places: dict) -> dict[str, Any]:
    data = _data(kind, names, r, places)
    article = _Article(*r[2 + len(names):])
    if r[0] in reviews:  # a confirmed record: its review state comes from its reviews
        return built(kind, r[0], data, article, reviews).model_dump(mode="json")
    data.update(id=r[0], document_id=article.id, published=article.published, url=article.url,
                title=article.title, outlet=article.outlet, review=dict(UNREVIEWED, original={}))
    if kind == "event":
        data["locations"] = [_filled(Location, place) for place in data["locations"]]
    return _filled(ENTRY[kind], data)


def _filled(model: type[BaseModel], data: dict[str, Any]) -> dict[str, Any]:
    """``data`` in the model's field order, with defaults for absent fields and dates as ISO text."""
    out = {}
    for name, info, nested in _fields(model):
        value = data[name] if name in data else info.get_default(call_default_factory=True)
        if nested is not None and isinstance(value, dict):
            value = _filled(nested, value)
        elif isinstance(value, dt.date):
            value = value.isoformat()
        out[name] = value
    return out


@cache
def _fields(model: type[BaseModel]) -> tuple:
    """(name, field info, nested model or None) per field of ``model``: looked up once, used per record."""
    return tuple((name, info, NESTED_MODELS.get(name)) for name, info in model.model_fields.items())


def _locations(session: Session, event_ids: list[int]) -> dict[int, list[dict]]:
    """The locations of a page's events in one query (``record_data`` reads them per event)."""
    places: dict[int, list[dict]] = defaultdict(list)
    if event_ids:
        for loc in session.scalars(select(EventLocationRow).where(EventLocationRow.event_id.in_(event_ids))
                                   .order_by(EventLocationRow.id)):
            places[loc.event_id].append(from_row(loc, list(Location.model_fields)))
    return places


COLUMN_SET = {kind: set(names) for kind, names in COLUMNS.items()}
NESTED_MODELS = {name: info.annotation for model in ENTRY.values() for name, info in model.model_fields.items()
                 if isinstance(info.annotation, type) and issubclass(info.annotation, BaseModel)
                 and name != "review"}
UNREVIEWED = ReviewState().model_dump(mode="json")


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
    """Changes whenever anything is ingested or reviewed, or an undated article is dated
    (``Ledger.date_article``: articles are never deleted, so the dated ones only grow in number):
    the key under which counts and analyses may be kept."""
    from detente.ledger.models import ReviewRow

    parts = [select(func.max(r.id)).scalar_subquery() for r in (*ROWS.values(), ReviewRow)]
    parts.append(select(func.count(DocumentRow.id)).scalar_subquery())
    parts.append(select(func.count(DocumentRow.published)).scalar_subquery())
    return tuple(session.execute(select(*parts)).one())  # one round trip: asked on every facet request
