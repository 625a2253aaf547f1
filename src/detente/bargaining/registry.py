"""Models by name, so callers (CLI, benchmarks, Monte Carlo) pick one by a string.

``smp`` (KTAB's spatial model, in smp.py) is looked up lazily: when that module is missing
or broken the other models still work and ``available()`` leaves it out.
"""
from __future__ import annotations

from typing import Callable

import numpy as np

from detente.bargaining.compromise import compromise, median
from detente.bargaining.expected_utility import expected_utility
from detente.bargaining.inputs import BargainingInputs
from detente.bargaining.nash import nash
from detente.bargaining.results import ModelResult, Turn, no_deadlock
from detente.bargaining.zopa import zopa
from detente.errors import BargainingInputError

Model = Callable[[BargainingInputs], ModelResult]

# Chosen by benchmarks/bargaining_deu3.py: the most accurate model on the held-out DEU split
# (107 issues, MAE 22.2). Next best there: smp +1.7 [95% CI -0.7, +4.0], EU with the mean as
# forecast +3.2 [-0.2, +6.8]; a dynamic model would replace it only if significantly better.
DEFAULT_MODEL = "compromise"

MODELS: dict[str, Model] = {"compromise": compromise, "median": median, "nash": nash,
                            "zopa": zopa, "eu": expected_utility}


def _smp_module():
    try:
        from detente.bargaining import smp
    except Exception:  # noqa: BLE001 — absent or unfinished port: just not offered
        return None
    return smp if hasattr(smp, "run_smp") else None


def _smp_runs(x: BargainingInputs, smp) -> list[tuple[np.ndarray, np.ndarray, object]]:
    """(issue columns, actor mask, SMP result): one joint run when every actor takes part
    everywhere, else one run per issue over the actors present."""
    params = smp.SMPParams(scale=x.scale)
    if x.present.all():
        everyone = np.ones(x.n_actors, bool)
        return [(np.arange(x.n_issues), everyone, smp.run_smp(x.capability, x.position, x.salience, params))]
    runs = []
    for j in range(x.n_issues):
        m = x.present[:, j]
        runs.append((np.array([j]), m, smp.run_smp(x.capability[m], x.position[m, j][:, None],
                                                   x.salience[m, j][:, None], params)))
    return runs


def smp_model(x: BargainingInputs) -> ModelResult:
    """KTAB's SMP: outcome = PCE-expected final position; every turn's positions kept."""
    smp = _smp_module()
    if smp is None:
        raise BargainingInputError("the SMP model (detente.bargaining.smp) is not available")
    n, d = x.n_actors, x.n_issues
    runs = _smp_runs(x, smp)
    t_max = max(res.positions.shape[0] for _, _, res in runs)
    pos, prob = np.full((t_max, n, d), np.nan), np.zeros((t_max, n, d))
    out = np.zeros(d)
    pad = lambda a: np.concatenate([a, a[-1:].repeat(t_max - a.shape[0], 0)])  # noqa: E731  (hold last turn)
    for cols, m, res in runs:
        for k, j in enumerate(cols):
            pos[:, m, j] = pad(res.positions[:, :, k])
            prob[:, m, j] = pad(res.probabilities)
        out[cols] = res.expected_outcome
    turns = tuple(Turn(pos[t], prob[t].mean(axis=1)) for t in range(t_max))
    return ModelResult("smp", x.actors, x.issues, out, no_deadlock(d), turns=turns,
                       details={"turns": t_max - 1, "stop": sorted({res.stop_reason for _, _, res in runs})})


def available() -> list[str]:
    """Model names that can run here."""
    return list(MODELS) + (["smp"] if _smp_module() is not None else [])


def get(name: str) -> Model:
    if name == "smp":
        if _smp_module() is None:
            raise BargainingInputError("the SMP model (detente.bargaining.smp) is not available")
        return smp_model
    if name not in MODELS:
        raise BargainingInputError(f"unknown model {name!r}; choose from {', '.join(available())}")
    return MODELS[name]


def run(name: str, x: BargainingInputs) -> ModelResult:
    """Run one model by name."""
    return get(name)(x)
