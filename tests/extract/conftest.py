"""Fixtures for extraction tests: an ArticleContext of a short text, parsed by the real model."""
import pytest

from detente.codebook import Codebook
from detente.extract.claims import find_claims
from detente.extract.context import ArticleContext
from detente.extract.quotes import find_quotes
from detente.records import Document


@pytest.fixture(scope="session")
def article(nlp):
    """``article(text)`` → the ArticleContext every component reads (bundled case, no date)."""
    codebook = Codebook.bundled()

    def make(text: str) -> ArticleContext:
        return ArticleContext(document=Document(id="t", text=text), codebook=codebook, doc=nlp(text))
    return make


@pytest.fixture(scope="session")
def claims_of(article):
    """``claims_of(text, quotes=())`` → its claims; ``quotes=None`` runs the quotes stage first."""
    def run(text: str, quotes=()):
        ctx = article(text)
        return find_claims(ctx, find_quotes(ctx) if quotes is None else list(quotes))
    return run
