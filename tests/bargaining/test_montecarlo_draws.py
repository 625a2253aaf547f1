"""Monte Carlo: seeded reproducibility, spreads, deadlock probabilities in [0, 1]."""
from dataclasses import replace

import numpy as np
import pytest

from detente.bargaining.inputs import AT_LEAST, AT_MOST, Uncertainty
from detente.bargaining.montecarlo import monte_carlo
from detente.errors import BargainingInputError


def _uncertain(build, low, high, sd=None, **kw):
    x = build([[20.0], [80.0]], **kw)
    z = np.zeros((2, 1))
    return replace(x, uncertainty=Uncertainty(np.array(low, float).reshape(2, 1),
                                              np.array(high, float).reshape(2, 1),
                                              z if sd is None else np.array(sd, float).reshape(2, 1),
                                              z, np.zeros(2)))


def test_same_seed_same_distribution(build):
    x = _uncertain(build, [0, 60], [40, 100])
    a, b = monte_carlo(x, "compromise", 500, seed=7), monte_carlo(x, "compromise", 500, seed=7)
    c = monte_carlo(x, "compromise", 500, seed=8)
    assert a.outcome[0] == b.outcome[0]
    assert a.details["quantiles"]["q05"][0] == b.details["quantiles"]["q05"][0]
    assert a.outcome[0] != c.outcome[0]


def test_uniform_ranges_give_the_expected_mean_and_spread(build):
    r = monte_carlo(_uncertain(build, [0, 60], [40, 100]), "compromise", 20000, seed=1)
    assert r.outcome[0] == pytest.approx(50.0, abs=0.5)  # mean of (U(0,40) + U(60,100)) / 2
    assert r.details["sd"][0] == pytest.approx(np.sqrt(2 * 40**2 / 12) / 2, rel=0.05)
    q = r.details["quantiles"]
    assert q["q05"][0] < q["q50"][0] < q["q95"][0]


def test_fixed_inputs_give_a_point_mass(build):
    r = monte_carlo(build([20.0, 80.0]), "median", 50, seed=0)
    assert r.details["sd"][0] == 0.0


def test_deadlock_probability_in_unit_interval_and_between_extremes(build):
    # Nash: A is uniform on [0, 100], B at 80, reference 50. A below 50 → actors on both sides
    # of the reference → deadlock; A above 50 → agreement. P(deadlock) ≈ 0.5.
    x = _uncertain(build, [0, 80], [100, 80], reference=np.array([50.0]))
    r = monte_carlo(x, "nash", 400, seed=3)
    assert 0.0 <= r.deadlock[0] <= 1.0
    assert r.deadlock[0] == pytest.approx(0.5, abs=0.1)


def test_zopa_deadlock_probability_is_certain_when_lines_clash(build):
    x = _uncertain(build, [0, 60], [40, 100], red_line=np.array([[30.0], [60.0]]),
                   red_dir=np.array([[AT_MOST], [AT_LEAST]]))
    assert monte_carlo(x, "zopa", 100, seed=0).deadlock[0] == 1.0


def test_red_lines_set_from_the_positions_move_with_each_draw(build):
    """Lines 25 points past each stated position (45 and 55) clash, a certain deadlock; moved with
    the drawn positions they clash only when the sides are drawn more than 50 apart:
    P(B - A > 50) for A ~ U(0, 40), B ~ U(60, 100) is 1 - 0.75² / 2 = 0.719."""
    x = _uncertain(build, [0, 60], [40, 100], red_line=np.array([[45.0], [55.0]]),
                   red_dir=np.array([[AT_MOST], [AT_LEAST]]))
    assert monte_carlo(x, "zopa", 4000, seed=0).deadlock[0] == 1.0
    moving = replace(x, uncertainty=replace(x.uncertainty, red_lines_follow=True))
    assert monte_carlo(moving, "zopa", 4000, seed=0).deadlock[0] == pytest.approx(0.719, abs=0.03)
    assert moving.select([0]).uncertainty.red_lines_follow


def test_normal_spread_is_clipped_to_the_scale(build):
    x = _uncertain(build, [20, 80], [20, 80], sd=[200, 0])
    r = monte_carlo(x, "median", 300, seed=0)
    assert 0.0 <= r.details["quantiles"]["q05"][0] <= r.details["quantiles"]["q95"][0] <= 100.0


def test_zero_draws_refused(build):
    with pytest.raises(BargainingInputError, match="draws"):
        monte_carlo(build([1.0, 2.0]), "compromise", 0)
