"""Accuracy of predicted outcomes against observed ones, and a paired bootstrap to tell real
differences between models from noise (DEU differences under ~3 points usually are noise)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

HIT_WITHIN = 10.0


@dataclass(frozen=True)
class Accuracy:
    """Errors of one model on the issues where it applies."""

    n: int
    mae: float
    median_ae: float
    hit_rate: float  # share of issues predicted within HIT_WITHIN points


@dataclass(frozen=True)
class Difference:
    """MAE(model) - MAE(baseline) on the issues both predict, with a bootstrap 95% CI."""

    n: int
    diff: float
    low: float
    high: float

    @property
    def significant(self) -> bool:
        return self.low > 0 or self.high < 0


def accuracy(pred: np.ndarray, observed: np.ndarray, within: float = HIT_WITHIN) -> Accuracy:
    ok = np.isfinite(pred) & np.isfinite(observed)
    err = np.abs(pred[ok] - observed[ok])
    if err.size == 0:
        return Accuracy(0, np.nan, np.nan, np.nan)
    return Accuracy(int(err.size), float(err.mean()), float(np.median(err)), float((err <= within).mean()))


def paired_bootstrap(pred: np.ndarray, base: np.ndarray, observed: np.ndarray,
                     draws: int = 2000, seed: int = 0) -> Difference:
    """Resample issues with replacement; the CI is the 2.5–97.5 percentile of the MAE difference."""
    ok = np.isfinite(pred) & np.isfinite(base) & np.isfinite(observed)
    a, b = np.abs(pred[ok] - observed[ok]), np.abs(base[ok] - observed[ok])
    if a.size == 0:
        return Difference(0, np.nan, np.nan, np.nan)
    idx = np.random.default_rng(seed).integers(0, a.size, (draws, a.size))
    diffs = a[idx].mean(axis=1) - b[idx].mean(axis=1)
    low, high = np.percentile(diffs, [2.5, 97.5])
    return Difference(int(a.size), float(a.mean() - b.mean()), float(low), float(high))


def held_out_mask(n: int, share: float = 0.3, seed: int = 20110401) -> np.ndarray:
    """A fixed, seeded split: True for the held-out share of n items."""
    mask = np.zeros(n, bool)
    mask[np.random.default_rng(seed).permutation(n)[: int(round(share * n))]] = True
    return mask
