"""Keyset pages: following `next` gives every record once, even while articles are being ingested."""
from tests.api.conftest import fill


def walk(client, url: str, ledger=None, ingest_between: int = 0) -> list[int]:
    seen, n = [], 1000
    while url:
        page = client.get(url).json()
        seen += [item["id"] for item in page["items"]]
        url = page["next"]
        if ledger is not None and ingest_between:
            fill(ledger, n, ingest_between)
            n += ingest_between
    return seen


def test_pages_cover_the_list_once_while_ingesting(client, ledger):
    before = {c.id for c in ledger.claims()}
    seen = walk(client, "/api/claims?limit=5", ledger, ingest_between=2)
    assert len(seen) == len(set(seen)), "a record came twice"
    assert set(seen) == before, "a record present at the first page was skipped (or a later one slipped in)"
    assert seen == sorted(seen, reverse=True)
    assert len(ledger.claims()) == len(before) + 2 * 5  # the ingests really happened, five pages of five


def test_filtered_pages_while_ingesting(client, ledger):
    wanted = {c.id for c in ledger.claims(party="RUS")}
    seen = walk(client, "/api/claims?limit=3&party=RUS", ledger, ingest_between=3)
    assert sorted(seen, reverse=True) == seen and set(seen) == wanted and len(seen) == len(wanted)


def test_a_corrected_record_is_paged_by_its_corrected_value(client, ledger, token):
    ukr = {c.id for c in ledger.claims(party="UKR")}
    moved = next(c.id for c in ledger.claims(party="RUS"))
    r = client.post(f"/api/claims/{moved}/reviews", headers={"Authorization": f"Bearer {token}"},
                    json={"action": "correct", "reviewer": "Ann", "changes": {"party": "UKR"}})
    assert r.status_code == 201, r.text
    seen = walk(client, "/api/claims?limit=2&party=UKR")
    assert sorted(seen) == sorted(ukr | {moved})
    assert moved not in walk(client, "/api/claims?limit=2&party=RUS")


def test_next_is_null_on_the_last_page(client, ledger):
    total = len(ledger.claims())
    page = client.get(f"/api/claims?limit={total}").json()
    assert page["count"] == total and page["next"] is None


def test_documents_and_actors_page_by_id(client, ledger):
    docs = walk(client, "/api/documents?limit=7")
    assert len(docs) == len(set(docs)) == 24
    actors = client.get("/api/actors").json()["items"]
    assert actors and all(a["quotes"] >= 1 for a in actors)
