"""Fixtures for extraction tests: an ArticleContext of a short text, parsed by the real model."""
import datetime as dt

import pytest

from detente.codebook import Codebook
from detente.extract.claims.finder import find_claims
from detente.extract.context import ArticleContext
from detente.extract.quotes.finder import find_quotes
from detente.records import Document


@pytest.fixture(scope="session")
def article(nlp):
    """``article(text, day=None)`` → the ArticleContext every component reads (bundled case)."""
    codebook = Codebook.bundled()

    def make(text: str, day: dt.date | None = None) -> ArticleContext:
        return ArticleContext(document=Document(id="t", text=text, published=day), codebook=codebook,
                              doc=nlp(text), reference_date=day)
    return make


@pytest.fixture(scope="session")
def quotes_of(article):
    """``quotes_of(text, day=2026-02-06)`` → its quotes, each checked to be its text's exact span."""
    def run(text: str, day: dt.date | None = dt.date(2026, 2, 6)):
        quotes = find_quotes(article(text, day))
        for q in quotes:
            assert text[q.start:q.end] == q.text
        return quotes
    return run


@pytest.fixture(scope="session")
def claims_of(article):
    """``claims_of(text, quotes=())`` → its claims; ``quotes=None`` runs the quotes stage first."""
    def run(text: str, quotes=()):
        ctx = article(text)
        return find_claims(ctx, find_quotes(ctx) if quotes is None else list(quotes))
    return run


@pytest.fixture(scope="session")
def strike_places_of(article):
    """``strike_places_of(text, day=2026-02-06)`` → the names of the places its strikes hit."""
    from detente.extract.events.finder import find_events

    def run(text: str, day: dt.date | None = dt.date(2026, 2, 6)) -> set[str]:
        return {loc.name for e in find_events(article(text, day)) if e.type == "strike" for loc in e.locations}
    return run
