#!/usr/bin/env python3
"""Accuracy gate: scores on the gold dev corpus must not fall below the pinned floors.

Floors live in ``tests/eval_baseline.json`` (metric -> minimum). After an improvement, raise
them with ``python tests/test_eval_gate.py --update``: each floor becomes the current score
minus a small margin, and a floor is never lowered unless ``--allow-lower`` is given.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

import pytest

TESTS_DIR = Path(__file__).resolve().parent
REPO_ROOT = TESTS_DIR.parent
BASELINE = TESTS_DIR / "eval_baseline.json"
GOLD_DIR = REPO_ROOT.parent / "shared" / "corpus" / "dev"
METRICS = ("quotes.f1", "quote_speaker.acc", "claims.f1", "claim_stance.acc",
           "claim_source_type.acc", "claim_hedged.acc", "events.f1", "strike_places.f1")
MARGIN = 0.01


def metric(scores: dict, key: str) -> float:
    """``scores["quotes"]["f1"]`` for ``"quotes.f1"``; an accuracy over no pairs counts as 0."""
    group, name = key.split(".")
    return float(scores.get(group, {}).get(name) or 0.0)


def below_floor(scores: dict, floors: dict[str, float]) -> dict[str, tuple[float, float]]:
    """Metrics under their floor, as key -> (score, floor)."""
    return {k: (metric(scores, k), f) for k, f in floors.items() if metric(scores, k) < f}


def update_floors(floors: dict[str, float], scores: dict, *, margin: float = MARGIN,
                  allow_lower: bool = False, keys=METRICS) -> tuple[dict[str, float], list[str]]:
    """(new floors, refusals): floors move up to score - margin, down only if allowed."""
    new, refused = dict(floors), []
    for key in keys:
        target = round(max(0.0, metric(scores, key) - margin), 4)
        old = floors.get(key, 0.0)
        if target >= old or allow_lower:
            new[key] = target
        else:
            refused.append(f"{key}: would lower floor {old} to {target} (use --allow-lower)")
    return new, refused


def load_floors(path: Path = BASELINE) -> dict[str, float]:
    return json.loads(path.read_text(encoding="utf-8"))


def save_floors(floors: dict[str, float], path: Path = BASELINE) -> None:
    path.write_text(json.dumps(dict(sorted(floors.items())), indent=2) + "\n", encoding="utf-8")


def current_scores(out: Path, extractor=None) -> dict:
    """Run ``benchmarks/corpus_dev.py``'s ``score_dev`` (loaded by path: benchmarks is no package)."""
    script = REPO_ROOT / "benchmarks" / "corpus_dev.py"
    spec = importlib.util.spec_from_file_location("corpus_dev", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score_dev(GOLD_DIR, out, extractor)


@pytest.fixture(scope="module")
def dev_scores(nlp, shared_dir, tmp_path_factory):
    from detente.extract import Extractor

    return current_scores(tmp_path_factory.mktemp("gate") / "corpus_dev.jsonl", Extractor(nlp=nlp))


@pytest.mark.model
@pytest.mark.parametrize("key", sorted(load_floors()))
def test_score_is_not_below_its_floor(dev_scores, key):
    floor = load_floors()[key]
    assert metric(dev_scores, key) >= floor, f"{key} fell to {metric(dev_scores, key)}, floor {floor}"


@pytest.mark.model
def test_every_gold_document_is_paired(dev_scores):
    docs = dev_scores["documents"]
    assert docs["paired"] == docs["gold"]


def gate_cli(argv, description: str, scores, path: Path, metrics) -> int:
    """The command line shared by the accuracy gates: print scores against floors, or raise them."""
    ap = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--update", action="store_true", help="raise floors to current scores - margin")
    ap.add_argument("--allow-lower", action="store_true", help="also lower floors (after a deliberate change)")
    ap.add_argument("--margin", type=float, default=MARGIN)
    args = ap.parse_args(argv)
    current = scores()
    floors = load_floors(path) if path.exists() else {}
    for key in metrics:
        print(f"{key:24} score {metric(current, key):.4f}  floor {floors.get(key, 0.0):.4f}")
    if not args.update:
        return 1 if below_floor(current, floors) else 0
    new, refused = update_floors(floors, current, margin=args.margin, allow_lower=args.allow_lower, keys=metrics)
    save_floors(new, path)
    for line in refused:
        print("refused:", line, file=sys.stderr)
    print(f"floors written to {path}")
    return 1 if refused else 0


def main(argv: list[str] | None = None) -> int:
    return gate_cli(argv, __doc__, lambda: current_scores(REPO_ROOT / "out" / "corpus_dev.jsonl"), BASELINE, METRICS)


if __name__ == "__main__":
    sys.exit(main())
