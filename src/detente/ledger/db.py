"""Open a ledger database and bring its schema to the migrations' head.

Any SQLAlchemy URL works; SQLite files get WAL (readers never block the writer) and
foreign keys (SQLite leaves them off unless asked).
"""
from __future__ import annotations

import os
import random
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from detente.errors import LedgerError

try:
    import fcntl
except ImportError:  # not on Windows: there, concurrent first opens rely on the retry alone
    fcntl = None

MIGRATIONS = Path(__file__).with_name("migrations")
HEAD = "head"
# Held while migrating: a PostgreSQL advisory lock key (any fixed number) and the SQLite lock file.
ADVISORY_KEY = 0x64E7E27E
LOCK_SUFFIX = "-lock"
MIGRATE_TRIES = 5
BUSY_TIMEOUT_MS = 10_000


def open_engine(url: str) -> Engine:
    """An engine for ``url``; a missing SQLite folder is a plain error, not a driver message."""
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        folder = Path(url.removeprefix("sqlite:///")).parent
        if not folder.is_dir():
            raise LedgerError(f"cannot open ledger {url}: folder {folder} does not exist")
    try:
        engine = create_engine(url)
    except (SQLAlchemyError, ImportError, ValueError) as exc:
        raise LedgerError(f"cannot open ledger {url}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """Busy timeout first, so that the pragmas after it wait for a lock instead of failing."""
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    _wal(cursor)
    cursor.close()


def _wal(cursor) -> None:
    """Switch a new file to WAL once; the switch needs the file to itself for a moment.

    SQLite answers the switch with "database is locked" without calling the busy handler
    while another connection is opening the same new file, so the switch is retried here.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc).lower() or time.monotonic() > deadline:
                raise
            time.sleep(0.02 + random.random() * 0.05)


def alembic_config(url: str) -> Config:
    """A programmatic Alembic config: the migrations ship inside the package, no alembic.ini."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(engine: Engine, revision: str = HEAD) -> None:
    """Migrate the database to ``revision`` (the newest by default); a no-op when already there.

    Safe when several processes open a new ledger at once: the migration runs under a lock
    (a PostgreSQL advisory lock, a file lock beside an SQLite file), so one creates the schema
    and the others find it there; a clash with a writer outside the lock is retried.
    """
    config = alembic_config(engine.url.render_as_string(hide_password=False))
    for attempt in range(MIGRATE_TRIES):
        try:
            if revision == HEAD and current_revision(engine) == head_revision():
                return  # the common case: a quick look instead of a full Alembic run
            with _migration_lock(engine):
                if revision == HEAD and current_revision(engine) == head_revision():
                    return  # another process migrated while this one waited for the lock
                with _transactional(engine) as migrating, migrating.begin() as connection:
                    if engine.dialect.name == "postgresql":
                        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_KEY})
                    config.attributes["connection"] = connection
                    command.upgrade(config, revision)
            return
        except SQLAlchemyError as exc:
            if (_already_there(exc) or _locked(exc)) and attempt + 1 < MIGRATE_TRIES:
                time.sleep(0.2 * (attempt + 1))
                continue
            raise LedgerError(f"cannot migrate ledger {engine.url!r}: {reason(exc)}") from exc
        except Exception as exc:  # alembic raises CommandError/KeyError for revisions it does not know
            if type(exc).__module__.startswith("alembic") or isinstance(exc, KeyError):
                raise LedgerError(f"ledger {engine.url!r} has a schema this detente does not know "
                                  f"(newer version?): {exc}") from exc
            raise


@contextmanager
def _transactional(engine: Engine) -> Iterator[Engine]:
    """An engine whose transactions hold DDL too, so a migration killed half-way leaves nothing.

    pysqlite opens a transaction only before INSERT/UPDATE/DELETE: a CREATE TABLE runs on its
    own and stays, and a process killed before Alembic stamps its version left tables that the
    next open tried to create again. For migrations only, detente takes the transactions over
    (SQLAlchemy's recipe: the driver's own handling off, BEGIN IMMEDIATE emitted at begin).
    PostgreSQL's DDL is transactional already.
    """
    if engine.dialect.name != "sqlite":
        yield engine
        return
    migrating = create_engine(engine.url, poolclass=NullPool)
    event.listen(migrating, "connect", _sqlite_pragmas)
    event.listen(migrating, "connect", _driver_transactions_off)
    event.listen(migrating, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
    try:
        yield migrating
    finally:
        migrating.dispose()


def _driver_transactions_off(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None


@contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    """An exclusive lock on ``<ledger file>-lock`` for SQLite files; nothing for other databases.

    Not a lock on the database file itself: closing any descriptor of that file would drop the
    POSIX locks SQLite holds on it in this process.
    """
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:" or fcntl is None:
        yield
        return
    fd = os.open(f"{database}{LOCK_SUFFIX}", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def _already_there(exc: SQLAlchemyError) -> bool:
    """Another process created the same table or revision row first."""
    reason = str(getattr(exc, "orig", None) or exc).lower()
    return "already exists" in reason or "duplicate key" in reason or "unique constraint" in reason


def _locked(exc: SQLAlchemyError) -> bool:
    """SQLite gave up waiting for another process's lock (a clash outside the migration lock)."""
    return "database is locked" in str(getattr(exc, "orig", None) or exc).lower()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


@lru_cache(maxsize=1)
def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


def integrity_problems(connection) -> list[str]:
    """What the database's own checks find: SQLite's integrity and foreign-key checks; on
    PostgreSQL (whose pages are checksummed by the server), rows whose document is missing."""
    if connection.dialect.name == "sqlite":
        found = [row[0] for row in connection.exec_driver_sql("PRAGMA integrity_check")]
        problems = [] if found == ["ok"] else [f"integrity check: {line}" for line in found]
        problems += [f"{table} row {rowid} points to a missing {parent} row"
                     for table, rowid, parent, _ in connection.exec_driver_sql("PRAGMA foreign_key_check")]
        return problems
    problems = []
    for table in ("quotes", "claims", "events"):
        orphans = connection.execute(text(f"SELECT count(*) FROM {table} t LEFT JOIN documents d "
                                          "ON d.id = t.document_id WHERE d.id IS NULL")).scalar()
        if orphans:
            problems.append(f"{orphans} {table} rows point to a missing document")
    return problems


def reason(exc: Exception) -> str:
    """The driver's first line, without the SQL statement SQLAlchemy appends."""
    return (str(getattr(exc, "orig", None) or exc).strip().splitlines() or ["unknown database error"])[0]

