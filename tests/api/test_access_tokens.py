"""Writes need a live token (stored hashed); reads are open here only; CORS is off unless asked for."""
from __future__ import annotations

import hashlib

import sqlalchemy as sa
from fastapi.testclient import TestClient

from detente.api import create_app
from tests.api.fakes import FirstSentenceExtractor

ARTICLE = "Border talk\n\nMoscow wants the whole region handed over. \"We will wait,\" an aide said.\n"


def auth(secret: str) -> dict:
    return {"Authorization": f"Bearer {secret}"}


def test_token_is_stored_as_its_sha256_only(ledger):
    token, secret = ledger.create_token("desk")
    with ledger.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT name, digest FROM api_tokens")).all()
    assert rows == [("desk", hashlib.sha256(secret.encode()).hexdigest())]
    assert secret not in str(rows) and len(secret) > 40
    assert ledger.check_token(secret).id == token.id
    assert ledger.check_token(secret + "x") is None and ledger.check_token("") is None


def test_review_with_a_token_changes_the_record_and_its_history(client, ledger, token):
    claim = ledger.claims(party="RUS")[0]
    r = client.post(f"/api/claims/{claim.id}/reviews", headers=auth(token),
                    json={"action": "correct", "reviewer": "Ann", "note": "checked", "changes": {"position": 50}})
    assert r.status_code == 201, r.text
    assert r.json()["record"]["position"] == 50 and r.json()["record"]["review"]["status"] == "corrected"
    history = client.get(f"/api/claims/{claim.id}/history").json()
    assert history["original"]["position"] == claim.position and history["effective"]["position"] == 50
    assert [(x["reviewer"], x["note"]) for x in history["reviews"]] == [("Ann", "checked")]


def test_writes_without_a_live_token_are_refused_and_change_nothing(client, ledger, token):
    claim = ledger.claims()[0]
    verdict = {"action": "reject", "reviewer": "Mallory"}
    assert client.post(f"/api/claims/{claim.id}/reviews", json=verdict).status_code == 401
    assert client.post(f"/api/claims/{claim.id}/reviews", json=verdict, headers=auth("dtn_guess")).status_code == 403
    ledger.revoke_token("tests")
    assert client.post(f"/api/claims/{claim.id}/reviews", json=verdict, headers=auth(token)).status_code == 403
    assert client.post("/api/documents", json={"text": ARTICLE}, headers=auth(token)).status_code == 403
    assert ledger.history("claim", claim.id).reviews == []
    assert not ledger.has(next(iter([c.document_id for c in ledger.claims(limit=1)])) + "nope")


def test_ingest_text_then_again_is_skipped(client, ledger, token):
    before = ledger.counts()["documents"]
    r = client.post("/api/documents", json={"text": ARTICLE, "outlet": "Desk", "published": "2026-02-06"},
                    headers=auth(token))
    assert r.status_code == 201 and r.json()["status"] == "added" and r.json()["claims"] == 1, r.text
    doc = client.get(f"/api/documents/{r.json()['document_id']}").json()
    assert doc["outlet"] == "Desk" and doc["published"] == "2026-02-06" and "handed over" in doc["text"]
    again = client.post("/api/documents", json={"text": ARTICLE}, headers=auth(token)).json()
    assert again["status"] == "skipped" and ledger.counts()["documents"] == before + 1


def test_ingest_html_and_a_saved_page(client, ledger, token):
    page = ("<html><head><title>Saved page</title></head><body><article><h1>Saved page</h1>"
            "<p>Kyiv asks for guarantees before any deal is signed by the parties.</p></article></body></html>")
    r = client.post("/api/documents", json={"html": page}, headers=auth(token))
    assert r.status_code == 201 and r.json()["status"] == "added", r.text
    up = client.post("/api/documents/file", files={"file": ("page.txt", ARTICLE.replace("aide", "envoy").encode())},
                     headers=auth(token))
    assert up.status_code == 201 and up.json()["status"] == "added", up.text


def test_too_large_a_body_is_413(client, token):
    r = client.post("/api/documents", content=b"{" + b" " * (70 * 1024) + b"}",
                    headers={**auth(token), "Content-Type": "application/json"})
    assert r.status_code == 413 and r.json()["error"]["status"] == 413


def test_reads_from_another_machine_need_a_token_unless_opened(ledger):
    app = create_app(ledger, make_extractor=FirstSentenceExtractor)
    secret = ledger.create_token("remote")[1]
    remote = TestClient(app, client=("203.0.113.7", 5000))
    assert remote.get("/api/claims").status_code == 401
    assert remote.get("/", headers={"Accept": "text/html"}).status_code == 401  # pages are reads too
    assert remote.get("/api/claims", headers=auth(secret)).status_code == 200
    assert TestClient(app, client=("127.0.0.1", 5000)).get("/api/claims").status_code == 200
    opened = create_app(ledger, open_reads=True, make_extractor=FirstSentenceExtractor)
    assert TestClient(opened, client=("203.0.113.7", 5000)).get("/api/claims").status_code == 200


def test_cors_is_off_by_default_and_on_for_named_origins(ledger):
    origin = {"Origin": "https://desk.example"}
    closed = TestClient(create_app(ledger)).get("/api/claims", headers=origin)
    assert "access-control-allow-origin" not in closed.headers
    opened = TestClient(create_app(ledger, cors_origins=["https://desk.example"])).get("/api/claims", headers=origin)
    assert opened.headers["access-control-allow-origin"] == "https://desk.example"


def test_token_commands(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from detente.cli import app
    from detente.ledger import Ledger

    db = str(tmp_path / "l.sqlite")
    Ledger(db).close()
    runner = CliRunner()
    made = runner.invoke(app, ["token", "create", "newsroom", "--db", db])
    secret = made.output.strip().splitlines()[-1]
    assert made.exit_code == 0 and secret.startswith("dtn_")
    listed = runner.invoke(app, ["token", "list", "--db", db])
    assert "newsroom" in listed.output and secret not in listed.output
    assert runner.invoke(app, ["token", "revoke", "newsroom", "--db", db]).exit_code == 0
    with Ledger(db) as ledger:
        assert ledger.check_token(secret) is None
    again = runner.invoke(app, ["token", "revoke", "newsroom", "--db", db])
    assert again.exit_code == 1 and "no live token" in again.output


def test_serve_picks_the_demo_ledger_when_no_other_is_named(tmp_path, monkeypatch):
    from detente.cli.serve import _ledger_to_serve

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DETENTE_DATABASE_URL", raising=False)
    assert _ledger_to_serve(None) is None  # nothing there: the usual "no ledger" error follows
    (tmp_path / "detente-demo.sqlite").write_bytes(b"")
    assert _ledger_to_serve(None) == "detente-demo.sqlite"
    assert _ledger_to_serve("mine.sqlite") == "mine.sqlite"
    (tmp_path / "detente.sqlite").write_bytes(b"")
    assert _ledger_to_serve(None) is None
