"""ModelResult → plain JSON-ready dicts (the ``detente bargain run --format json`` contract):
{"model", "issues", "actors", "outcome": {issue: value}, "deadlock": {issue: bool|probability},
"turns": [{"positions": [[actor × issue]], "probabilities": [actor]}]} plus "notes" (why a
model does not apply, clashing red lines, Monte Carlo quantiles) and "zone" for ZOPA.
NaN (not applicable, actor absent) becomes null."""
from __future__ import annotations

import math

import numpy as np

from detente.bargaining.results import ModelResult


def _num(v):
    v = float(v)
    return None if not math.isfinite(v) else round(v, 6)


def _list(a) -> list:
    return [_list(v) for v in a] if np.ndim(a) > 1 else [_num(v) for v in a]


def _deadlock(r: ModelResult, j: int):
    v = r.deadlock[j]
    if not np.isfinite(v):
        return None
    return bool(v) if "draws" not in r.details else _num(v)


def _notes(r: ModelResult) -> dict:
    notes = {k: r.details[k] for k in ("not_applicable", "clashes", "package_feasible", "draws", "seed",
                                        "rounds", "stop") if k in r.details}
    if "quantiles" in r.details:
        notes["quantiles"] = {q: dict(zip(r.issues, _list(v))) for q, v in r.details["quantiles"].items()}
    return notes


def result_to_dict(r: ModelResult) -> dict:
    out = {"model": r.model, "issues": list(r.issues), "actors": list(r.actors),
           "outcome": dict(zip(r.issues, _list(r.outcome))),
           "deadlock": {i: _deadlock(r, j) for j, i in enumerate(r.issues)},
           "turns": [{"positions": _list(t.positions), "probabilities": _list(t.probabilities)}
                     for t in r.turns]}
    if r.zone is not None:
        out["zone"] = {i: _list(z) for i, z in zip(r.issues, r.zone)}
    out["notes"] = _notes(r)
    return out
