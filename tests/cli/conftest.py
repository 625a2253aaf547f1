"""CLI tests run the commands in-process on a temporary SQLite ledger.

Most use a stand-in extractor (no spaCy): they test reading, storing and printing, not extraction.
"""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.records import Extraction, Quote, Speaker


class OneQuoteExtractor:
    """Finds the first quoted passage of each document, so stored rows can be checked."""

    def pipe(self, documents, **_):
        for doc in documents:
            start = doc.text.find('"') + 1
            end = doc.text.find('"', start)
            quotes = []
            if 0 < start < end:
                quotes.append(Quote(text=doc.text[start:end], start=start, end=end, kind="direct",
                                    speaker=Speaker(name="Someone", party="NONE")))
            yield Extraction(document=doc, quotes=quotes)


@pytest.fixture
def fake_extractor(monkeypatch):
    import detente.cli.articles as articles

    monkeypatch.setattr(articles, "extractor_for", lambda codebook, workers: (OneQuoteExtractor(), {}))


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
