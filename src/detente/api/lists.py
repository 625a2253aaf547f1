"""What every record list shares: keyset pages with a next link, facets, CSV and JSON Lines downloads."""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Literal

from fastapi import Query, Request
from fastapi.responses import JSONResponse, StreamingResponse

from detente.ledger.export import csv_chunks
from detente.ledger.ledger import MAX_ID

PLURAL = {"quote": "quotes", "claim": "claims", "event": "events"}
# facet name (also its filter's query parameter) -> the record field it counts
FACETS = {
    "quote": {"party": "speaker.party", "kind": "kind", "outlet": "outlet"},
    "claim": {"party": "party", "issue": "issue", "stance": "stance", "source_type": "source.type",
              "outlet": "outlet"},
    "event": {"type": "type", "outlet": "outlet"},
}
MAX_LIMIT = 500
DOWNLOAD_PAGE = 1000
Format = Literal["json", "csv", "jsonl"]


class Paging:
    """The query parameters of every list."""

    def __init__(self, before: int | None = Query(None, ge=1, le=MAX_ID, description="keyset cursor: records "
                                                  "with ids below this (the `next` link sets it)"),
                 limit: int = Query(50, ge=1, le=MAX_LIMIT, description="records per page"),
                 format: Format = Query("json", description="json (a page), csv or jsonl (every matching record)")):
        self.before, self.limit, self.format = before, limit, format


def listing(request: Request, kind: str, criteria: dict, paging: Paging):
    ledger = request.app.state.ledger
    filters = ledger.filters(kind, **criteria)
    if paging.format != "json":
        return download(ledger, kind, filters, paging)
    items = ledger.page_json(kind, filters, paging.before, paging.limit + 1)
    more = len(items) > paging.limit
    items = items[:paging.limit]
    nxt = str(request.url.include_query_params(before=items[-1]["id"])) if more else None
    # already JSON-ready: a JSONResponse skips FastAPI's generic (slow, per-value) encoder
    return JSONResponse({"kind": kind, "count": len(items), "limit": paging.limit, "next": nxt,
                         "filters": {k: str(v) if isinstance(v, dt.date) else v for k, v in criteria.items()
                                     if v is not None},
                         "items": items})


def all_pages(ledger, kind: str, filters: list, before: int | None) -> Iterator:
    while True:
        page = ledger.page_json(kind, filters, before, DOWNLOAD_PAGE)
        yield from page
        if len(page) < DOWNLOAD_PAGE:
            return
        before = page[-1]["id"]


def download(ledger, kind: str, filters: list, paging: Paging) -> StreamingResponse:
    """Every matching record, streamed a keyset page at a time (never the whole list in memory)."""
    entries = all_pages(ledger, kind, filters, paging.before)
    name = f"{PLURAL[kind]}.{paging.format}"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    if paging.format == "jsonl":
        lines = (json.dumps(e, ensure_ascii=False) + "\n" for e in entries)
        return StreamingResponse(lines, media_type="application/x-ndjson", headers=headers)
    # the CLI's and the export's columns (``ledger/export.py``): one layout per kind
    return StreamingResponse(csv_chunks(kind, entries), media_type="text/csv; charset=utf-8", headers=headers)


def facet_counts(app, kind: str, criteria: dict, base, names: list[str] | None = None) -> dict:
    """Datasette-style facets: per facet, each value's count and the link (``base``, the list's URL)
    that adds or removes its filter.

    Facets are kept per ledger version (anything ingested or reviewed changes it), links included,
    so a busy dashboard does not recount a large ledger, nor rebuild its links, for every visitor.
    """
    ledger = app.state.ledger
    names = names or list(FACETS[kind])
    fields = [FACETS[kind][n] for n in names]
    base = base.remove_query_params(["before", "format"])
    key = (kind, tuple(sorted((k, str(v)) for k, v in criteria.items() if v is not None)), tuple(names), str(base))
    cache = app.state.facet_cache
    version = ledger.version()
    hit = cache.get(key)
    if hit is None or hit[0] != version:
        counts = ledger.facets(kind, fields, ledger.filters(kind, **criteria))
        hit = (version, _linked(counts, names, fields, criteria, base))
        cache.put(key, hit)
    return hit[1]


def _linked(counts: dict, names: list[str], fields: list[str], criteria: dict, base) -> dict:
    return {name: [{"value": value, "count": n, "selected": criteria.get(name) == value,
                    "toggle": str(base.remove_query_params(name) if criteria.get(name) == value
                                  else base.include_query_params(**{name: value}))}
                   for value, n in counts[field].most_common()]
            for name, field in zip(names, fields)}
