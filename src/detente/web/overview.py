"""The overview: parties × issues, each cell the party's standing on the issue.

With the analysis layer: current position, trend, confidence, last shift and open leaks. Until it
answers, the ledger's own view: claim counts and the latest claim per cell.
"""
from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from detente.api.access import reader
from detente.web import charts
from detente.web.analysis import function
from detente.web.pages import render

pages = APIRouter(include_in_schema=False, dependencies=[Depends(reader)])  # reads: open here, by token elsewhere


@pages.get("/", name="overview")
def overview(request: Request):
    ledger = request.app.state.ledger
    summary = ledger.summary(latest=5)
    counts = summary.claims_by_party_issue
    issues = [i for i in ledger.codebook.issues] if ledger.codebook else []
    issue_ids = [i.id for i in issues] + sorted({i for row in counts.values() for i in row} - {i.id for i in issues})
    parties = _parties(ledger, counts)
    cells = {}
    for party in parties:
        for issue in issue_ids:
            n = counts.get(party, {}).get(issue, 0)
            latest = ledger.claims(party=party, issue=issue, limit=1) if n else []
            cells[party, issue] = {"count": n, "latest": latest[0] if latest else None}
    names = {i.id: i.name for i in issues}
    standing = analysed_cells(request) if function("brief") else None
    if standing:
        for (party, issue), extra in standing["cells"].items():
            cells.setdefault((party, issue), {"count": 0, "latest": None}).update(extra)
        parties += [p for p in sorted({p for p, _ in standing["cells"]}) if p not in parties]
    return render(request, "overview.html", summary=summary, parties=parties, issues=issue_ids, names=names,
                  cells=cells, standing=standing)


def analysed_cells(request: Request) -> dict:
    """Per (party, issue), from the analysis layer: position and band, trend, last shift, open leaks."""
    from detente.api.analysis import cached

    ledger = request.app.state.ledger
    brief = cached(request, "brief", {"date": None}, lambda: function("brief")(ledger))
    moves = cached(request, "shifts", {}, lambda: function("shifts")(ledger))
    rumours = cached(request, "leaks", {"status": "unconfirmed"},
                     lambda: function("leaks")(ledger, status="unconfirmed"))
    cells: dict[tuple[str, str], dict] = {}
    for item in brief.issues:
        for line in item.parties:
            cells[line.party, item.issue] = {"position": line.position, "low": line.low, "high": line.high,
                                             "trend": line.trend, "trend_from": line.trend_from, "since": line.since,
                                             "claim": line.claim_ids[-1] if line.claim_ids else None}
    for shift in moves:  # oldest first: the last one written stays
        cells.setdefault((shift.party, shift.issue), {})["shift"] = shift
    for leak in rumours:
        cell = cells.setdefault((leak.party, leak.issue), {})
        cell["leaks"] = cell.get("leaks", 0) + 1
    return {"date": brief.date, "cells": cells}


def _parties(ledger, counts: dict) -> list[str]:
    """Codebook parties with claims first (in codebook order), then any other party seen."""
    order = charts.party_order(ledger.codebook)
    seen = set(counts)
    return [p for p in order if p in seen] + sorted(seen - set(order))
