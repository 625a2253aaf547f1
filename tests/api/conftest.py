"""An app over a small hand-built ledger (SQLite, and PostgreSQL when configured), no spaCy."""
from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient

from detente.api import create_app
from detente.codebook import Codebook
from detente.ledger import Ledger
from detente.records import Claim, Source
from tests.api.fakes import FirstSentenceExtractor
from tests.ledger.factories import make_extraction

PARTIES = ["RUS", "UKR", "USA", "RUS", "EU", "RUS"]


def fill(ledger: Ledger, first: int, count: int) -> None:
    """``count`` articles numbered from ``first``: each a quote, an event and a claim whose party cycles."""
    for n in range(first, first + count):
        extraction = make_extraction(n, dt.date(2026, 1, 1) + dt.timedelta(days=n % 40))
        claim = extraction.claims[0]
        party = PARTIES[n % len(PARTIES)]
        extraction.claims = [Claim(**{**claim.model_dump(), "party": party,
                                      "issue": "territory" if n % 2 else "ceasefire",
                                      "source": Source(type="official" if n % 3 else "anonymous")})]
        extraction.document.outlet = "Wire" if n % 4 else "Daily"
        ledger.ingest(extraction)


@pytest.fixture
def ledger(db_url):  # noqa: F811
    with Ledger(db_url, codebook=Codebook.bundled("us_russia_ukraine")) as led:
        fill(led, 0, 24)
        yield led


@pytest.fixture
def app(ledger):
    return create_app(ledger, make_extractor=FirstSentenceExtractor, max_body=64 * 1024)


@pytest.fixture
def client(app):
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def token(ledger) -> str:
    return ledger.create_token("tests")[1]
