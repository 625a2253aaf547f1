"""A fresh ledger per test with the bundled codebook: SQLite always; PostgreSQL too when
DETENTE_TEST_POSTGRES_URL names a server (the analysis groups in SQL, so both dialects are tried)."""
import os
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from detente.codebook import Codebook
from detente.ledger import Ledger

POSTGRES = os.environ.get("DETENTE_TEST_POSTGRES_URL")
BACKENDS = ["sqlite"] + (["postgresql"] if POSTGRES else [])


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'ledger.sqlite'}"
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
    with Ledger(db_url, codebook=Codebook.bundled()) as led:
        yield led
