"""A fresh ledger per test, on every backend of ``db_url`` (tests/conftest.py)."""
import pytest

from detente.ledger import Ledger


@pytest.fixture
def ledger(db_url):
    with Ledger(db_url) as led:
        yield led
