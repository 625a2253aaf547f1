"""The API's fast page (columns to dicts, no re-validation) says exactly what the validated entries say."""
import datetime as dt
import json

import pytest

from detente.records import Location
from tests.ledger.factories import make_extraction


@pytest.fixture
def varied(ledger):
    """Records with absent values, several or no places, an undated article, and every review verdict."""
    for n in range(12):
        ex = make_extraction(n, None if n == 5 else dt.date(2026, 1, 1) + dt.timedelta(days=n),
                             party="UKR" if n % 3 else "RUS")
        claim, event, quote = ex.claims[0], ex.events[0], ex.quotes[0]
        ex.document.outlet = "Wire" if n % 3 else "Daily"
        if n % 2:
            claim.position, claim.hedges, claim.source.chain, claim.party = None, [], [], "UKR"
            quote.cue, quote.speaker.role = None, None
            event.locations, event.date = [], None
        if n % 4 == 0:
            event.locations.append(Location(name="Odesa", lat=46.48, lon=30.72))
            claim.position_anchor = "full recognition"
        ledger.ingest(ex)
    for kind in ("quote", "claim", "event"):
        ledger.review(kind, 2, "confirm", "Ann", note="checked")
        ledger.review(kind, 4, "reject", "Ann")
        ledger.review(kind, 9, "confirm", "Ann")
    ledger.review("claim", 3, "correct", "Ben", changes={"party": "USA", "position": 25})
    ledger.review("quote", 6, "correct", "Ben", changes={"speaker.party": "USA"})
    ledger.review("event", 7, "correct", "Ben", changes={"type": "meeting"})
    ledger.review("claim", 9, "correct", "Ben", changes={"issue": "ceasefire"})
    return ledger


CASES = [("quote", {}), ("quote", {"party": "usa"}), ("quote", {"party": "RUS"}),
         ("claim", {}), ("claim", {"party": "RUS"}), ("claim", {"party": "usa"}), ("claim", {"issue": "ceasefire"}),
         ("claim", {"party": "UKR", "hedged": True}), ("claim", {"since": dt.date(2026, 1, 6)}),
         ("claim", {"outlet": "wire"}), ("claim", {"outlet": "Daily", "party": "RUS"}), ("quote", {"outlet": "Daily"}),
         ("event", {}), ("event", {"type": "meeting"}), ("event", {"type": "strike"}), ("event", {"outlet": "Wire"})]


@pytest.mark.parametrize(("kind", "criteria"), CASES)
def test_page_json_is_the_entries_json(varied, kind, criteria):
    filters = varied.filters(kind, **criteria)
    for before in (None, 11, 8, 4, 1):
        for limit in (1, 3, 50):
            expected = [e.model_dump(mode="json") for e in varied.page(kind, filters, before, limit)]
            got = varied.page_json(kind, filters, before, limit)
            # the same text, key order included: clients see no difference
            assert json.dumps(got) == json.dumps(expected), (kind, criteria, before, limit)


def test_page_json_shows_review_states_and_hides_rejected(varied):
    by_id = {e["id"]: e for e in varied.page_json("claim", limit=50)}
    assert 4 not in by_id and len(by_id) == 11
    assert by_id[2]["review"]["status"] == "confirmed" and by_id[2]["review"]["reviewer"] == "Ann"
    assert by_id[3]["party"] == "USA" and by_id[3]["position"] == 25
    assert by_id[3]["review"]["original"] == {"party": "RUS", "position": 100.0}
    assert by_id[1]["review"] == {"status": "unreviewed", "reviewer": None, "reviewed_at": None, "original": {}}
    assert by_id[5]["position_anchor"] == "full recognition" and by_id[5]["published"] == "2026-01-05"
    places = {e["id"]: [p["name"] for p in e["locations"]] for e in varied.page_json("event", limit=50)}
    assert places[1] == ["Kharkiv", "Odesa"] and places[2] == [] and places[3] == ["Kharkiv"]


def test_an_outlet_page_holds_exactly_that_outlets_records(varied):
    every = varied.page_json("claim", limit=100)
    for before in (None, 7):
        daily = varied.page_json("claim", varied.filters("claim", outlet="daily"), before, limit=100)
        assert daily and [e["id"] for e in daily] == [e["id"] for e in every
                                                      if e["outlet"] == "Daily" and e["id"] < (before or 99)]
