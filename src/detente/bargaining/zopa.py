"""Zone of possible agreement (ZOPA) from red lines.

Per issue, each actor with a red line accepts only [line, high] (direction ≥) or [low, line]
(direction ≤). The zone is the intersection over the veto players' intervals, or over all
actors' when no one holds a veto. An empty zone is a predicted deadlock, naming the actors
whose lines clash (the highest "at least" against the lowest "at most"). Across issues, the
package's feasible set is the product of the per-issue zones (red lines are per issue), so it
is empty as soon as one issue's zone is. The predicted outcome is the compromise model's point
projected onto the zone (the zone says where agreement can land, the weighted mean where in it).
"""
from __future__ import annotations

import numpy as np

from detente.bargaining.compromise import compromise
from detente.bargaining.inputs import AT_LEAST, AT_MOST, BargainingInputs
from detente.bargaining.results import ModelResult


def zone(x: BargainingInputs, lines: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(low[d], high[d], binding[n, d]): the zone's bounds and which actors' lines count.
    ``lines``: red lines to use instead of x's, e.g. [draws, n, d] of a Monte Carlo (bounds [draws, d])."""
    lo, hi = x.scale
    lines = x.red_line if lines is None else lines
    binding = x.present & (x.veto[:, None] if x.veto.any() else True)
    up = binding & (x.red_dir == AT_LEAST)
    down = binding & (x.red_dir == AT_MOST)
    low = np.where(up, lines, lo).max(axis=-2, initial=lo)
    high = np.where(down, lines, hi).min(axis=-2, initial=hi)
    return low, high, binding


def clashes(x: BargainingInputs, low: np.ndarray, high: np.ndarray, binding: np.ndarray) -> dict:
    """For each empty zone: the actors whose lines make it empty (every ≥ line above the lowest
    ≤ line, and every ≤ line below the highest ≥ line)."""
    out = {}
    for j in np.flatnonzero(low > high):
        up = binding[:, j] & (x.red_dir[:, j] == AT_LEAST) & (x.red_line[:, j] > high[j])
        down = binding[:, j] & (x.red_dir[:, j] == AT_MOST) & (x.red_line[:, j] < low[j])
        out[x.issues[j]] = {"at_least": [x.actors[i] for i in np.flatnonzero(up)],
                            "at_most": [x.actors[i] for i in np.flatnonzero(down)],
                            "gap": float(low[j] - high[j])}
    return out


def zopa(x: BargainingInputs) -> ModelResult:
    """ZOPA per issue and for the package; outcome = compromise point clipped into the zone."""
    low, high, binding = zone(x)
    empty = low > high
    base = compromise(x).outcome
    out = np.where(empty, np.nan, np.clip(base, low, np.maximum(low, high)))
    band = np.where(empty[:, None], np.nan, np.stack([low, high], axis=1))
    details = {"clashes": clashes(x, low, high, binding),
               "package_feasible": bool(not empty.any()),
               "veto_players": [a for a, v in zip(x.actors, x.veto) if v] or "all actors",
               "red_lines": int((x.red_dir != 0).sum())}
    if empty.any():
        details["not_applicable"] = {x.issues[j]: "deadlock: red lines leave no zone of agreement"
                                     for j in np.flatnonzero(empty)}
    return ModelResult("zopa", x.actors, x.issues, out, empty.astype(float),
                       applicable=~empty, zone=band, details=details)
