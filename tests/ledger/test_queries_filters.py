"""Each filter narrows to the records that match it, and only those."""
import datetime as dt

import pytest

from tests.ledger.factories import make_extraction


@pytest.fixture
def filled(ledger):
    ledger.ingest(make_extraction(1, dt.date(2026, 1, 10), speaker="Dmitry Peskov", party="RUS"))
    ledger.ingest(make_extraction(2, dt.date(2026, 2, 10), speaker="Volodymyr Zelensky", party="UKR"))
    ex = make_extraction(3, None, speaker="Steve Witkoff", party="USA")
    ex.claims[0].party, ex.claims[0].issue, ex.claims[0].hedged = "USA", "ceasefire", False
    ex.claims[0].source.type = "official"
    ex.events[0].type, ex.events[0].locations = "meeting", []
    ex.events[0].date = dt.date(2026, 3, 1)
    ledger.ingest(ex)
    return ledger


def speakers(quotes):
    return sorted(q.speaker.name for q in quotes)


def test_quotes_by_speaker_party_and_text(filled):
    assert speakers(filled.quotes(speaker="zelensky")) == ["Volodymyr Zelensky"]
    assert speakers(filled.quotes(party="rus")) == ["Dmitry Peskov"]
    assert len(filled.quotes(text="PROGRESS")) == 3
    assert filled.quotes(text="retreat") == []
    assert speakers(filled.quotes(document="doc-0003")) == ["Steve Witkoff"]


def test_quotes_by_date_use_the_article_date(filled):
    assert speakers(filled.quotes(since=dt.date(2026, 2, 1))) == ["Volodymyr Zelensky"]
    assert speakers(filled.quotes(until=dt.date(2026, 1, 31))) == ["Dmitry Peskov"]


def test_quotes_newest_article_first_undated_last(filled):
    assert [q.document_id for q in filled.quotes()] == ["doc-0002", "doc-0001", "doc-0003"]
    assert [q.document_id for q in filled.quotes(limit=1)] == ["doc-0002"]


def test_speaker_matches_every_spelling_through_the_codebook(db_url):
    from detente.codebook import Codebook
    from detente.ledger import Ledger

    with Ledger(db_url, codebook=Codebook.bundled()) as led:
        ex = make_extraction(1, speaker="Kirill Dmitriyev")
        ex.quotes[0].speaker.actor_id = "kirill_dmitriev"
        led.ingest(ex)
        assert len(led.quotes(speaker="Kirill Dmitriev")) == 1


def test_claims_filters(filled):
    assert len(filled.claims(party="RUS")) == 2
    assert [c.party for c in filled.claims(issue="ceasefire")] == ["USA"]
    assert len(filled.claims(stance="demand")) == 3
    assert [c.party for c in filled.claims(source_type="official")] == ["USA"]
    assert len(filled.claims(hedged=True)) == 2 and len(filled.claims(hedged=False)) == 1
    assert len(filled.claims(party="RUS", since=dt.date(2026, 2, 1))) == 1


def test_events_filters(filled):
    assert len(filled.events(type="strike")) == 2
    assert len(filled.events(place="kharkiv")) == 2
    assert len(filled.events(place="UA")) == 2
    assert filled.events(place="Odesa") == []
    # an event's own date counts before its article's
    assert [e.type for e in filled.events(since=dt.date(2026, 2, 20))] == ["meeting"]
