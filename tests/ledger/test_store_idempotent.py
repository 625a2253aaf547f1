"""Ingest: one transaction per document, the same document twice is a no-op, a crash loses nothing."""
import pytest

from detente.errors import LedgerError
from detente.ledger import Ledger
from detente.records import Document, Extraction
from tests.ledger.factories import make_extraction


def test_ingest_twice_skips_and_keeps_one_copy(ledger):
    ex = make_extraction(1)
    assert ledger.ingest(ex) == "added"
    assert ledger.ingest(ex) == "skipped"
    assert ledger.counts() == {"documents": 1, "quote": 1, "claim": 1, "event": 1}


def test_document_round_trips_with_fields_without_columns(ledger):
    ex = make_extraction(2)
    ex.document.warnings = ["dateline without a year"]
    ledger.ingest(ex)
    assert ledger.document(ex.document.id) == ex.document


def test_stored_records_equal_the_extracted_ones(ledger):
    ex = make_extraction(3)
    ledger.ingest(ex)
    [quote], [claim], [event] = ledger.quotes(), ledger.claims(), ledger.events()
    assert quote.model_dump(include=set(type(ex.quotes[0]).model_fields)) == ex.quotes[0].model_dump()
    assert claim.model_dump(include=set(type(ex.claims[0]).model_fields)) == ex.claims[0].model_dump()
    assert event.model_dump(include=set(type(ex.events[0]).model_fields)) == ex.events[0].model_dump()
    assert quote.document_id == ex.document.id and quote.url == ex.document.url


def test_crash_mid_batch_keeps_committed_documents_and_resumes(db_url):
    batch = [make_extraction(n) for n in range(6)]

    def crashing():
        for n, ex in enumerate(batch):
            if n == 3:
                raise KeyboardInterrupt("power cut")
            yield ex

    with Ledger(db_url) as led:
        with pytest.raises(KeyboardInterrupt):
            for _ in led.ingest_many(crashing()):
                pass
        assert led.counts()["documents"] == 3
    with Ledger(db_url) as led:
        outcomes = [status for _, status in led.ingest_many(batch)]
        assert outcomes == ["skipped"] * 3 + ["added"] * 3
        assert led.counts() == {"documents": 6, "quote": 6, "claim": 6, "event": 6}


def test_failed_document_leaves_no_partial_rows(ledger):
    good = make_extraction(7)
    bad = make_extraction(8)
    bad.quotes[0].start = None  # violates NOT NULL after validation: the write fails half-way
    with pytest.raises(LedgerError):
        ledger.ingest(bad)
    assert not ledger.has(bad.document.id)
    assert ledger.ingest(good) == "added"
    assert ledger.counts() == {"documents": 1, "quote": 1, "claim": 1, "event": 1}


def test_speakers_become_actors_keyed_across_spellings(ledger):
    from sqlalchemy import select

    from detente.ledger.models import ActorRow

    ledger.ingest(make_extraction(9, speaker="Sergei Yagodzinsky", party="NONE"))
    ledger.ingest(make_extraction(10, speaker="Serhiy Yagodzinsky", party="NONE"))
    with ledger._sessions() as session:
        actors = session.scalars(select(ActorRow)).all()
    assert len(actors) == 1 and actors[0].id.startswith("person:")


def test_document_without_records_is_stored(ledger):
    ex = Extraction(document=Document(id="empty", text="Nothing said."))
    assert ledger.ingest(ex) == "added"
    assert ledger.has("empty")


def test_document_stored_by_another_writer_meanwhile_is_skipped(db_url, monkeypatch):
    from detente.ledger import store

    ex = make_extraction(11)
    write = store._write

    def racing(session, extraction):
        monkeypatch.setattr(store, "_write", write)  # the other writer writes plainly
        with Ledger(db_url) as other:  # it gets there between our check and our write
            assert other.ingest(extraction) == "added"
        write(session, extraction)

    monkeypatch.setattr(store, "_write", racing)
    with Ledger(db_url) as led:
        assert led.ingest(ex) == "skipped"
        assert led.counts() == {"documents": 1, "quote": 1, "claim": 1, "event": 1}
