"""A ledger remembers the case it was filled with: read later without a codebook it uses that
case, and it refuses another case rather than mixing two negotiations' parties and issues."""
from pathlib import Path

import pytest

from detente.codebook import Codebook
from detente.errors import LedgerError
from detente.ledger import Ledger
from detente.records import Document, Extraction

OTHER = Path(__file__).resolve().parents[2] / "examples" / "armenia_azerbaijan.yaml"


def _article(n: int) -> Extraction:
    return Extraction(document=Document(id=f"d{n}", text=f"Article number {n} about the talks."))


def test_the_first_ingest_records_the_case_and_later_readers_use_it(db_url):
    other = Codebook.load(OTHER)
    with Ledger(db_url, codebook=other) as led:
        led.ingest(_article(1))
    with Ledger(db_url) as led:
        assert led.codebook is not None and led.codebook.case == "armenia_azerbaijan"
        assert led.codebook.issue("transit_route") is not None


def test_another_case_is_refused(db_url):
    with Ledger(db_url, codebook=Codebook.load(OTHER)) as led:
        led.ingest(_article(1))
    with pytest.raises(LedgerError, match="holds the case 'armenia_azerbaijan'"):
        Ledger(db_url, codebook=Codebook.bundled())


def test_a_ledger_filled_without_a_codebook_records_the_default_case(db_url):
    with Ledger(db_url) as led:
        led.ingest(_article(1))
    with Ledger(db_url) as led:
        assert led.codebook.case == Codebook.bundled().case


def test_an_edited_codebook_of_the_same_case_replaces_the_copy(db_url):
    other = Codebook.load(OTHER)
    with Ledger(db_url, codebook=other) as led:
        led.ingest(_article(1))
    edited = other.model_copy(update={"description": "edited by an analyst"})
    with Ledger(db_url, codebook=edited) as led:
        led.ingest(_article(2))
    with Ledger(db_url) as led:
        assert led.codebook.description == "edited by an analyst"


def test_an_empty_ledger_holds_no_case_yet(db_url):
    with Ledger(db_url) as led:
        assert led.codebook is None
    with Ledger(db_url, codebook=Codebook.load(OTHER)) as led:
        assert led.codebook.case == "armenia_azerbaijan"


def test_an_extraction_made_with_another_case_is_refused(db_url):
    """The Python API: the ledger holds one case, the extractor was given another."""
    with Ledger(db_url) as led:
        led.ingest(_article(1))
    other = _article(2).model_copy(update={"case": "armenia_azerbaijan"})
    with Ledger(db_url) as led, pytest.raises(LedgerError, match="holds the case 'us_russia_ukraine'"):
        led.ingest(other)
    with Ledger(db_url) as led:
        assert [d.id for d in led.documents()] == ["d1"]


def test_a_new_ledger_records_the_bundled_case_its_first_extraction_was_made_with(db_url):
    with Ledger(db_url) as led:
        led.ingest(_article(1).model_copy(update={"case": "us_russia_ukraine"}))
        assert led.codebook.case == "us_russia_ukraine"


def test_an_extraction_of_an_unbundled_case_needs_its_codebook(db_url):
    with Ledger(db_url) as led, pytest.raises(LedgerError, match="not bundled"):
        led.ingest(_article(1).model_copy(update={"case": "armenia_azerbaijan"}))
    with Ledger(db_url, codebook=Codebook.load(OTHER)) as led:
        assert led.ingest(_article(1).model_copy(update={"case": "armenia_azerbaijan"})) == "added"
