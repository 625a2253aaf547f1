"""The dashboard as an analyst uses it, in a real browser, against `detente serve`."""
from __future__ import annotations

import re

import httpx
import pytest

PAGES = {"overview": "/", "timeline": "/timeline?issue=territory", "ledger-claims": "/ledger/claims",
         "ledger-quotes": "/ledger/quotes", "ledger-events": "/ledger/events", "bargaining": "/bargaining",
         "war": "/war", "api": "/docs"}

pytestmark = pytest.mark.slow


def load(page, url: str) -> None:
    """Open ``url`` and wait until every chart on it is drawn."""
    response = page.goto(url)
    assert response.status == 200, url
    charts = page.locator("div.chart[data-figure]").count()
    if charts:
        page.wait_for_function(f"document.querySelectorAll('div.chart[data-drawn=yes]').length === {charts}",
                               timeout=30_000)


def api(server, path: str):
    return httpx.get(server[0] + path, timeout=60).json()


def test_every_page_loads_without_console_errors(server, page, screenshots):
    base, _ = server
    claim = api(server, "/api/claims?limit=1")["items"][0]["id"]
    for name, path in {**PAGES, "record": f"/record/claim/{claim}"}.items():
        load(page, base + path)
        assert page.locator("main h1").count() == 1, name
        page.screenshot(path=str(screenshots / f"{name}.png"), full_page=True)
    assert page.problems == []


def test_pages_fetch_nothing_from_outside(server, page):
    base, _ = server
    outside = []
    page.on("request", lambda req: outside.append(req.url) if not req.url.startswith((base, "data:")) else None)
    for path in PAGES.values():
        load(page, base + path)
    assert outside == []


def test_facets_and_filters_change_the_list(server, page):
    base, _ = server
    load(page, base + "/ledger/claims")
    rows = page.locator("#records tbody tr[data-id]")
    everything = rows.count()
    facet = page.locator('.facet[data-facet="party"] a[data-value="RUS"]')
    expected = int(facet.locator("xpath=following-sibling::span").inner_text())
    facet.click()
    page.wait_for_url(re.compile(r"party=RUS"))
    assert 0 < rows.count() == min(expected, 50) < everything
    assert all(" RUS " in f" {t} " or t.startswith("RUS") for t in rows.locator("td:nth-child(3)").all_inner_texts())
    page.fill('#filters input[name="issue"]', "territory")
    page.click("#filters button[type=submit]")
    page.wait_for_url(re.compile(r"issue=territory"))
    territory = api(server, "/api/claims?party=RUS&issue=territory&limit=500")["count"]
    assert rows.count() == territory and all("territory" in t for t in rows.locator("td:nth-child(3)").all_inner_texts())
    selected = page.locator('.facet[data-facet="issue"] a.selected')
    assert selected.inner_text() == "territory"


def test_a_record_opens_its_article_with_the_evidence_highlighted(server, page):
    base, _ = server
    load(page, base + "/ledger/claims?source_type=anonymous")
    first = page.locator("#records tbody tr[data-id] td:first-child a").first
    claim = api(server, f"/api/claims/{first.inner_text()}")
    first.click()
    mark = page.locator("#article mark.evidence")
    mark.wait_for()
    assert mark.inner_text() == claim["evidence"] and mark.is_visible()
    assert mark.evaluate("m => { const a = m.closest('#article').getBoundingClientRect(), b = m.getBoundingClientRect();"
                         " return b.top >= a.top && b.bottom <= a.bottom; }"), "the evidence is scrolled into view"
    assert claim["source"]["type"] in page.locator("#provenance").inner_text()


def test_a_review_with_a_token_changes_the_record_and_its_history(server, page):
    base, token = server
    claim = api(server, "/api/claims?limit=1&stance=demand")["items"][0]
    load(page, f"{base}/record/claim/{claim['id']}")
    page.fill('#review input[name="token"]', token)
    page.fill('#review input[name="reviewer"]', "Browser Analyst")
    page.select_option('#review select[name="action"]', "correct")
    page.fill('#review textarea[name="changes"]', "stance=proposal")
    page.fill('#review textarea[name="note"]', "checked against the article")
    page.click("#review button[type=submit]")
    page.locator("#reviewed").wait_for()
    assert page.locator("#status").inner_text() == "corrected"
    assert "Browser Analyst" in page.locator("#history").inner_text()
    assert "stance=proposal" in page.locator("#history").inner_text()
    assert api(server, f"/api/claims/{claim['id']}")["stance"] == "proposal"
    history = api(server, f"/api/claims/{claim['id']}/history")
    assert history["original"]["stance"] == "demand" and history["reviews"][-1]["note"] == "checked against the article"
    assert page.problems == []


def test_a_write_without_a_token_is_refused(server, page):
    base, _ = server
    claim = api(server, "/api/claims?limit=1&stance=assessment")["items"][0]
    before = len(api(server, f"/api/claims/{claim['id']}/history")["reviews"])
    load(page, f"{base}/record/claim/{claim['id']}")
    page.fill('#review input[name="reviewer"]', "Nobody")
    page.select_option('#review select[name="action"]', "reject")
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        page.click("#review button[type=submit]")
    assert posted.value.status == 401
    assert "needs an API token" in page.locator(".error").inner_text()
    assert len(api(server, f"/api/claims/{claim['id']}/history")["reviews"]) == before
    assert httpx.post(f"{base}/api/claims/{claim['id']}/reviews", json={"action": "reject", "reviewer": "x"}).status_code == 401


def test_markup_in_an_article_shows_as_text_and_never_runs(server, page, screenshots):
    base, token = server
    article = ("Talks resume in Geneva <script>window.__pwned = 'title'</script>\n\n"
               "Geneva, 6 February 2026. \"We will not sign <script>window.__pwned = 'quote'</script> anything that "
               "gives away our land,\" Ukrainian President Volodymyr Zelensky said on Friday. "
               "The Kremlin demanded that Ukraine withdraw its troops <img src=x onerror=\"window.__pwned='img'\">.\n")
    posted = httpx.post(f"{base}/api/documents", json={"text": article, "outlet": "<b>Test wire</b>"},
                        headers={"Authorization": f"Bearer {token}"}, timeout=300)
    assert posted.status_code == 201, posted.text
    doc = posted.json()["document_id"]
    quotes = api(server, f"/api/quotes?document={doc}")["items"]
    claims = api(server, f"/api/claims?document={doc}")["items"]
    assert quotes or claims, "the posted article gave no record to open"
    kind, record = ("quote", quotes[0]) if quotes else ("claim", claims[0])
    for url in (f"/record/{kind}/{record['id']}", f"/ledger/{kind}s?document={doc}"):
        load(page, base + url)
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert "<script>window.__pwned" in page.locator("main").inner_text()
        assert page.locator("main script, main img").count() == 0
    page.screenshot(path=str(screenshots / "escaped-article.png"), full_page=True)
    assert page.problems == []


def test_the_scenario_form_changes_the_forecast(server, page, screenshots):
    base, _ = server
    load(page, base + "/bargaining")
    row = page.locator('#forecast tr[data-issue="territory"]')
    before = row.locator("td:nth-child(3)").inner_text()  # the compromise model's outcome
    page.select_option('#scenario select[name="party"]', "RUS")
    page.select_option('#scenario select[name="issue"]', "territory")
    page.fill('#scenario input[name="position"]', "0")
    page.click("#scenario button[type=submit]")
    page.wait_for_url(re.compile(r"position=0"))
    load(page, page.url)
    assert "RUS moves to 0 on Territory" in page.locator("#scenario-note").inner_text()
    after = page.locator('#forecast tr[data-issue="territory"] td:nth-child(3)').inner_text()
    assert float(after) < float(before)
    changed = page.locator("#differences tr", has_text="Territory").locator("td.after").inner_text()
    assert changed == after
    page.screenshot(path=str(screenshots / "bargaining-scenario.png"), full_page=True)
    assert page.problems == []
