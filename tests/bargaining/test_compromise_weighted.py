"""Compromise (weighted mean) and weighted median on hand-computed cases."""
import numpy as np
import pytest

from detente.bargaining.compromise import compromise, median, weighted_median


def test_compromise_is_capability_times_salience_mean(build):
    # weights 1×50, 2×50, 1×100 → (0·50 + 60·100 + 100·100) / 250 = 64
    x = build([0, 60, 100], salience=[50, 50, 100], capability=[1, 2, 1])
    assert compromise(x).outcome[0] == pytest.approx(64.0)


def test_compromise_ignores_absent_actors(build):
    x = build([[0, 0], [100, 50]], present=np.array([[True, False], [True, True]]))
    assert compromise(x).outcome.tolist() == pytest.approx([50.0, 50.0])


def test_median_picks_the_pivotal_actor(build):
    # weights 1, 1, 3 at 0, 50, 100 → half of 5 reached at 100
    x = build([0, 50, 100], capability=[1, 1, 3])
    assert median(x).outcome[0] == 100.0


def test_median_exact_split_is_the_midpoint():
    p = np.array([[0.0], [10.0], [20.0], [30.0]])
    assert weighted_median(p, np.ones((4, 1)))[0] == 15.0


def test_median_skips_weightless_actors_on_split():
    p = np.array([[0.0], [10.0], [20.0], [30.0]])
    assert weighted_median(p, np.array([[1.0], [0.0], [0.0], [1.0]]))[0] == 15.0


def test_no_deadlock_predicted(build):
    assert compromise(build([0, 100])).deadlock.tolist() == [0.0]
