"""The analysis routes answer what ``detente.analysis`` answers, and follow the ledger as it changes."""
from __future__ import annotations

from detente import analysis
from tests.api.conftest import fill


def test_routes_return_the_analysis_records(client, ledger):
    assert client.get("/api/positions?issue=territory").json() == \
        [s.model_dump(mode="json") for s in analysis.positions(ledger, issue="territory")]
    assert client.get("/api/leaks").json() == [x.model_dump(mode="json") for x in analysis.leaks(ledger)]
    assert client.get("/api/talks-vs-war").json() == analysis.talks_vs_war(ledger).model_dump(mode="json")
    forecast = client.get("/api/forecast?draws=50&date=2026-03-01").json()
    assert forecast == analysis.forecast(ledger, draws=50, date=__import__("datetime").date(2026, 3, 1)).model_dump(
        mode="json")


def test_cached_answers_follow_new_articles(client, ledger):
    first = client.get("/api/positions").json()
    assert client.get("/api/positions").json() == first
    fill(ledger, 500, 3)
    assert client.get("/api/positions").json() == [s.model_dump(mode="json") for s in analysis.positions(ledger)]


def test_scenario_moves_the_forecast(client, ledger):
    base = client.get("/api/forecast?draws=50").json()
    issue = next(i for i in base["issues"] if len(i["positions"]) > 1)
    party = next(iter(issue["positions"]))
    target = 0 if issue["positions"][party] > 50 else 100
    r = client.post("/api/scenarios", json={"changes": {"positions": {party: {issue["issue"]: target}}}, "draws": 50})
    assert r.status_code == 200, r.text
    diff = next(d for d in r.json()["differences"] if d["issue"] == issue["issue"])
    assert diff["compromise_before"] == issue["outcomes"]["compromise"]
    assert diff["compromise_after"] != diff["compromise_before"]


def test_brief_in_three_formats(client):
    assert client.get("/api/brief").json()["issues"]
    assert client.get("/api/brief?format=markdown").text.startswith("# Where the talks stand")
    assert client.get("/api/brief?format=html").headers["content-type"].startswith("text/html")


def test_an_unknown_filter_is_a_bad_request(client):
    for route in ("positions", "shifts", "leaks"):
        r = client.get(f"/api/{route}?issue=teritory")
        assert r.status_code == 400 and "unknown issue 'teritory'" in r.json()["error"]["detail"]
    assert client.get("/api/shifts?party=RU").status_code == 400
