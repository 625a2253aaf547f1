"""An article with claims or events but no quote is stored (its rows wait for the document row)."""
from tests.ledger.factories import make_extraction


def test_store_article_without_quotes(ledger):
    extraction = make_extraction(7).model_copy(update={"quotes": []})
    assert ledger.ingest(extraction) == "added"
    assert len(ledger.claims()) == 1 and len(ledger.events()) == 1
