"""The bargaining view: each party's position on each issue's scale, the outcome per model, the zone
of agreement, the probability of deadlock, and a scenario form (all from the analysis layer)."""
from __future__ import annotations

from fastapi import APIRouter, Request

from detente.web import charts
from detente.web.analysis import function
from detente.web.pages import render

pages = APIRouter(include_in_schema=False)


@pages.get("/bargaining", name="bargaining")
def bargaining(request: Request):
    ledger = request.app.state.ledger
    issues = ledger.codebook.issues if ledger.codebook else []
    forecast = function("forecast")
    if forecast is None:
        rows = latest_positions(ledger, issues)
        fig = charts.positions_on_scales(rows, issues)
        return render(request, "bargaining.html", charts={"scales": fig}, rows=rows, result=None, issues=issues)
    return bargaining_analysed(request, ledger, issues)


def latest_positions(ledger, issues) -> list[dict]:
    """The ledger's own view until the analysis answers: each party's latest positioned claim per issue."""
    rows = []
    parties = [p.code for p in ledger.codebook.parties] if ledger.codebook else []
    for issue in issues:
        for party in parties:
            placed = [c for c in ledger.claims(party=party, issue=issue.id, limit=20) if c.position is not None]
            if placed:
                c = placed[0]
                rows.append({"party": party, "issue": issue.id, "issue_name": issue.name, "position": c.position,
                             "label": f"#{c.id} {c.published or ''}: {c.evidence}", "claim": c.id})
    return rows


def bargaining_analysed(request, ledger, issues):  # replaced when the analysis layer lands
    raise NotImplementedError
