"""Where detente keeps its ledger, which case it reads and how it names issues: flag, then
environment, then default.

One place so that every interface (CLI, API, batch) resolves the same settings the same way.
"""
from __future__ import annotations

import os
from pathlib import Path

from detente.codebook import Codebook
from detente.errors import ExtractionError

DATABASE_ENV = "DETENTE_DATABASE_URL"
CODEBOOK_ENV = "DETENTE_CODEBOOK"
ISSUE_CLASSIFIER_ENV = "DETENTE_ISSUE_CLASSIFIER"
BUDGET_ENV = "DETENTE_EXTRACTION_BUDGET"
DEFAULT_BUDGET = 120.0  # seconds per document; a 100k-character article takes about 10
DEFAULT_DATABASE_FILE = "detente.sqlite"
DEFAULT_CASE = "us_russia_ukraine"


def database_url(value: str | None = None) -> str:
    """The ledger's SQLAlchemy URL; a plain file path means an SQLite file there."""
    chosen = value or os.environ.get(DATABASE_ENV) or DEFAULT_DATABASE_FILE
    return as_url(chosen)


def as_url(value: str) -> str:
    """``postgresql+psycopg://...`` stays as it is; ``ledger.sqlite`` becomes ``sqlite:///ledger.sqlite``."""
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser()}"


def codebook(value: str | None = None) -> Codebook:
    """The case codebook: a YAML path, or the name of a bundled case."""
    chosen = value or os.environ.get(CODEBOOK_ENV) or DEFAULT_CASE
    if chosen.endswith((".yaml", ".yml")) or Path(chosen).is_file():
        return Codebook.load(chosen)
    return Codebook.bundled(chosen)


def chosen_codebook(value: str | None = None) -> Codebook | None:
    """The codebook a user named (flag or environment), or None: a ledger then reads with the case
    it recorded at its first ingest (``Ledger``), and only a new one falls back to the default."""
    return codebook(value) if value or os.environ.get(CODEBOOK_ENV) else None


def issue_classifier(value: str | None = None) -> str:
    """How claims find their issue: 'lexical' (codebook cues) or 'embedding' (optional package)."""
    return value or os.environ.get(ISSUE_CLASSIFIER_ENV) or "lexical"


def extraction_budget(value: float | None = None) -> float | None:
    """Seconds one document may take to extract before it fails and the batch goes on; 0 means
    no limit (extraction then runs in this process, not in a supervised worker)."""
    chosen = value if value is not None else os.environ.get(BUDGET_ENV)
    if chosen is None or chosen == "":
        return DEFAULT_BUDGET
    try:
        seconds = float(chosen)
    except ValueError:
        raise ExtractionError(f"{BUDGET_ENV}={chosen!r} is not a number of seconds") from None
    if not seconds >= 0 or seconds == float("inf"):
        raise ExtractionError(f"the extraction budget must be 0 (no limit) or a positive number of seconds, not {chosen}")
    return seconds or None
