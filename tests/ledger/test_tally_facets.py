"""Facet counts from the in-memory claim tally equal those counted in SQL, through ingests and reviews."""
import datetime as dt

from detente.ledger import listing
from tests.api.conftest import fill

FIELDS = ["party", "issue", "stance", "source.type", "outlet"]


def both(ledger, filters):
    with ledger._sessions() as session:
        fast = listing.facets(session, "claim", FIELDS, filters, tally=ledger._tally)
        slow = listing.facets(session, "claim", FIELDS, filters, tally=None)
    return fast, slow


def test_tally_agrees_with_sql_through_ingests_and_reviews(ledger):
    fill(ledger, 0, 30)
    for criteria in ({}, {"party": "rus"}, {"issue": "territory", "source_type": "official"}, {"outlet": "Wire"}):
        fast, slow = both(ledger, ledger.filters("claim", **criteria))
        assert fast == slow and sum(fast["party"].values()) > 0, criteria
    fill(ledger, 100, 5)
    rus = ledger.claims(party="RUS")
    ledger.review("claim", rus[0].id, "correct", "Ann", changes={"party": "UKR", "issue": "ceasefire"})
    ledger.review("claim", rus[1].id, "reject", "Ann")
    ledger.review("claim", rus[2].id, "confirm", "Ann")
    for criteria in ({}, {"party": "RUS"}, {"party": "UKR", "issue": "ceasefire"}):
        fast, slow = both(ledger, ledger.filters("claim", **criteria))
        assert fast == slow, criteria
    total = sum(both(ledger, [])[0]["party"].values())
    assert total == len(ledger.claims())


def test_tally_is_rebuilt_when_rows_went_away(ledger):
    import sqlalchemy as sa

    fill(ledger, 0, 10)
    before = both(ledger, [])[0]["party"]
    with ledger.engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM claims WHERE id = (SELECT min(id) FROM claims)"))
    fill(ledger, 50, 1)  # the next article stored brings the check
    after, slow = both(ledger, [])
    assert after == slow and sum(after["party"].values()) == sum(before.values())


def test_date_filters_take_the_sql_path(ledger):
    fill(ledger, 0, 10)
    filters = ledger.filters("claim", since=dt.date(2026, 1, 5))
    assert not ledger._tally.serves(filters, FIELDS)
    assert sum(both(ledger, filters)[0]["party"].values()) == len(ledger.claims(since=dt.date(2026, 1, 5)))
