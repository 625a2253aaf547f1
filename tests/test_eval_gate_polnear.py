#!/usr/bin/env python3
"""Accuracy gate on PolNeAR dev (the split the attribution rules are tuned on): quote F1 and
speaker accuracy must not fall below the floors pinned in ``tests/eval_baseline_polnear.json``.

The test split is never gated: it stays a report (``benchmarks/polnear.py --split test``).
``python tests/test_eval_gate_polnear.py --update`` raises the floors after an improvement,
with the same rules as ``test_eval_gate.py`` (a floor only falls with ``--allow-lower``).
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

TESTS_DIR = Path(__file__).resolve().parent
REPO_ROOT = TESTS_DIR.parent
BASELINE = TESTS_DIR / "eval_baseline_polnear.json"
POLNEAR_DEV = REPO_ROOT.parent / "shared" / "benchmarks" / "polnear" / "dev.jsonl"
METRICS = ("all@30.f1", "all@30.speaker_acc", "direct@30.f1", "direct@30.speaker_acc",
           "mixed@30.speaker_acc", "indirect@30.speaker_acc")


def _by_path(name: str, path: Path):
    """A script loaded by path: neither benchmarks/ nor tests/ is a package."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_gate = _by_path("test_eval_gate", TESTS_DIR / "test_eval_gate.py")  # floors are kept the same way
load_floors, metric = _gate.load_floors, _gate.metric


def current_scores() -> dict:
    bench = _by_path("polnear", REPO_ROOT / "benchmarks" / "polnear.py")
    rows = bench.load("dev")
    return bench.score(rows, bench.predict(rows))


@pytest.fixture(scope="module")
def polnear_dev():
    if not POLNEAR_DEV.exists():
        pytest.fail("../shared/benchmarks/polnear is not beside the checkout")
    return current_scores()


@pytest.mark.model
@pytest.mark.parametrize("key", sorted(load_floors(BASELINE)))
def test_polnear_dev_is_not_below_its_floor(polnear_dev, key):
    floor = load_floors(BASELINE)[key]
    assert metric(polnear_dev, key) >= floor, f"{key} fell to {metric(polnear_dev, key)}, floor {floor}"


def main(argv: list[str] | None = None) -> int:
    return _gate.gate_cli(argv, __doc__, current_scores, BASELINE, METRICS)


if __name__ == "__main__":
    sys.exit(main())
