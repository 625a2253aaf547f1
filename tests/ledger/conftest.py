"""A fresh SQLite ledger per test."""
import pytest

from detente.ledger import Ledger


@pytest.fixture
def db_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'ledger.sqlite'}"


@pytest.fixture
def ledger(db_url):
    with Ledger(db_url) as led:
        yield led
