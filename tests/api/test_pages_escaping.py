"""Every text of an article reaches a page as text: markup in an article is shown, never run."""
from __future__ import annotations

HOSTILE = ('Hostile title <script>alert(1)</script>\n\nMoscow wants <script>window.pwned=1</script> '
           'the region <img src=x onerror=window.pwned=2>. "Quote <b>bold</b> here," he said.\n')


def test_article_markup_is_escaped_on_every_page(client, ledger, token):
    r = client.post("/api/documents", json={"text": HOSTILE, "outlet": "<i>Outlet</i>"},
                    headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 201, r.text
    claim = next(c for c in ledger.claims() if c.document_id == r.json()["document_id"])
    assert "<script>" in claim.evidence
    quote = next(q for q in ledger.quotes() if "<b>" in q.text)
    for url in ["/", "/ledger/claims", "/ledger/quotes", f"/record/claim/{claim.id}", f"/record/quote/{quote.id}",
                "/timeline?issue=territory", "/bargaining", "/war", "/ledger/claims?outlet=%3Ci%3EOutlet%3C/i%3E"]:
        page = client.get(url).text
        assert "<script>window.pwned" not in page and "<img src=x" not in page and "<b>bold" not in page, url
        assert "<i>Outlet" not in page, url
    record = client.get(f"/record/claim/{claim.id}").text
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in record
    assert '<mark class="evidence">' in record


def test_empty_form_fields_mean_any_on_pages_but_not_in_the_api(client):
    page = client.get("/ledger/claims?party=RUS&stance=&source_type=&since=")
    assert page.status_code == 200 and 'data-value="RUS"' in page.text
    assert client.get("/api/claims?stance=").status_code == 422
