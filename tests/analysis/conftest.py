"""A fresh ledger per test with the bundled codebook, on every backend of ``db_url``
(tests/conftest.py): the analysis groups in SQL, so both dialects are tried."""
import pytest

from detente.codebook import Codebook
from detente.ledger import Ledger


@pytest.fixture
def ledger(db_url):
    with Ledger(db_url, codebook=Codebook.bundled()) as led:
        yield led
