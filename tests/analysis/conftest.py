import pytest

from detente.codebook import Codebook
from detente.ledger import Ledger


@pytest.fixture
def ledger(tmp_path):
    with Ledger(f"sqlite:///{tmp_path / 'ledger.sqlite'}", codebook=Codebook.bundled()) as led:
        yield led
