"""A timeline per issue: each party's position over time, with its claims as points."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request

from detente.api.access import reader
from detente.api.errors import ApiError
from detente.web import charts
from detente.web.analysis import function
from detente.web.pages import render

pages = APIRouter(include_in_schema=False, dependencies=[Depends(reader)])  # reads: open here, by token elsewhere
MAX_POINTS = 5000


@pages.get("/timeline", name="timeline")
def timeline(request: Request, issue: str | None = Query(None), party: str | None = Query(None)):
    ledger = request.app.state.ledger
    issues = ledger.codebook.issues if ledger.codebook else []
    known = {i.id: i for i in issues}
    if not known:  # no codebook: the issues the claims name
        known = {i: None for i in ledger.facets("claim", ["issue"])["issue"]}
    issue = issue or next(iter(known), None)
    if issue not in known:
        raise ApiError(404, f"no issue {issue!r} in the codebook")
    claims = ledger.claims(issue=issue, party=party, limit=MAX_POINTS)
    positions = function("positions")
    series = positions(ledger, party=party, issue=issue) if positions else []
    title = known[issue].name if known[issue] else issue
    fig = charts.claims_timeline(claims, series, title=title, order=charts.party_order(ledger.codebook))
    placed = [c for c in claims if c.position is not None]
    return render(request, "timeline.html", issue=issue, issue_info=known.get(issue), issues=issues, party=party,
                  claims=claims, placed=placed, series=series, charts={"timeline": fig},
                  analysed=positions is not None)
