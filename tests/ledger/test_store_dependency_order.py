"""A document's rows are written after the document itself, whatever its quotes' speakers are."""
from detente.codebook import Codebook
from detente.extract import Extractor
from detente.ledger import Ledger
from detente.records import Speaker
from detente.sources import read_file
from tests.ledger.factories import make_extraction

# The shape of the issue reporter's text (#12), in our own words: claims from unnamed sources and
# no named speaker, so no actor row is looked up before the claims are flushed; the claims used to
# be inserted before their document.
REPORTED = """Washington considers guarantees for Kyiv

WASHINGTON, 6 February 2026

Unnamed American officials suggested that the White House might be ready to give Ukraine \
security guarantees modelled on NATO's and approved by Congress. People briefed on the \
negotiations said the idea could come up in Geneva next week.
"""


def test_unnamed_speakers_store_document_before_claims(ledger):
    ex = make_extraction(1)
    ex.quotes[0].speaker = Speaker(name=None, party="USA", role="officials")
    assert ledger.ingest(ex) == "added"
    assert ledger.counts() == {"documents": 1, "quote": 1, "claim": 1, "event": 1}
    assert ledger.claims()[0].document_id == ex.document.id


def test_reported_article_is_stored(db_url, nlp, tmp_path):
    path = tmp_path / "guarantees.txt"
    path.write_text(REPORTED, encoding="utf-8")
    [document] = read_file(path)
    extraction = Extractor(Codebook.bundled(), nlp=nlp).extract(document)
    assert extraction.claims and all(q.speaker.name is None for q in extraction.quotes)
    with Ledger(db_url) as ledger:
        assert ledger.ingest(extraction) == "added"
        counts = ledger.counts()
    assert counts["documents"] == 1
    assert counts["claim"] == len(extraction.claims) and counts["quote"] == len(extraction.quotes)
