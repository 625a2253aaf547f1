"""Static weighted models: the compromise model (weighted mean) and the weighted median.

Weights are capability × salience (absent actors weigh 0). Where every weight on an issue is
zero (no one cares), all present actors count equally, so the result is still defined.
"""
from __future__ import annotations

import numpy as np

from detente.bargaining.inputs import BargainingInputs
from detente.bargaining.results import ModelResult, no_deadlock


def effective_weights(x: BargainingInputs) -> np.ndarray:
    """capability × salience, falling back to equal weights on issues where all are zero."""
    w = x.weights()
    dead = w.sum(axis=0) <= 0
    return np.where(dead[None, :], x.present.astype(float), w)


def weighted_mean(position: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Column-wise weighted mean of position[n, d] with weights w[n, d] (each column > 0)."""
    return (w * position).sum(axis=0) / w.sum(axis=0)


def weighted_median(position: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Column-wise weighted median: the position where the cumulative weight first reaches half;
    on an exact half split, the midpoint of the two central positions."""
    order = np.argsort(position, axis=0, kind="stable")
    p = np.take_along_axis(position, order, axis=0)
    cw = np.cumsum(np.take_along_axis(w, order, axis=0), axis=0)
    half = cw[-1] / 2.0
    tol = 1e-12 * np.maximum(cw[-1], 1.0)
    k = np.argmax(cw >= half - tol, axis=0)
    cols = np.arange(p.shape[1])
    exact = np.abs(cw[k, cols] - half) <= tol
    # next position carrying weight after k (skip zero-weight actors)
    has_w = np.take_along_axis(w, order, axis=0) > 0
    after = np.where(has_w & (np.arange(p.shape[0])[:, None] > k), np.arange(p.shape[0])[:, None], p.shape[0])
    k2 = np.minimum(after.min(axis=0), p.shape[0] - 1)
    med = p[k, cols]
    return np.where(exact, (med + p[k2, cols]) / 2.0, med)


def compromise(x: BargainingInputs) -> ModelResult:
    """Capability × salience weighted mean per issue (Achen's compromise model)."""
    w = effective_weights(x)
    return ModelResult("compromise", x.actors, x.issues, weighted_mean(x.position, w),
                       no_deadlock(x.n_issues), details={"weights": w})


def median(x: BargainingInputs) -> ModelResult:
    """Capability × salience weighted median per issue (the median voter)."""
    w = effective_weights(x)
    return ModelResult("median", x.actors, x.issues, weighted_median(x.position, w),
                       no_deadlock(x.n_issues), details={"weights": w})
