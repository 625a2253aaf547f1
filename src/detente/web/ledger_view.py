"""The ledger: quotes, claims and events with the API's filters, facets, pages and downloads."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse

from detente.api.access import reader
from detente.api import claims, events, quotes
from detente.api.lists import FACETS, PLURAL, facet_counts
from detente.web.pages import render

pages = APIRouter(include_in_schema=False, dependencies=[Depends(reader)])  # reads: open here, by token elsewhere
PAGE = 50
# the filter form of each kind: (query name, label, choices or None for free text)
FORMS = {
    "quote": [("speaker", "speaker", None), ("party", "party", None), ("search", "words", None),
              ("since", "since", "date"), ("until", "until", "date")],
    "claim": [("party", "party", None), ("issue", "issue", None), ("stance", "stance", None),
              ("source_type", "source type", None), ("search", "words", None), ("since", "since", "date"),
              ("until", "until", "date")],
    "event": [("type", "type", None), ("place", "place", None), ("actor", "actor", None),
              ("search", "words", None), ("since", "since", "date"), ("until", "until", "date")],
}


@pages.get("/ledger")
def ledger_root():
    return RedirectResponse("/ledger/claims", status_code=307)


def _page(request: Request, kind: str, given: dict):
    ledger = request.app.state.ledger
    before = request.query_params.get("before")
    before = int(before) if before and before.isdigit() else None
    filters = ledger.filters(kind, **given)
    items = ledger.page(kind, filters, before, PAGE + 1)
    more = len(items) > PAGE
    items = items[:PAGE]
    nxt = str(request.url.include_query_params(before=items[-1].id)) if more else None
    facets = facet_counts(request.app, kind, given, request.url)
    api = request.url_for(f"list_{PLURAL[kind]}").include_query_params(
        **{k: v for k, v in request.query_params.items() if k not in ("before",)})
    values = dict(request.query_params)
    return render(request, "ledger.html", kind=kind, plural=PLURAL[kind], items=items, next=nxt, facets=facets,
                  form=FORMS[kind], values=values, api=api, kinds=PLURAL, facet_names=FACETS[kind])


@pages.get("/ledger/quotes", name="ledger_quotes")
def ledger_quotes(request: Request, given: dict = Depends(quotes.criteria)):
    return _page(request, "quote", given)


@pages.get("/ledger/claims", name="ledger_claims")
def ledger_claims(request: Request, given: dict = Depends(claims.criteria)):
    return _page(request, "claim", given)


@pages.get("/ledger/events", name="ledger_events")
def ledger_events(request: Request, given: dict = Depends(events.criteria)):
    return _page(request, "event", given)
