"""Inputs on which KTAB aborts: the port must still run and return sane numbers."""
from __future__ import annotations

import numpy as np
import pytest

from detente.bargaining.smp import SMPParams, run_smp


def _sane(result, n: int, d: int) -> None:
    t = result.n_turns + 1
    assert result.positions.shape == (t, n, d)
    assert result.probabilities.shape == (t, n)
    assert np.isfinite(result.positions).all() and np.isfinite(result.probabilities).all()
    assert ((result.positions >= 0) & (result.positions <= 100)).all()
    assert ((result.probabilities >= 0) & (result.probabilities <= 1 + 1e-12)).all()
    assert np.isfinite(result.expected_outcome).all() and result.expected_outcome.shape == (d,)
    assert result.stop_reason in ("converged", "max_turns")


def test_two_actors_converge_between_their_positions():
    r = run_smp(np.array([100.0, 50.0]), np.array([[10.0], [90.0]]), np.array([[80.0], [60.0]]))
    _sane(r, 2, 1)
    assert 10.0 <= r.expected_outcome[0] <= 90.0
    assert r.stop_reason == "converged"


@pytest.mark.parametrize("value", [0.0, 100.0])
def test_everyone_at_one_end_stays_there(value):
    n, d = 5, 2
    r = run_smp(np.arange(1.0, n + 1), np.full((n, d), value), np.full((n, d), 40.0))
    _sane(r, n, d)
    assert (r.positions == value).all()
    np.testing.assert_allclose(r.probabilities, 1.0)  # one shared position: it surely wins


def test_positions_only_at_the_two_ends():
    pos = np.array([[0.0, 100.0], [100.0, 0.0], [0.0, 0.0], [100.0, 100.0]])
    r = run_smp(np.array([10.0, 20.0, 30.0, 40.0]), pos, np.full((4, 2), 30.0))
    _sane(r, 4, 2)


def test_zero_salience_everywhere_means_nobody_moves():
    pos = np.array([[10.0], [50.0], [90.0]])
    r = run_smp(np.array([1.0, 2.0, 3.0]), pos, np.zeros((3, 1)))
    _sane(r, 3, 1)
    assert (r.positions == pos).all()
    np.testing.assert_allclose(r.probabilities.sum(axis=1), 1.0)


def test_one_actor_without_salience():
    pos = np.array([[10.0, 30.0], [50.0, 60.0], [90.0, 20.0], [40.0, 40.0]])
    sal = np.array([[50.0, 30.0], [0.0, 0.0], [20.0, 70.0], [40.0, 40.0]])
    r = run_smp(np.array([50.0, 80.0, 30.0, 60.0]), pos, sal)
    _sane(r, 4, 2)


def test_identical_positions_never_move():
    pos = np.full((4, 3), 42.0)
    r = run_smp(np.array([5.0, 1.0, 2.0, 3.0]), pos, np.full((4, 3), 20.0))
    _sane(r, 4, 3)
    assert (r.positions == 42.0).all()
    np.testing.assert_allclose(r.expected_outcome, 42.0)


def test_zero_capability_actor():
    pos = np.array([[10.0], [50.0], [90.0]])
    r = run_smp(np.array([0.0, 2.0, 3.0]), pos, np.full((3, 1), 50.0))
    _sane(r, 3, 1)


def test_max_turns_stops_the_run():
    rng = np.random.default_rng(0)
    n, d = 8, 2
    params = SMPParams(max_turns=1)
    r = run_smp(rng.uniform(10, 100, n), rng.uniform(0, 100, (n, d)), rng.uniform(10, 45, (n, d)), params)
    assert r.n_turns == 1 and r.stop_reason == "max_turns"


def test_other_scale_is_mapped_like_0_100():
    rng = np.random.default_rng(1)
    cap, pos, sal = rng.uniform(10, 100, 6), rng.uniform(0, 100, (6, 2)), rng.uniform(10, 45, (6, 2))
    r100 = run_smp(cap, pos, sal)
    r10 = run_smp(cap, pos / 10, sal, SMPParams(scale=(0.0, 10.0)))
    np.testing.assert_allclose(r10.positions * 10, r100.positions, atol=1e-9)
    np.testing.assert_allclose(r10.probabilities, r100.probabilities, atol=1e-12)


def test_a_single_actor_keeps_its_position():
    r = run_smp(np.array([5.0]), np.array([[30.0]]), np.array([[50.0]]))
    _sane(r, 1, 1)
    assert (r.positions == 30.0).all() and r.expected_outcome[0] == 30.0


def test_saliences_over_100_percent_count_as_shares_of_attention():
    cap = np.array([5.0, 3.0, 2.0, 4.0])
    pos = np.array([[30.0, 20.0], [60.0, 70.0], [10.0, 90.0], [50.0, 40.0]])
    sal = np.array([[90.0, 80.0], [30.0, 40.0], [10.0, 70.0], [60.0, 20.0]])  # actor 0: 170 %
    shares = sal.copy()
    shares[0] *= 100.0 / 170.0
    r, ref = run_smp(cap, pos, sal), run_smp(cap, pos, shares)
    _sane(r, 4, 2)
    np.testing.assert_allclose(r.positions, ref.positions, atol=1e-9)


def test_unknown_parameter_is_refused_with_the_choices():
    from detente.errors import BargainingInputError
    with pytest.raises(BargainingInputError, match="victory"):
        SMPParams(victory="cubic")
