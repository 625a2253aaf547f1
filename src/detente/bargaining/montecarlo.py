"""Monte Carlo over uncertain inputs: draws of positions, saliences and capabilities →
a distribution of each model's outcome and a deadlock probability per issue.

Positions are drawn uniform on [low, high] or normal around the stated position (where a
spread is given), clipped to the scale; salience and capability get clipped normal spreads
(see :class:`Uncertainty`). Draws come from one seeded ``numpy.random.Generator``, so a seed
reproduces a run exactly. Compromise, median and ZOPA run vectorised over all draws at once;
the other models run draw by draw.
"""
from __future__ import annotations

import warnings
from dataclasses import replace

import numpy as np

from detente.bargaining.compromise import weighted_median
from detente.bargaining.inputs import BargainingInputs, Uncertainty
from detente.bargaining.registry import get
from detente.bargaining.results import ModelResult
from detente.bargaining.zopa import zone
from detente.errors import BargainingInputError

QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)


def sample(x: BargainingInputs, draws: int, rng: np.random.Generator):
    """(capability[N, n], position[N, n, d], salience[N, n, d]) drawn from x's uncertainty."""
    u = x.uncertainty or Uncertainty.none(np.asarray(x.position))
    shape = (draws,) + x.position.shape
    uni = rng.uniform(0.0, 1.0, shape)
    ranged = u.position_low + uni * (u.position_high - u.position_low)
    normal = x.position + u.position_sd * rng.standard_normal(shape)
    pos = np.clip(np.where(u.position_sd > 0, normal, ranged), *x.scale)
    sal = np.clip(x.salience + u.salience_sd * rng.standard_normal(shape), 0.0, None)
    cap = np.clip(x.capability + u.capability_sd * rng.standard_normal((draws, x.n_actors)), 0.0, None)
    return cap, np.where(x.present, pos, 0.0), np.where(x.present, sal, 0.0)


def _weights(x: BargainingInputs, cap, sal) -> np.ndarray:
    w = cap[:, :, None] * sal * x.present
    return np.where(w.sum(axis=1, keepdims=True) <= 0, x.present.astype(float), w)


def _batched(name: str, x: BargainingInputs, cap, pos, sal):
    """Vectorised outcome[N, d] and deadlock[N, d] for the static models."""
    w = _weights(x, cap, sal)
    n_draws, n, d = pos.shape
    if name == "median":
        flat = lambda a: a.transpose(1, 0, 2).reshape(n, n_draws * d)  # noqa: E731
        out = weighted_median(flat(pos), flat(w)).reshape(n_draws, d)
    else:
        out = (w * pos).sum(axis=1) / w.sum(axis=1)
    dead = np.zeros_like(out)
    if name == "zopa":
        low, high, _ = zone(x, _drawn_lines(x, pos))
        dead = np.broadcast_to(low > high, out.shape).astype(float)
        out = np.where(dead > 0, np.nan, np.clip(out, low, np.maximum(low, high)))
    return out, dead


def _drawn_lines(x: BargainingInputs, pos: np.ndarray) -> np.ndarray | None:
    """Red lines set relative to the positions move with each draw's positions; stated ones stay."""
    if x.uncertainty is None or not x.uncertainty.red_lines_follow:
        return None
    return np.clip(x.red_line + (pos - x.position), *x.scale)


def _looped(name: str, x: BargainingInputs, cap, pos, sal):
    model = get(name)
    runs = [model(replace(x, capability=c, position=p, salience=s, uncertainty=None))
            for c, p, s in zip(cap, pos, sal)]
    return np.stack([r.outcome for r in runs]), np.stack([r.deadlock for r in runs])


def monte_carlo(x: BargainingInputs, model: str = "compromise", draws: int = 1000,
                seed: int | None = 0) -> ModelResult:
    """Distribution of ``model``'s outcome under x's uncertainty: mean as the outcome, the
    deadlock probability per issue, quantiles and spread in details."""
    if draws < 1:
        raise BargainingInputError(f"draws must be at least 1, got {draws}")
    cap, pos, sal = sample(x, draws, np.random.default_rng(seed))
    fn = _batched if model in ("compromise", "median", "zopa") else _looped
    out, dead = fn(model, x, cap, pos, sal)
    ok = np.isfinite(out) | (dead > 0)  # a draw counts when the model applies (or deadlocks)
    with warnings.catch_warnings():  # an issue with no applicable draw gives NaN, on purpose
        warnings.simplefilter("ignore", RuntimeWarning)
        mean = np.nanmean(out, axis=0)
        qs = {f"q{int(q * 100):02d}": np.nanquantile(out, q, axis=0) for q in QUANTILES}
        sd = np.nanstd(out, axis=0)
        p_dead = np.nanmean(np.where(np.isfinite(dead), dead, np.nan), axis=0)
    details = {"draws": draws, "seed": seed, "quantiles": qs, "sd": sd,
               "share_applicable": ok.mean(axis=0)}
    return ModelResult(model, x.actors, x.issues, mean, p_dead,
                       applicable=ok.any(axis=0), details=details)
