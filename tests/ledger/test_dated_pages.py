"""Date-filtered keyset pages walk the ids in parts (``listing.keyset_rows``): the parts together
must give exactly the records of one plain query, whichever part finds them."""
import datetime as dt
import random

import pytest

from detente.ledger import listing
from tests.ledger.factories import make_extraction

DAY0 = dt.date(2026, 1, 1)


@pytest.fixture
def dated(ledger):
    """Articles stored mostly in date order, a few late arrivals with old dates, one undated; three claims each."""
    rng = random.Random(3)
    for n in range(40):
        day = DAY0 + dt.timedelta(days=n if n % 9 else rng.randrange(0, 40))
        ex = make_extraction(n, None if n == 17 else day, party="UKR" if n % 4 else "RUS")
        ex.claims = [ex.claims[0].model_copy(update={"party": "UKR" if (n + i) % 3 else "RUS"}) for i in range(3)]
        ledger.ingest(ex)
    ledger.review("claim", 7, "reject", "Ann")
    ledger.review("claim", 50, "correct", "Ben", changes={"party": "USA"})
    return ledger


def expected(ledger, criteria: dict, before: int | None, limit: int) -> list[int]:
    since, until = criteria.get("since"), criteria.get("until")
    every = ledger.page_json("claim", ledger.filters("claim", party=criteria.get("party")), None, 10_000)
    return [e["id"] for e in every if e["published"] and (before is None or e["id"] < before)
            and (since is None or e["published"] >= str(since)) and (until is None or e["published"] <= str(until))
            ][:limit]


@pytest.mark.parametrize("few,look", [(0, 2), (0, 30), (10**9, 5)])  # walk down (short or long look), or plan
@pytest.mark.parametrize("criteria", [{"since": DAY0 + dt.timedelta(days=30)}, {"until": DAY0 + dt.timedelta(days=8)},
                                      {"since": DAY0 + dt.timedelta(days=10), "until": DAY0 + dt.timedelta(days=20)},
                                      {"until": DAY0 + dt.timedelta(days=25), "party": "RUS"}])
def test_dated_pages_are_the_plain_querys_records(dated, monkeypatch, few, look, criteria):
    monkeypatch.setattr(listing, "FEW_IN_RANGE", few)
    monkeypatch.setattr(listing, "LOOK_DOWN", look)
    filters = dated.filters("claim", **criteria)
    for before in (None, 100, 61, 30, 5):
        for limit in (1, 4, 50):
            want = expected(dated, criteria, before, limit)
            assert [e["id"] for e in dated.page_json("claim", filters, before, limit)] == want
            assert [e.id for e in dated.page("claim", filters, before, limit)] == want
    pages, cursor = [], None  # following the next cursor meets every record once
    while True:
        page = dated.page_json("claim", filters, cursor, 4)
        pages += [e["id"] for e in page]
        if len(page) < 4:
            break
        cursor = page[-1]["id"]
    assert pages == expected(dated, criteria, None, 10_000) and len(pages) > 4
