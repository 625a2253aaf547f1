"""Where detente keeps its ledger, which case it reads and how it names issues: flag, then
environment, then default.

One place so that every interface (CLI, API, batch) resolves the same settings the same way.
"""
from __future__ import annotations

import os
from pathlib import Path

from detente.codebook import Codebook

DATABASE_ENV = "DETENTE_DATABASE_URL"
CODEBOOK_ENV = "DETENTE_CODEBOOK"
ISSUE_CLASSIFIER_ENV = "DETENTE_ISSUE_CLASSIFIER"
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


def issue_classifier(value: str | None = None) -> str:
    """How claims find their issue: 'lexical' (codebook cues) or 'embedding' (optional package)."""
    return value or os.environ.get(ISSUE_CLASSIFIER_ENV) or "lexical"
