"""Open a ledger database and bring its schema to the migrations' head.

Any SQLAlchemy URL works; SQLite files get WAL (readers never block the writer) and
foreign keys (SQLite leaves them off unless asked).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import SQLAlchemyError

from detente.errors import LedgerError

MIGRATIONS = Path(__file__).with_name("migrations")
HEAD = "head"


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
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def alembic_config(url: str) -> Config:
    """A programmatic Alembic config: the migrations ship inside the package, no alembic.ini."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(engine: Engine, revision: str = HEAD) -> None:
    """Migrate the database to ``revision`` (the newest by default); a no-op when already there."""
    config = alembic_config(engine.url.render_as_string(hide_password=False))
    try:
        if revision == HEAD and current_revision(engine) == head_revision():
            return  # the common case: a quick look instead of a full Alembic run
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    except SQLAlchemyError as exc:
        raise LedgerError(f"cannot migrate ledger {engine.url!r}: {_reason(exc)}") from exc
    except Exception as exc:  # alembic raises CommandError/KeyError for revisions it does not know
        if type(exc).__module__.startswith("alembic") or isinstance(exc, KeyError):
            raise LedgerError(f"ledger {engine.url!r} has a schema this detente does not know "
                              f"(newer version?): {exc}") from exc
        raise


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


@lru_cache(maxsize=1)
def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


def _reason(exc: SQLAlchemyError) -> str:
    return str(getattr(exc, "orig", None) or exc).splitlines()[0]
