"""CLI tests run the commands in-process on a temporary SQLite ledger.

Most use a stand-in extractor (no spaCy): they test reading, storing and printing, not extraction.
"""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from detente.cli import app
from tests.cli.fakes import OneQuoteExtractor


@pytest.fixture
def fake_extractor(monkeypatch):
    import detente.cli.articles as articles

    monkeypatch.setattr(articles, "extractor_for", lambda *_: (OneQuoteExtractor(), {}))


@pytest.fixture
def run(tmp_path, monkeypatch):
    """``run("quotes", "--party", "RUS")`` against tmp_path/ledger.sqlite, from tmp_path."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DETENTE_DATABASE_URL", raising=False)
    runner = CliRunner()
    db = str(tmp_path / "ledger.sqlite")

    def invoke(*args: str, db_option: bool = True):
        full = [*args, "--db", db] if db_option else list(args)
        return runner.invoke(app, full)

    invoke.db = db
    return invoke


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(3):
        (folder / f"a{n}.txt").write_text(
            f"Talks day {n}\n\nKyiv, 6 February 2026. An official said: \"We are close to a deal number {n}.\" "
            "More talks are planned.\n", encoding="utf-8")
    return folder
