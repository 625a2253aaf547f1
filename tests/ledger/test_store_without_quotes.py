"""An article with claims or events but no quote is stored (its rows come after the article's)."""
from tests.ledger.factories import make_extraction


def test_claims_and_events_without_quotes_are_stored(ledger):
    extraction = make_extraction(7)
    extraction.quotes = []
    assert ledger.ingest(extraction) == "added"
    assert [c.document_id for c in ledger.claims()] == ["doc-0007"]
    assert [e.document_id for e in ledger.events()] == ["doc-0007"]
