"""Nash bargaining solution with the reference point (status quo) as the disagreement point.

Each actor's utility is u_i(x) = -s_i·|x - p_i| (concave); its gain over disagreement r is
s_i·(|r - p_i| - |x - p_i|). The asymmetric Nash solution maximises Σ w_i·log(gain_i) over
the outcomes that leave every bargaining actor strictly better off, with bargaining power
w_i = capability × salience (salience also scales utility, which does not move the argmax).
An actor whose ideal point is r gains from no agreement at all. By default
(``at_reference="abstain"``) such actors are left out of the product, as a qualified majority
can agree without them; with ``"veto"`` they stay in and the status quo is the prediction. If
no outcome improves on r for every remaining actor (actors on both sides of r), the prediction
is r and the issue is a deadlock. Issues without a reference point: not applicable.
"""
from __future__ import annotations

import numpy as np

from detente.bargaining.inputs import BargainingInputs
from detente.bargaining.results import ModelResult

GRID_POINTS = 2001


def nash_1d(position: np.ndarray, power: np.ndarray, reference: float, scale: tuple[float, float],
            points: int = GRID_POINTS, at_reference: str = "abstain") -> tuple[float, bool]:
    """Nash solution on one issue: (outcome, deadlock). Actors with power 0 are left out."""
    keep = power > 0
    if at_reference == "abstain":
        keep &= np.abs(position - reference) > 1e-9
    if not keep.any():
        return reference, True
    p, w = position[keep], power[keep] / power[keep].sum()
    grid = np.linspace(scale[0], scale[1], points)
    gain = np.abs(reference - p)[None, :] - np.abs(grid[:, None] - p[None, :])
    ok = (gain > 1e-12).all(axis=1)
    if not ok.any():
        return reference, True
    score = np.where(ok, (w[None, :] * np.log(np.where(gain > 0, gain, 1.0))).sum(axis=1), -np.inf)
    return float(grid[int(np.argmax(score))]), False


def nash(x: BargainingInputs, points: int = GRID_POINTS, at_reference: str = "abstain") -> ModelResult:
    """Nash bargaining solution per issue; NaN where the issue has no reference point."""
    d = x.n_issues
    out, dead = np.full(d, np.nan), np.zeros(d)
    power = x.weights()
    for j in range(d):
        if np.isfinite(x.reference[j]):
            out[j], dead[j] = nash_1d(x.position[:, j], power[:, j], x.reference[j], x.scale,
                                     points, at_reference)
    missing = [x.issues[j] for j in range(d) if not np.isfinite(x.reference[j])]
    details = {"not_applicable": {i: "no reference point (disagreement point)" for i in missing}}
    return ModelResult("nash", x.actors, x.issues, out, np.where(np.isfinite(out), dead, np.nan),
                       applicable=np.isfinite(out), details=details)
