"""/api/positions, shifts, leaks, talks-vs-war, forecast, scenarios, brief: the analysis layer over HTTP.

Each route calls one ``detente.analysis`` function and returns its records; results are kept per
ledger version (anything ingested or reviewed changes it), as the facet counts are. Party and issue
codes are taken in any case, as in the CLI (``codebook/codes.py``).
"""
from __future__ import annotations

import datetime as dt
from typing import Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, PlainTextResponse
from pydantic import BaseModel, Field

from detente import analysis
from detente.analysis.brief import markdown, to_html
from detente.analysis.forecast import Overrides, check_overrides
from detente.api.access import reader
from detente.codebook.codes import known, overrides

api = APIRouter(prefix="/api", tags=["analysis"], dependencies=[Depends(reader)])
MAX_DRAWS = 5000


def cached(request: Request, name: str, params: dict, compute):
    """``compute()``, remembered until the ledger changes."""
    state = request.app.state
    key = (name, tuple(sorted((k, repr(v)) for k, v in params.items())))
    version = state.ledger.version()
    hit = state.facet_cache.get(key)
    if hit is None or hit[0] != version:
        hit = (version, compute())
        state.facet_cache.put(key, hit)
    return hit[1]


def codes(ledger, party: str | None, issue: str | None) -> dict:
    """The party and issue as the codebook spells them ("rus" is RUS); an unknown one is a 400."""
    return known(ledger.codebook, {"party": party, "issue": issue})


@api.get("/positions", name="positions", response_model=list[analysis.PositionSeries],
         summary="Each party's position over time per issue, with its band and the claims behind each point")
def positions(request: Request, party: str | None = None, issue: str | None = None, until: dt.date | None = None):
    ledger = request.app.state.ledger
    args = dict(**codes(ledger, party, issue), until=until)
    return cached(request, "positions", args, lambda: analysis.positions(ledger, **args))


@api.get("/shifts", name="shifts", response_model=list[analysis.Shift],
         summary="Escalations, softenings, new demands and reversals, with the claims before and after")
def shifts(request: Request, party: str | None = None, issue: str | None = None, since: dt.date | None = None,
           until: dt.date | None = None):
    ledger = request.app.state.ledger
    args = dict(**codes(ledger, party, issue), since=since, until=until)
    return cached(request, "shifts", args, lambda: analysis.shifts(ledger, **args))


@api.get("/leaks", name="leaks", response_model=list[analysis.Leak],
         summary="Anonymous and media claims: unconfirmed until the party's own record confirms or denies them")
def leaks(request: Request, party: str | None = None, issue: str | None = None,
          status: Literal["unconfirmed", "confirmed", "denied"] | None = None):
    ledger = request.app.state.ledger
    args = dict(**codes(ledger, party, issue), status=status)
    return cached(request, "leaks", args, lambda: analysis.leaks(ledger, **args))


@api.get("/talks-vs-war", name="talks_vs_war", response_model=analysis.TalksVsWar,
         summary="Per week (or day): meetings and the talks' tone beside strikes and fighting")
def talks_vs_war(request: Request, freq: Literal["week", "day"] = "week", since: dt.date | None = None,
                 until: dt.date | None = None):
    ledger = request.app.state.ledger
    args = dict(freq=freq, since=since, until=until)
    return cached(request, "talks", args, lambda: analysis.talks_vs_war(ledger, **args))


@api.get("/forecast", name="forecast", response_model=analysis.Forecast,
         summary="Per issue: each model's outcome, the Monte Carlo spread, the zone of agreement, P(deadlock)")
def forecast(request: Request, date: dt.date | None = None, draws: int = Query(1000, ge=0, le=MAX_DRAWS),
             seed: int = Query(0, ge=0, description="random seed of the Monte Carlo draws")):
    ledger = request.app.state.ledger
    args = dict(date=date, draws=draws, seed=seed)
    return cached(request, "forecast", args, lambda: analysis.forecast(ledger, **args))


class ScenarioIn(BaseModel):
    """What changes: ``positions`` {party: {issue: 0–100}}, ``drop`` [party], ``capability`` {party: x},
    ``salience`` {party: {issue: x}}, ``concession`` (points each side gives up past its position).
    Typed here, so a wrong shape is a 422 naming its field; a party or issue the case does not
    know is a 400 from the analysis."""

    changes: Overrides = Field(examples=[{"positions": {"RUS": {"territory": 50}}}])
    date: dt.date | None = None
    draws: int = Field(1000, ge=0, le=MAX_DRAWS)
    seed: int = Field(0, ge=0)


@api.post("/scenarios", name="scenario", response_model=analysis.ScenarioResult,
          summary="The forecast with and without a change (computes only; stores nothing, so needs no token)")
def scenario(request: Request, asked: ScenarioIn):
    ledger = request.app.state.ledger
    changes = overrides(ledger.codebook, check_overrides(asked.changes))  # "rus" is RUS, as in the CLI
    return analysis.scenario(ledger, changes, date=asked.date, draws=asked.draws, seed=asked.seed)


@api.get("/brief", name="brief", response_model=analysis.Brief,
         summary="Where the talks stand on one page (format=json, markdown or html)")
def brief(request: Request, date: dt.date | None = None, format: Literal["json", "markdown", "html"] = "json"):
    ledger = request.app.state.ledger
    found = cached(request, "brief", {"date": date}, lambda: analysis.brief(ledger, date=date))
    if format == "markdown":
        return PlainTextResponse(markdown(found), media_type="text/markdown; charset=utf-8")
    if format == "html":
        return HTMLResponse(to_html(found))
    return found
