"""KTAB's building blocks, checked by hand on tiny cases."""
from __future__ import annotations

import numpy as np

from detente.bargaining import smp_core as core


def test_salience_weighted_distance():
    ideal = np.array([[0.0, 0.0]])
    other = np.array([[0.3, 0.4]])
    sal = np.array([[0.5, 0.5]])
    # sqrt(((0.3·0.5)² + (0.4·0.5)²) / (0.5² + 0.5²)) = sqrt((0.09 + 0.16) / 2)
    assert np.isclose(core.sal_distance(ideal, other, sal)[0, 0], np.sqrt(0.125))


def test_utility_is_one_at_the_ideal_and_bends_with_risk():
    assert core.utility(np.array(0.0), np.array(0.7)) == 1.0
    d = np.array(0.5)
    assert core.utility(d, np.array(1.0)) > core.utility(d, np.array(0.0)) > core.utility(d, np.array(-0.5))


def test_two_option_pce_is_the_share_of_support():
    w = np.array([3.0, 1.0])
    u = np.array([[1.0, 0.0], [0.0, 1.0]])  # actor 0 wants option 0, actor 1 option 1
    p = core.scalar_pce(w, u)
    # coalitions 3 : 1 (plus 1e-8 each) → condPCE ∝ (0.5·0.75, 0.5·0.25)
    np.testing.assert_allclose(p, [0.75, 0.25], atol=1e-8)


def test_risk_attitudes_span_minus_half_to_one():
    r = core.risk_attitudes(np.array([0.1, 0.2, 0.7]), "mid")
    np.testing.assert_allclose([r.min(), r.max()], [-0.5, 1.0])
    np.testing.assert_allclose(core.risk_attitudes(np.full(3, 1 / 3)), 0.0)


def test_round4_and_interpolation_lie_between_the_two_positions():
    assert core.round4(np.array(0.123456))[()] == 0.1235
    ti, tj = np.array([[0.2, 0.9]]), np.array([[0.6, 0.1]])
    si, sj = np.array([[0.5, 0.1]]), np.array([[0.2, 0.4]])
    bi, bj = core.interpolate(ti, si, np.array([0.7]), tj, sj, np.array([0.3]))
    lo, hi = np.minimum(ti, tj), np.maximum(ti, tj)
    assert ((bi >= lo) & (bi <= hi) & (bj >= lo) & (bj <= hi)).all()
    assert abs(bi[0, 0] - 0.2) < abs(bi[0, 0] - 0.6)  # i cares more and is likelier to win


def _edu_loop(util, cap, sal_sum, i, j):
    """probEduChlg(h=i, k=i, i, j) written out as KTAB's scalar loops, the vectorised
    challenge step's reference."""
    u = util[i]
    wi, wj = sal_sum[i] * cap[i], sal_sum[j] * cap[j]
    ci, cj = wi * (u[i, i] - u[i, j]), wj * (u[j, i] - u[j, j])
    chij = 1e-10 + max(ci, 0) + max(cj, 0)
    chji = 1e-10 + max(-ci, 0) + max(-cj, 0)
    c_i, c_j = chij, chji
    for n in range(len(cap)):
        if n in (i, j):
            continue
        wn = sal_sum[n] * cap[n]
        uni, unj, unn = u[n, i], u[n, j], u[n, n]
        v = wn * (uni - unj)
        cni, cnj = c_i + max(v, 0), c_j + max(-v, 0)
        pin = cni / (cni + cnj)
        pjn = 1 - pin
        vote = wn * ((pin * (2 * uni + unn) + pjn * 3 * unj) - (pin * 3 * uni + pjn * (2 * unj + unn)))
        chij, chji = chij + max(vote, 0), chji + max(-vote, 0)
    phij = chij / (chij + chji)
    sj = sal_sum[j]
    eu = (1 - sj) * 2 * u[i, i] + sj * (phij * 2 * u[i, i] + (1 - phij) * 2 * u[i, j])
    return phij, eu - (u[i, i] + u[i, j])


def test_vectorised_challenges_match_the_scalar_loops():
    rng = np.random.default_rng(3)
    n = 7
    pos, sal = rng.uniform(0, 1, (n, 2)), rng.uniform(0.05, 0.5, (n, 2))
    cap, risk = rng.uniform(10, 100, n), rng.uniform(-0.5, 1, n)
    dist = core.sal_distance(pos, pos, sal)
    util = core.utility(dist[None], core.estimated_risk(risk)[:, :, None])
    phij, edu = core.challenges(util[np.arange(n)], sal.sum(1) * cap, sal.sum(1), np.arange(n))
    for i in range(n):
        for j in range(n):
            if i != j:
                np.testing.assert_allclose((phij[i, j], edu[i, j]),
                                           _edu_loop(util, cap, sal.sum(1), i, j), rtol=1e-12, atol=1e-14)
