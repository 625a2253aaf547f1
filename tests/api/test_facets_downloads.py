"""Facet counts agree with the lists they describe; CSV and JSON Lines carry every matching record."""
from __future__ import annotations

import csv
import io
import json
from collections import Counter


def test_facets_count_what_the_filtered_list_holds(client, ledger):
    facets = client.get("/api/claims/facets?issue=territory").json()["facets"]
    territory = ledger.claims(issue="territory")
    assert {f["value"]: f["count"] for f in facets["party"]} == Counter(c.party for c in territory)
    assert {f["value"]: f["count"] for f in facets["source_type"]} == Counter(c.source.type for c in territory)
    assert {f["value"]: f["count"] for f in facets["outlet"]} == Counter(c.outlet for c in territory)
    assert {f["value"] for f in facets["issue"]} == {"territory"}


def test_facet_link_filters_the_list(client):
    party = client.get("/api/claims/facets?facet=party").json()["facets"]["party"]
    rus = next(f for f in party if f["value"] == "RUS")
    listed = client.get(rus["toggle"].replace("http://testserver", "") + "&limit=500").json()
    assert listed["count"] == rus["count"] and {i["party"] for i in listed["items"]} == {"RUS"}


def test_kept_facets_follow_ingests_and_keep_each_filters_links(client, ledger):
    from tests.api.conftest import fill

    def rus(url):
        found = client.get(url).json()["facets"]["party"]
        return next(f for f in found if f["value"] == "RUS")

    plain, territory = rus("/api/claims/facets"), rus("/api/claims/facets?issue=territory")
    assert "issue=territory" in territory["toggle"] and "issue=" not in plain["toggle"]
    assert rus("/api/claims/facets?issue=territory") == territory  # kept, and still this filter's links
    fill(ledger, 100, 6)  # articles 100..105: RUS on 101, 102 and 105, of which 101 and 105 on territory
    assert rus("/api/claims/facets")["count"] == plain["count"] + 3
    assert rus("/api/claims/facets?issue=territory")["count"] == territory["count"] + 2


def test_facets_follow_reviews(client, ledger, token):
    before = {f["value"]: f["count"] for f in client.get("/api/claims/facets").json()["facets"]["party"]}
    claim = ledger.claims(party="EU")[0]
    client.post(f"/api/claims/{claim.id}/reviews", headers={"Authorization": f"Bearer {token}"},
                json={"action": "correct", "reviewer": "Ann", "changes": {"party": "GBR"}})
    after = {f["value"]: f["count"] for f in client.get("/api/claims/facets").json()["facets"]["party"]}
    assert after["GBR"] == 1 and after.get("EU", 0) == before["EU"] - 1


def test_csv_and_jsonl_downloads_hold_every_matching_record(client, ledger):
    wanted = sorted((c.id for c in ledger.claims(party="RUS")), reverse=True)
    text = client.get("/api/claims?party=RUS&format=csv&limit=2").text  # limit pages JSON, not downloads
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [int(r["id"]) for r in rows] == wanted and {r["party"] for r in rows} == {"RUS"}
    lines = client.get("/api/claims?party=RUS&format=jsonl").text.splitlines()
    assert [json.loads(line)["id"] for line in lines] == wanted
    assert json.loads(lines[0])["source"]["type"] in ("official", "anonymous")


def test_records_have_the_contract_fields(client):
    quote = client.get("/api/quotes?limit=1").json()["items"][0]
    assert {"text", "start", "end", "kind", "cue", "speaker"} <= set(quote)
    assert {"name", "party", "role", "actor_id", "start", "end"} <= set(quote["speaker"])
    claim = client.get("/api/claims?limit=1").json()["items"][0]
    assert {"party", "issue", "stance", "position", "summary", "evidence", "start", "end", "source", "hedged",
            "confidence"} <= set(claim)
    event = client.get("/api/events?limit=1&place=Kharkiv").json()["items"][0]
    assert event["locations"][0]["name"] == "Kharkiv" and {"lat", "lon", "geonameid"} <= set(event["locations"][0])


def test_quote_filters_match_the_cli(client, ledger):
    assert client.get("/api/quotes?speaker=Peskov&limit=500").json()["count"] == len(ledger.quotes(speaker="Peskov"))
    assert client.get("/api/events?type=meeting").json()["count"] == 0
    assert client.get("/api/claims?hedged=true&limit=500").json()["count"] == len(ledger.claims(hedged=True))
