"""Fixtures for the bargaining tests: paths into the shared benchmarks and a tiny-input builder."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from detente.bargaining.inputs import BargainingInputs

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "benchmarks"


@pytest.fixture(scope="session")
def benchmarks_dir() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"shared benchmarks folder not found at {SHARED}")
    return SHARED


def make(position, salience=None, capability=None, **kw) -> BargainingInputs:
    """Inputs from short lists: position [[actor × issue]] (or a flat list for one issue)."""
    pos = np.array(position, float)
    pos = pos[:, None] if pos.ndim == 1 else pos
    n, d = pos.shape
    sal = np.full((n, d), 50.0) if salience is None else np.array(salience, float).reshape(n, d)
    cap = np.ones(n) if capability is None else np.array(capability, float)
    actors = kw.pop("actors", tuple("ABCDEFGHIJ"[:n]))
    issues = kw.pop("issues", tuple(f"i{k + 1}" for k in range(d)))
    return BargainingInputs(actors, issues, cap, pos, sal, **kw)


@pytest.fixture
def build():
    return make
