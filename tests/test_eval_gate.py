#!/usr/bin/env python3
"""Accuracy gate: held-apart scores on the gold corpus must not fall below the pinned floors.

The figures are ``benchmarks/corpus_eval.py``'s held-apart column: the sealed folds 3-4 of
``benchmarks/folds.json`` (no rule or cue was written from them), each scored with the learned
claim model retrained without it. Tuned-on (dev) scores are not pinned: they measure memory,
and pinning them made every more general rule fail CI (issue 9).

Floors live in ``tests/eval_baseline.json`` (metric -> minimum; for an error such as
``claim_position.mae``, a maximum). After an improvement, move them with
``python tests/test_eval_gate.py --update``: each floor becomes the current score less a small
margin, and a floor is never lowered unless ``--allow-lower`` is given.
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
           "claim_source_type.acc", "claim_hedged.acc", "claim_position.recall15",
           "claim_position.mae", "events.f1", "strike_places.f1")
LOWER_IS_BETTER = {"claim_position.mae": 100.0}  # an error, and the value it counts as when undefined
MARGIN = 0.01


def metric(scores: dict, key: str) -> float:
    """``scores["quotes"]["f1"]`` for ``"quotes.f1"``; an undefined accuracy counts as 0 (an
    undefined error as its worst)."""
    group, name = key.split(".")
    value = scores.get(group, {}).get(name)
    return float(LOWER_IS_BETTER.get(key, 0.0) if value is None else value)


def _margin(key: str, margin: float) -> float:
    return margin * 100 if key in LOWER_IS_BETTER else margin  # MAE is in scale points, not shares


def passes(key: str, score: float, floor: float) -> bool:
    return score <= floor if key in LOWER_IS_BETTER else score >= floor


def below_floor(scores: dict, floors: dict[str, float]) -> dict[str, tuple[float, float]]:
    """Metrics on the wrong side of their floor, as key -> (score, floor)."""
    return {k: (metric(scores, k), f) for k, f in floors.items() if not passes(k, metric(scores, k), f)}


def update_floors(floors: dict[str, float], scores: dict, *, margin: float = MARGIN,
                  allow_lower: bool = False, keys=METRICS) -> tuple[dict[str, float], list[str]]:
    """(new floors, refusals): floors tighten to score less a margin, loosen only if allowed."""
    new, refused = dict(floors), []
    for key in keys:
        m = _margin(key, margin)
        if key in LOWER_IS_BETTER:
            target, old = round(metric(scores, key) + m, 4), floors.get(key, LOWER_IS_BETTER[key])
            tighter = target <= old
        else:
            target, old = round(max(0.0, metric(scores, key) - m), 4), floors.get(key, 0.0)
            tighter = target >= old
        if tighter or allow_lower:
            new[key] = target
        else:
            refused.append(f"{key}: would loosen floor {old} to {target} (use --allow-lower)")
    return new, refused


def load_floors(path: Path = BASELINE) -> dict[str, float]:
    return json.loads(path.read_text(encoding="utf-8"))


def save_floors(floors: dict[str, float], path: Path = BASELINE) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(dict(sorted(floors.items())), indent=2) + "\n", encoding="utf-8")
    tmp.replace(path)


def _bench(name: str):
    script = REPO_ROOT / "benchmarks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, script)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def current_scores(extractor=None) -> dict:
    """The held-apart column of ``benchmarks/corpus_eval.py``."""
    bench = _bench("corpus_eval")
    articles = bench.train_claims.parse_corpus(extractor)
    return bench.evaluate(articles=articles)["held-apart"]


@pytest.fixture(scope="module")
def held_apart(nlp, shared_dir):
    from detente.extract import Extractor

    return current_scores(Extractor(nlp=nlp))


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize("key", sorted(load_floors()))
def test_held_apart_score_is_not_below_its_floor(held_apart, key):
    floor = load_floors()[key]
    assert passes(key, metric(held_apart, key), floor), f"{key} fell to {metric(held_apart, key)}, floor {floor}"


def gate_cli(argv, description: str, scores, path: Path, metrics) -> int:
    """The command line shared by the accuracy gates: print scores against floors, or move them."""
    ap = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--update", action="store_true", help="tighten floors to current scores less a margin")
    ap.add_argument("--allow-lower", action="store_true", help="also loosen floors (after a deliberate change)")
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
    return gate_cli(argv, __doc__, current_scores, BASELINE, METRICS)


if __name__ == "__main__":
    sys.exit(main())
