"""The routes take party, issue and event-type codes in any case, as the CLI does (one helper);
a code the case does not define is a 400 naming the known ones, not an empty list."""
from __future__ import annotations


def _detail(response, status: int = 400) -> str:
    assert response.status_code == status, response.text
    return response.json()["error"]["detail"]


def test_record_lists_refuse_codes_the_case_does_not_define(client):
    assert "unknown party 'XYZ'; the case's parties: RUS" in _detail(client.get("/api/quotes?party=XYZ"))
    assert "unknown issue 'weather'" in _detail(client.get("/api/claims/facets?issue=weather"))
    line = _detail(client.get("/api/events?type=airstrike"))
    assert "unknown event type 'airstrike'" in line and "ground_fighting" in line


def test_claims_refuse_a_stance_or_source_type_that_does_not_exist(client):
    assert "unknown stance 'demnd'" in _detail(client.get("/api/claims?stance=demnd"))
    assert "unknown source type 'leak'" in _detail(client.get("/api/claims?source_type=leak"))
    listed = client.get("/api/claims?stance=Demand&source_type=OFFICIAL&limit=500").json()
    assert listed["filters"] == {"stance": "demand", "source_type": "official"}


def test_record_lists_take_codes_in_any_case(client):
    strikes = client.get("/api/events?type=strike").json()["count"]
    assert client.get("/api/events?type=Strike").json()["count"] == strikes > 0
    listed = client.get("/api/claims?party=rus&issue=TERRITORY&limit=500").json()
    assert listed["filters"] == {"party": "RUS", "issue": "territory"}
    assert listed["count"] > 0 and {(c["party"], c["issue"]) for c in listed["items"]} == {("RUS", "territory")}
    assert client.get("/api/quotes?party=none").json()["filters"] == {"party": "NONE"}
    assert {a["party"] for a in client.get("/api/actors?party=rus").json()["items"]} == {"RUS"}


def test_analysis_routes_take_codes_in_any_case(client):
    for route in ("positions", "shifts", "leaks"):
        upper = client.get(f"/api/{route}?party=RUS&issue=territory")
        assert client.get(f"/api/{route}?party=rus&issue=Territory").json() == upper.json(), route
    assert client.get("/api/positions?party=rus").json()
    asked = {"changes": {"positions": {"ukr": {"Territory": 40}}, "drop": ["usa"]}, "draws": 20}
    r = client.post("/api/scenarios", json=asked)
    assert r.status_code == 200, r.text
    assert r.json()["changes"]["positions"] == {"UKR": {"territory": 40.0}} and r.json()["changes"]["drop"] == ["USA"]


def test_a_correction_takes_codes_in_any_case(client, ledger, token):
    claim = ledger.claims(party="RUS")[0]
    r = client.post(f"/api/claims/{claim.id}/reviews", headers={"Authorization": f"Bearer {token}"},
                    json={"action": "correct", "reviewer": "Ann", "changes": {"party": "ukr", "issue": "Ceasefire"}})
    assert r.status_code == 201, r.text
    assert (r.json()["record"]["party"], r.json()["record"]["issue"]) == ("UKR", "ceasefire")
