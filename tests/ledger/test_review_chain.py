"""The review trail is append-only and tamper-evident: a hash chain, and triggers on the table."""
import pytest
import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError

from detente.ledger import Ledger, chain, db
from tests.ledger.factories import make_extraction


@pytest.fixture
def reviewed(ledger):
    ledger.ingest(make_extraction(1))
    ledger.review("claim", 1, "correct", "ann", {"position": "50"}, note="Peskov said otherwise")
    ledger.review("quote", 1, "confirm", "bob")
    ledger.review("event", 1, "reject", "cleo")
    return ledger


def test_each_review_carries_the_hash_of_the_one_before(reviewed):
    with reviewed.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT id, prev_hash, hash FROM reviews ORDER BY id")).all()
    assert rows[0].prev_hash == chain.GENESIS
    assert [r.prev_hash for r in rows[1:]] == [r.hash for r in rows[:-1]]
    found = reviewed.verify()
    assert found.ok and found.reviews == 3 and found.head == rows[-1].hash


@pytest.mark.parametrize("statement", ["UPDATE reviews SET note = 'nothing to see' WHERE id = 2",
                                       "DELETE FROM reviews WHERE id = 2"])
def test_update_and_delete_are_refused_by_the_database(reviewed, statement):
    with pytest.raises(SQLAlchemyError, match="append-only"):
        with reviewed.engine.begin() as conn:
            conn.execute(sa.text(statement))
    assert reviewed.verify().ok


def _drop_guards(engine):
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(sa.text("ALTER TABLE reviews DISABLE TRIGGER USER"))
        else:
            conn.execute(sa.text("DROP TRIGGER reviews_no_update"))
            conn.execute(sa.text("DROP TRIGGER reviews_no_delete"))


@pytest.mark.parametrize("statement, broken, why", [
    ("UPDATE reviews SET reviewer = 'mallory' WHERE id = 2", 2, "was changed"),
    ("UPDATE reviews SET changes = '{\"position\": 90.0}' WHERE id = 1", 1, "was changed"),
    ("DELETE FROM reviews WHERE id = 2", 3, "does not follow"),
])
def test_a_rewritten_trail_is_found_at_its_first_broken_link(reviewed, statement, broken, why):
    _drop_guards(reviewed.engine)  # someone with the database's keys goes around the triggers
    with reviewed.engine.begin() as conn:
        conn.execute(sa.text(statement))
    found = reviewed.verify()
    assert not found.ok and found.head is None
    assert found.problems == [f"review trail broken at review {broken}: it " + found.problems[0].split(": it ", 1)[1]]
    assert why in found.problems[0]
    assert reviewed.history("claim", 1).trail.startswith(f"broken at review {broken}")


def test_reviews_written_before_the_chain_are_chained_by_the_migration(db_url):
    engine = db.open_engine(db_url)
    db.upgrade(engine, "0002")
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO documents (id, language, text, ingested_at) "
                             "VALUES ('d1', 'en', 'x', '2026-02-07 10:00:00')"))
        for who in ("ann", "bob"):
            conn.execute(sa.text("INSERT INTO reviews (kind, record_id, action, reviewer, created_at) "
                                 f"VALUES ('claim', 1, 'confirm', '{who}', '2026-02-07 10:00:00')"))
    engine.dispose()
    with Ledger(db_url) as ledger:
        found = ledger.verify()
        assert found.ok and found.reviews == 2
        with pytest.raises(SQLAlchemyError, match="append-only"), ledger.engine.begin() as conn:
            conn.execute(sa.text("DELETE FROM reviews"))
