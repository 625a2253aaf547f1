"""Migrations: empty to head, and 0001 to 0002 with the quotes already there kept."""
import datetime as dt

import pytest
import sqlalchemy as sa

from detente.errors import LedgerError
from detente.ledger import Ledger, db
from detente.ledger.models import Base


def test_empty_to_head_builds_every_model_table(db_url):
    with Ledger(db_url) as led:
        assert db.current_revision(led.engine) == db.head_revision() == "0006"
        inspector = sa.inspect(led.engine)
        dated = {i["name"]: i["column_names"] for i in inspector.get_indexes("documents")}
        assert dated["ix_documents_published_id"] == ["published", "id"]
        for table in Base.metadata.sorted_tables:
            have = {c["name"] for c in inspector.get_columns(table.name)}
            assert have == set(table.columns.keys()), table.name


def test_open_twice_is_a_no_op(db_url):
    Ledger(db_url).close()
    with Ledger(db_url) as led:
        assert db.current_revision(led.engine) == db.head_revision()


def test_0001_to_0002_keeps_quotes(db_url):
    engine = db.open_engine(db_url)
    db.upgrade(engine, "0001")
    assert "claims" not in sa.inspect(engine).get_table_names()
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO documents (id, language, text, published, ingested_at) "
                             "VALUES ('d1', 'en', 'He said \"yes\".', '2026-02-06', '2026-02-07 10:00:00')"))
        conn.execute(sa.text('INSERT INTO quotes (document_id, text, start, "end", kind, speaker_name, speaker_party) '
                             "VALUES ('d1', 'yes', 9, 12, 'direct', 'Someone', 'NONE')"))
    engine.dispose()
    with Ledger(db_url) as led:
        assert db.current_revision(led.engine) == db.head_revision()
        [quote] = led.quotes()
        assert (quote.text, quote.speaker.name, quote.published) == ("yes", "Someone", dt.date(2026, 2, 6))
        assert led.claims() == [] and led.events() == []


def test_sqlite_runs_wal_with_foreign_keys(sqlite_url):
    with Ledger(sqlite_url) as ledger, ledger.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_not_a_database_is_a_ledger_error(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(LedgerError, match="cannot migrate"):
        Ledger(f"sqlite:///{path}")


def test_missing_folder_is_a_ledger_error(tmp_path):
    with pytest.raises(LedgerError, match="does not exist"):
        Ledger(f"sqlite:///{tmp_path / 'nowhere' / 'x.sqlite'}")


def test_unknown_newer_revision_is_a_ledger_error(db_url):
    Ledger(db_url).close()
    engine = sa.create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '0099'"))
    engine.dispose()
    with pytest.raises(LedgerError, match="does not know"):
        Ledger(db_url)


def test_migrations_render_for_postgresql_offline():
    """The same migrations produce PostgreSQL DDL (no server needed): the SQL stays portable."""
    import io

    from alembic import command

    config = db.alembic_config("postgresql://user@localhost/detente")
    config.output_buffer = io.StringIO()
    command.upgrade(config, "head", sql=True)
    ddl = config.output_buffer.getvalue()
    for table in ("documents", "actors", "quotes", "claims", "events", "event_locations", "reviews", "api_tokens"):
        assert f"CREATE TABLE {table} (" in ddl
    assert '"end" INTEGER NOT NULL' in ddl and "extras JSON" in ddl
