"""The bargaining view: each party's position on each issue's scale, the outcome per model, the zone
of agreement, the probability of deadlock, and a scenario form (all from the analysis layer)."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request

from detente.api.access import reader
from detente.api.errors import ApiError
from detente.web import charts
from detente.web.analysis import function
from detente.web.pages import render

pages = APIRouter(include_in_schema=False, dependencies=[Depends(reader)])  # reads: open here, by token elsewhere
DRAWS = 500


@pages.get("/bargaining", name="bargaining")
def bargaining(request: Request, party: str | None = Query(None, description="scenario: whose position moves"),
               issue: str | None = Query(None), position: float | None = Query(None, ge=0, le=100),
               drop: str | None = Query(None, description="scenario: a party left out of the talks")):
    ledger = request.app.state.ledger
    issues = ledger.codebook.issues if ledger.codebook else []
    forecast, scenario = function("forecast"), function("scenario")
    if forecast is None:
        rows = latest_positions(ledger, issues)
        fig = charts.positions_on_scales(rows, issues, order=charts.party_order(ledger.codebook))
        return render(request, "bargaining.html", charts={"scales": fig}, rows=rows, result=None, issues=issues,
                      asked={}, changes=None, differences=[], parties=[])
    changes = scenario_changes(party, issue, position, drop)
    if changes:
        found = scenario(ledger, changes, draws=DRAWS)
        result, differences = found.changed, found.differences
    else:
        from detente.api.analysis import cached

        result = cached(request, "forecast", {"draws": DRAWS}, lambda: forecast(ledger, draws=DRAWS))
        differences = []
    names = {i.id: i.name for i in issues}
    shown = [i for i in issues if any(f.issue == i.id for f in result.issues)]
    rows = [{"party": p, "issue": f.issue, "issue_name": names.get(f.issue, f.issue), "position": v,
             "label": f"{p} on {names.get(f.issue, f.issue)}"} for f in result.issues for p, v in f.positions.items()]
    outcomes = {m: [{"value": f.outcomes[m], "issue_name": names.get(f.issue, f.issue)} for f in result.issues
                    if f.outcomes.get(m) is not None] for m in result.models}
    zones = [{"low": f.zone[0], "high": f.zone[1], "issue_name": names.get(f.issue, f.issue)}
             for f in result.issues if f.zone]
    fig = charts.positions_on_scales(rows, shown, outcomes, zones, order=charts.party_order(ledger.codebook))
    parties = sorted({p for f in result.issues for p in f.positions} | ({drop} if drop else set()))
    return render(request, "bargaining.html", charts={"scales": fig}, rows=rows, result=result, issues=issues,
                  names=names, asked={"party": party, "issue": issue, "position": position, "drop": drop},
                  changes=changes, differences=differences, parties=parties)


def scenario_changes(party, issue, position, drop) -> dict:
    """The form's fields as the analysis' overrides; a half-filled position is refused, not guessed."""
    changes: dict = {}
    moved = (party, issue, position)
    if any(v not in (None, "") for v in moved):
        if any(v in (None, "") for v in moved):
            raise ApiError(422, "a scenario position needs a party, an issue and a position (0–100)")
        changes["positions"] = {party: {issue: position}}
    if drop:
        changes["drop"] = [drop]
    return changes


def latest_positions(ledger, issues) -> list[dict]:
    """The ledger's own view without the analysis layer: each party's latest positioned claim per issue."""
    rows = []
    parties = charts.party_order(ledger.codebook)
    for issue in issues:
        for party in parties:
            placed = [c for c in ledger.claims(party=party, issue=issue.id, limit=20) if c.position is not None]
            if placed:
                c = placed[0]
                rows.append({"party": party, "issue": issue.id, "issue_name": issue.name, "position": c.position,
                             "label": f"#{c.id} {c.published or ''}: {c.evidence}", "claim": c.id})
    return rows
