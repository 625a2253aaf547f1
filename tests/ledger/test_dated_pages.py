"""Date-filtered keyset pages walk the ids between bounds the article spans give
(``listing.keyset_rows``, ``spans.ArticleSpans``): they must give exactly the records of one
plain query, and see articles stored after the spans were built."""
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


# walk down the ids between the spans' bounds (in short stretches, or at once), or the planner's plan
@pytest.mark.parametrize("few,steps", [(0, (2, 5, None)), (0, (None,)), (10**9, (None,))])
@pytest.mark.parametrize("criteria", [{"since": DAY0 + dt.timedelta(days=30)}, {"until": DAY0 + dt.timedelta(days=8)},
                                      {"since": DAY0 + dt.timedelta(days=10), "until": DAY0 + dt.timedelta(days=20)},
                                      {"until": DAY0 + dt.timedelta(days=25), "party": "RUS"}])
def test_dated_pages_are_the_plain_querys_records(dated, monkeypatch, few, steps, criteria):
    monkeypatch.setattr(listing, "FEW_IN_RANGE", few)
    monkeypatch.setattr(listing, "WALK_STEPS", steps)
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


def test_an_article_stored_after_a_dated_page_shows_on_the_next(dated, monkeypatch):
    monkeypatch.setattr(listing, "FEW_IN_RANGE", 0)
    criteria = {"since": DAY0 + dt.timedelta(days=5), "until": DAY0 + dt.timedelta(days=12)}
    filters = dated.filters("claim", **criteria)
    before = [e["id"] for e in dated.page_json("claim", filters, None, 500)]
    dated.ingest(make_extraction(99, DAY0 + dt.timedelta(days=6)))  # an old date, the highest ids
    after = [e["id"] for e in dated.page_json("claim", filters, None, 500)]
    assert after == expected(dated, criteria, None, 500) and len(after) == len(before) + 1


def test_span_bounds_never_cut_off_a_record():
    """Ids of two articles interleaved (writes committed out of order): bounds stay on the safe side."""
    import numpy as np

    from detente.ledger.spans import Spans

    # article 1 holds 10..20, article 2 12..14
    spans = Spans(days=[1, 2], first=np.array([10, 12]), last=np.array([20, 14]), highest=20)
    window = slice(1, 2)  # article 2 only
    assert spans.bounds(window, 13) == (12, 12)
    assert spans.bounds(window, 100) == (12, 14)
    assert spans.bounds(window, 12) is None
    assert spans.bounds(slice(0, 2), 16) == (10, 15)
