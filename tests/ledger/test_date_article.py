"""An article stored undated can be dated once: its records take the date, the analysis of one
open ledger sees it at once (kept results follow ``version``), and a date once stored is kept."""
import datetime as dt
import json

import pytest
import sqlalchemy as sa

from detente import analysis
from detente.codebook import Codebook
from detente.errors import LedgerError
from detente.ledger import Ledger
from tests.ledger.factories import make_extraction

DAY = dt.date(2026, 2, 6)


@pytest.fixture
def undated(db_url):
    """One dated article and one undated one, each with a RUS claim on territory."""
    with Ledger(db_url, codebook=Codebook.bundled()) as ledger:
        ledger.ingest(make_extraction(0, dt.date(2026, 2, 1)))
        ledger.ingest(make_extraction(1, None))
        yield ledger


def _points(ledger) -> list[tuple[dt.date, list[int]]]:
    [series] = analysis.positions(ledger, party="RUS", issue="territory")
    return [(p.date, p.claim_ids) for p in series.points]


def test_dating_an_article_dates_its_records_and_the_positions_over_time(undated, monkeypatch):
    from detente.ledger import listing

    monkeypatch.setattr(listing, "FEW_IN_RANGE", 0)  # dated pages walk the ids by the kept article spans
    dated_page = undated.filters("claim", since=DAY - dt.timedelta(days=30))
    [late] = [c.id for c in undated.claims() if c.document_id == "doc-0001"]
    assert late not in [c.id for c in undated.page("claim", dated_page)]
    before, version = _points(undated), undated.version()
    assert late not in [i for _, ids in before for i in ids]  # undated: in no position over time
    assert undated.date_article("doc-0001", DAY) is True
    assert undated.version() != version
    assert _points(undated) == [*before, (DAY, [late])]
    assert [c.published for c in undated.claims(since=DAY)] == [DAY]
    assert late in [c.id for c in undated.page("claim", dated_page)]
    with undated.engine.connect() as conn:
        extras = conn.execute(sa.text("SELECT extras FROM documents WHERE id = 'doc-0001'")).scalar_one()
    extras = json.loads(extras) if isinstance(extras, str) else extras
    assert extras["dated"]["published"] == DAY.isoformat()  # a date given later, not read from the article


def test_a_stored_date_is_kept(undated):
    assert undated.date_article("doc-0000", DAY) is False
    assert undated.document("doc-0000").published == dt.date(2026, 2, 1)
    assert undated.date_article("doc-0001", DAY) is True
    assert undated.date_article("doc-0001", dt.date(2026, 3, 1)) is False
    assert undated.document("doc-0001").published == DAY
    with pytest.raises(LedgerError, match="no document with id doc-9999"):
        undated.date_article("doc-9999", DAY)
