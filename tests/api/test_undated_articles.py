"""Posted articles take the date given with them, an upload's too; one stored undated and posted
again with a date is dated, as `detente ingest --published` dates it."""
from __future__ import annotations

ARTICLE = "Border talk\n\nMoscow wants the whole region handed over. \"We will wait,\" an aide said.\n"


def _post(client, token, **body):
    r = client.post("/api/documents", json=body, headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 201, r.text
    return r.json()


def test_an_upload_takes_the_date_given_with_it(client, ledger, token):
    up = client.post("/api/documents/file", files={"file": ("page.txt", ARTICLE.encode())},
                     data={"published": "2026-02-06"}, headers={"Authorization": f"Bearer {token}"})
    assert up.status_code == 201 and up.json()["published"] == "2026-02-06", up.text
    assert ledger.document(up.json()["document_id"]).published.isoformat() == "2026-02-06"


def test_an_article_stored_undated_is_dated_when_posted_again_with_a_date(client, ledger, token):
    first = _post(client, token, text=ARTICLE)
    assert first["status"] == "added" and first["published"] is None
    again = _post(client, token, text=ARTICLE, published="2026-02-07")
    assert again["status"] == "dated" and again["published"] == "2026-02-07"
    assert client.get(f"/api/documents/{first['document_id']}").json()["published"] == "2026-02-07"
    kept = _post(client, token, text=ARTICLE, published="2026-03-01")
    assert kept["status"] == "skipped" and ledger.document(first["document_id"]).published.isoformat() == "2026-02-07"
