"""Nash bargaining with the reference point as disagreement point."""
import numpy as np
import pytest

from detente.bargaining.nash import nash, nash_1d


def test_symmetric_actors_split_the_difference(build):
    # status quo 0; ideal points 40 and 80, equal power → maximise (x)(x) for x ≤ 40 … the
    # product x·min(x, 160 - x) peaks at x = 40 where A's gain stops growing: A gets its ideal.
    x = build([40, 80], reference=np.array([0.0]))
    assert nash(x).outcome[0] == pytest.approx(40.0, abs=0.1)


def test_weights_shift_the_solution(build):
    # disagreement 50, ideal points A 20 and B 0. On [0, 20] the gains are 10 + x (A) and
    # 50 - x (B). Equal power: d/dx[ln(10+x) + ln(50-x)] > 0 up to 20 → x = 20 (A's ideal).
    # B twice as strong: 1/(10+x) = 2/(50-x) → x = 10.
    equal = nash(build([20, 0], reference=np.array([50.0]))).outcome[0]
    strong_b = nash(build([20, 0], capability=[1, 2], reference=np.array([50.0]))).outcome[0]
    assert equal == pytest.approx(20.0, abs=0.1)
    assert strong_b == pytest.approx(10.0, abs=0.1)


def test_actors_on_both_sides_of_reference_deadlock():
    out, dead = nash_1d(np.array([10.0, 90.0]), np.array([1.0, 1.0]), 50.0, (0, 100))
    assert dead and out == 50.0


def test_actor_at_reference_abstains_by_default_or_vetoes():
    p, w = np.array([50.0, 90.0, 80.0]), np.ones(3)
    out, dead = nash_1d(p, w, 50.0, (0, 100))
    assert not dead and out == pytest.approx(80.0, abs=0.1)
    out, dead = nash_1d(p, w, 50.0, (0, 100), at_reference="veto")
    assert dead and out == 50.0


def test_no_reference_point_is_not_applicable(build):
    r = nash(build([[10, 20], [30, 40]], reference=np.array([np.nan, 0.0])))
    assert np.isnan(r.outcome[0]) and not r.applicable[0] and r.applicable[1]
    assert "i1" in r.details["not_applicable"]
