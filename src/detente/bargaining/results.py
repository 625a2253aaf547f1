"""What every model returns: a predicted outcome per issue and what it rests on."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True, eq=False)
class Turn:
    """One round of a dynamic model: positions[n, d] and each actor's win probability[n]."""

    positions: np.ndarray
    probabilities: np.ndarray


@dataclass(frozen=True, eq=False)
class ModelResult:
    """A model's prediction. ``outcome[d]`` is NaN where the model does not apply
    (``applicable[d]`` False, reason in ``details['not_applicable']``); ``deadlock[d]`` is 0/1
    for deterministic models and a probability for Monte Carlo."""

    model: str
    actors: tuple[str, ...]
    issues: tuple[str, ...]
    outcome: np.ndarray
    deadlock: np.ndarray
    applicable: np.ndarray | None = None
    turns: tuple[Turn, ...] = ()
    zone: np.ndarray | None = None  # [d, 2] low/high of an agreement zone, NaN where empty
    details: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.applicable is None:
            object.__setattr__(self, "applicable", np.isfinite(self.outcome))


def no_deadlock(d: int) -> np.ndarray:
    """Models that always predict an agreement."""
    return np.zeros(d, float)
