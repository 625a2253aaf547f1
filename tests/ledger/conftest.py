"""A fresh ledger per test: SQLite always; PostgreSQL too when DETENTE_TEST_POSTGRES_URL names a
server (``.ci/run`` starts one where PostgreSQL is installed), each test in a new database."""
import os
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from detente.ledger import Ledger

POSTGRES = os.environ.get("DETENTE_TEST_POSTGRES_URL")
BACKENDS = ["sqlite"] + (["postgresql"] if POSTGRES else [])


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'ledger.sqlite'}"


@pytest.fixture(params=BACKENDS)
def db_url(request, sqlite_url) -> str:
    if request.param == "sqlite":
        yield sqlite_url
        return
    name = f"detente_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(POSTGRES).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def ledger(db_url):
    with Ledger(db_url) as led:
        yield led
