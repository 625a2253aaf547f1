"""Reviews are history: the machine's record stays; queries show the reviewed value."""
import pytest
from sqlalchemy import select

from detente.errors import LedgerError
from detente.ledger.models import ClaimRow
from tests.ledger.factories import make_extraction


@pytest.fixture
def one(ledger):
    ledger.ingest(make_extraction(1))
    return ledger


def test_correction_changes_effective_value_not_original(one):
    one.review("claim", 1, "correct", "analyst", {"party": "UKR", "position": "50"}, note="misread")
    [claim] = one.claims(party="UKR")
    assert claim.position == 50.0 and claim.review.status == "corrected"
    assert claim.review.original == {"party": "RUS", "position": 100.0}
    assert one.claims(party="RUS") == []
    with one._sessions() as session:
        row = session.scalars(select(ClaimRow)).one()
    assert (row.party, row.position) == ("RUS", 100.0)


def test_history_keeps_every_review_in_order(one):
    one.review("quote", 1, "correct", "ann", {"speaker.name": "Maria Zakharova"})
    one.review("quote", 1, "correct", "bob", {"speaker.party": "UKR"})
    one.review("quote", 1, "confirm", "cleo")
    history = one.history("quote", 1)
    assert [r.reviewer for r in history.reviews] == ["ann", "bob", "cleo"]
    assert history.original["speaker"]["name"] == "Dmitry Peskov"
    assert history.effective["speaker"] == {**history.original["speaker"], "name": "Maria Zakharova",
                                            "party": "UKR"}
    assert history.status == "confirmed"


def test_rejected_records_drop_out_of_queries_but_stay_in_history(one):
    one.review("event", 1, "reject", "ann", note="not a strike")
    assert one.events() == []
    assert one.history("event", 1).status == "rejected"
    assert one.counts()["event"] == 1


def test_corrected_record_found_by_its_new_place(one):
    one.review("event", 1, "correct", "ann", {"locations": '[{"name": "Odesa", "country": "UA"}]'})
    assert [e.locations[0].name for e in one.events(place="odesa")] == ["Odesa"]
    assert one.events(place="kharkiv") == []


@pytest.mark.parametrize("kind, rid, action, changes, message", [
    ("claim", 99, "confirm", None, "no claim with id 99"),
    ("claim", 1, "correct", {"colour": "red"}, "no field 'colour'"),
    ("claim", 1, "correct", {"stance": "shrug"}, "invalid correction"),
    ("claim", 1, "correct", {}, "at least one"),
    ("claim", 1, "reject", {"party": "UKR"}, "only a correction"),
    ("claim", 1, "approve", None, "unknown review action"),
    ("memo", 1, "confirm", None, "unknown record kind"),
])
def test_bad_reviews_are_refused_plainly(one, kind, rid, action, changes, message):
    with pytest.raises(LedgerError, match=message):
        one.review(kind, rid, action, "ann", changes)
    assert one.history("claim", 1).reviews == []


def test_summary_counts_reviewed_values(ledger):
    for n in range(3):
        ledger.ingest(make_extraction(n))
    ledger.review("claim", 1, "correct", "ann", {"party": "UKR"})
    ledger.review("quote", 2, "reject", "ann")
    ledger.review("event", 3, "confirm", "ann")
    s = ledger.summary()
    assert s.claims_by_party_issue == {"RUS": {"territory": 2}, "UKR": {"territory": 1}}
    assert (s.quotes, s.claims, s.events, s.reviews) == (2, 3, 3, 3)
    assert [(c.key, c.count) for c in s.quotes_by_speaker] == [("Dmitry Peskov", 2)]
    assert [(c.key, c.count) for c in s.events_by_type] == [("strike", 3)]
    assert [q.id for q in s.latest_quotes] == [3, 1]


def test_summary_counts_one_actor_under_all_its_spellings(ledger):
    for n, name in enumerate(["Volodymyr Zelensky", "Volodymyr Zelenskyy", "Volodymyr Zelensky", "Ivan Petrenko"]):
        extraction = make_extraction(n, speaker=name, party="UKR")
        actor = "volodymyr_zelensky" if "Zelensk" in name else None
        quote = extraction.quotes[0]
        speaker = quote.speaker.model_copy(update={"actor_id": actor})
        ledger.ingest(extraction.model_copy(update={"quotes": [quote.model_copy(update={"speaker": speaker})]}))
    counts = {c.key: c.count for c in ledger.summary().quotes_by_speaker}
    assert counts == {"Volodymyr Zelensky": 3, "Ivan Petrenko": 1}
