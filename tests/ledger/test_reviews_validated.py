"""Corrections are checked against the codebook, the scales and the article's text."""
import pytest

from detente.errors import LedgerError
from tests.ledger.factories import TEXT, make_extraction


@pytest.fixture
def one(ledger):
    ledger.ingest(make_extraction(1))
    return ledger


@pytest.mark.parametrize("changes, words", [
    ({"position": "500"}, "off the scale"),
    ({"position": "-5"}, "off the scale"),
    ({"position": "nan"}, "finite number"),
    ({"position": "inf"}, "finite number"),
    ({"party": "XYZ"}, "not a party of the codebook"),
    ({"issue": "weather"}, "not in the codebook"),
    ({"stance": "maybe"}, "stance"),
    ({"confidence": "7"}, "less than or equal to 1"),
    ({"confidence": "-0.1"}, "greater than or equal to 0"),
    ({"start": "-1"}, "not a span of the article"),
    ({"end": "100000"}, "not a span of the article"),
    ({"evidence": "Moscow wants a deal."}, "exact text"),
    ({"start": "58"}, "exact text"),
])
def test_impossible_claim_corrections_are_refused(one, changes, words):
    with pytest.raises(LedgerError, match=words):
        one.review("claim", 1, "correct", "ann", changes)
    assert one.history("claim", 1).reviews == []


def test_a_consistent_span_correction_is_accepted(one):
    start = TEXT.index("Moscow wants recognition.")
    end = start + len("Moscow wants recognition.")
    one.review("claim", 1, "correct", "ann", {"start": str(start), "end": str(end),
                                                "evidence": "Moscow wants recognition."})
    [claim] = one.claims()
    assert claim.evidence == TEXT[claim.start:claim.end]


def test_quote_and_event_corrections_are_checked_too(one):
    with pytest.raises(LedgerError, match="speaker.party 'ZZZ'"):
        one.review("quote", 1, "correct", "ann", {"speaker.party": "ZZZ"})
    with pytest.raises(LedgerError, match="exact text"):
        one.review("quote", 1, "correct", "ann", {"text": "We see no progress."})
    with pytest.raises(LedgerError, match="not a latitude"):
        one.review("event", 1, "correct", "ann", {"locations": '[{"name": "Kharkiv", "lat": 400}]'})
    one.review("quote", 1, "correct", "ann", {"speaker.party": "UKR"})
    assert one.quotes()[0].speaker.party == "UKR"


def test_valid_position_within_the_scale_is_stored(one):
    one.review("claim", 1, "correct", "ann", {"position": "75"})
    assert one.claims()[0].position == 75.0


def test_an_id_beyond_what_a_database_stores_names_no_record(ledger):
    """Not an OverflowError from the driver: the CLI, the API and the dashboard say "no such"."""
    huge = 10 ** 23
    assert ledger.entry("claim", huge) is None
    with pytest.raises(LedgerError, match="no claim"):
        ledger.history("claim", huge)
    with pytest.raises(LedgerError, match="no claim"):
        ledger.review("claim", huge, "confirm", "analyst")
    assert ledger.page("claim", before=huge) == ledger.page("claim")
