"""Accuracy measures and the paired bootstrap used by the DEU benchmark."""
import numpy as np
import pytest

from detente.bargaining.scoring import accuracy, held_out_mask, paired_bootstrap


def test_accuracy_hand_computed():
    acc = accuracy(np.array([10.0, 20.0, np.nan, 50.0]), np.array([0.0, 25.0, 5.0, 80.0]))
    assert acc.n == 3 and acc.mae == pytest.approx(15.0) and acc.median_ae == 10.0
    assert acc.hit_rate == pytest.approx(2 / 3)


def test_bootstrap_identical_models_have_zero_difference():
    obs = np.arange(50.0)
    d = paired_bootstrap(obs + 3, obs + 3, obs)
    assert d.diff == 0.0 and d.low == 0.0 and d.high == 0.0 and not d.significant


def test_bootstrap_detects_a_clearly_worse_model():
    rng = np.random.default_rng(0)
    obs = rng.uniform(0, 100, 200)
    good, bad = obs + rng.normal(0, 5, 200), obs + rng.normal(0, 30, 200)
    d = paired_bootstrap(bad, good, obs)
    assert d.significant and d.low > 0


def test_held_out_split_is_fixed_and_sized():
    a, b = held_out_mask(100), held_out_mask(100)
    assert (a == b).all() and a.sum() == 30
