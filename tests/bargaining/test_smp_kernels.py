"""The compiled SMP kernels against the numpy reference: the same numbers, bit for bit."""
from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from detente.bargaining import smp_core as core
from detente.bargaining import smp_kernels as kernels
from detente.bargaining.smp import SMPParams, _Actors, _state, run_smp


def _random_state(rng, n, d, commit="semi"):
    cap, pos = rng.uniform(1, 100, n), rng.uniform(0, 1, (n, d))
    sal = rng.uniform(0, 1, (n, d)) / d
    sal[0] = 0.0                                   # an actor with no salience anywhere
    pos[-1] = pos[-2]                              # two actors at the same position
    actors = _Actors(cap, sal, sal.sum(1) * cap, sal.sum(1))
    return actors, _state(pos, actors, SMPParams(third_party=commit))


@pytest.mark.parametrize("commit", ["full", "semi", "none"])
@pytest.mark.parametrize("n, d", [(3, 1), (8, 2), (23, 3)])
def test_challenges_kernel_equals_numpy(n, d, commit):
    a, s = _random_state(np.random.default_rng(n * d), n, d, commit)
    init = np.arange(n)
    p0, g0 = core.challenges(s.util(init), a.weight, a.sal_sum, init, commit)
    p1, g1 = kernels.challenges(s.dist, s.rhi, a.weight, a.sal_sum, init, commit)
    off = ~np.eye(n, dtype=bool)                   # i against itself is meaningless
    assert np.array_equal(p0[off], p1[off]) and np.array_equal(g0[off], g1[off])


def test_challenges_kernel_for_some_initiators_only():
    a, s = _random_state(np.random.default_rng(4), 9, 2)
    init = np.array([6, 2])
    p0, g0 = core.challenges(s.util(init), a.weight, a.sal_sum, init)
    p1, g1 = kernels.challenges(s.dist, s.rhi, a.weight, a.sal_sum, init)
    off = np.arange(9)[None, :] != init[:, None]
    assert np.array_equal(p0[off], p1[off]) and np.array_equal(g0[off], g1[off])


@pytest.mark.parametrize("shape", [(6, 5), (11, 4, 3), (2, 1, 7)])
def test_coalitions_kernel_equals_numpy(shape, monkeypatch):
    rng = np.random.default_rng(len(shape))
    w, u = rng.uniform(0, 2, shape[0]), rng.uniform(-0.5, 1, shape)
    monkeypatch.setattr(core, "KERNEL_MIN_ACTORS", 10**9)
    expected = core.coalitions(w, u)
    assert np.array_equal(kernels.coalitions(w, u), expected)


def test_bargain_sums_leave_out_the_two_actors_who_move():
    rng = np.random.default_rng(7)
    own, base = rng.uniform(size=(6, 6)), rng.uniform(size=(6, 3))
    init, rcvr = np.array([0, 4, 2]), np.array([5, 1, 3])
    expected = base.copy()
    for x in range(6):
        expected += np.where((x != init) & (x != rcvr), own[:, x][:, None], 0.0)
    assert np.array_equal(kernels.bargain_sums(own, base, init, rcvr), expected)


@pytest.mark.parametrize("n, d, commit", [(4, 1, "semi"), (12, 2, "full"), (30, 3, "none"), (45, 1, "semi")])
def test_whole_run_is_the_same_compiled_or_not(n, d, commit, monkeypatch):
    rng = np.random.default_rng(n)
    cap, pos, sal = rng.uniform(1, 100, n), rng.uniform(0, 100, (n, d)), rng.uniform(0, 100 / d, (n, d))
    params = SMPParams(third_party=commit)
    monkeypatch.setattr(core, "KERNEL_MIN_ACTORS", 10**9)
    reference = run_smp(cap, pos, sal, params)
    monkeypatch.setattr(core, "KERNEL_MIN_ACTORS", 0)
    compiled = run_smp(cap, pos, sal, params)
    assert compiled.n_turns == reference.n_turns > 1
    assert np.array_equal(compiled.positions, reference.positions)
    assert np.array_equal(compiled.probabilities, reference.probabilities)
    assert np.array_equal(compiled.expected_outcome, reference.expected_outcome)


def test_small_runs_do_not_load_the_compiler():
    code = ("import sys, numpy as np; from detente.bargaining.smp import run_smp; "
            "run_smp(np.ones(5), np.linspace(0, 100, 5), np.full(5, 50.0)); "
            "print('numba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def _argmax_of_table(a, s, commit="semi"):
    """The numpy reference for the best challenges: the whole table, then the first argmax."""
    n = a.weight.size
    init = np.arange(n)
    prob, gain = core.challenges(s.util(init), a.weight, a.sal_sum, init, commit)
    gain[init, init] = -np.inf
    best = np.argmax(gain, axis=1)
    return best, gain[init, best], prob[init, best]


@pytest.mark.parametrize("commit", ["full", "semi", "none"])
@pytest.mark.parametrize("n, d, seed", [(2, 1, 0), (9, 1, 1), (17, 2, 2), (40, 3, 3)])
def test_pruned_best_challenges_equal_the_argmax_of_the_table(n, d, seed, commit):
    a, s = _random_state(np.random.default_rng(seed), n, d, commit)
    got = kernels.best_challenges(s.dist, s.rhi, a.weight, a.sal_sum, commit)
    for g, e in zip(got, _argmax_of_table(a, s, commit)):
        assert np.array_equal(g, e)


def test_pruned_best_challenges_break_ties_on_the_first_target():
    pos = np.array([[0.1], [0.9], [0.9], [0.5], [0.3]])
    sal = np.full((5, 1), 0.6)
    cap = np.array([5.0, 3.0, 3.0, 1.0, 2.0])           # actors 1 and 2 are twins
    a = _Actors(cap, sal, sal.sum(1) * cap, sal.sum(1))
    s = _state(pos, a, SMPParams())
    table = core.challenges(s.util(np.arange(5)), a.weight, a.sal_sum, np.arange(5))[1]
    assert table[0, 1] == table[0, 2]                   # a real tie for actor 0
    best, gain, prob = kernels.best_challenges(s.dist, s.rhi, a.weight, a.sal_sum)
    ref = _argmax_of_table(a, s)
    assert best[0] == 1 and np.array_equal(best, ref[0]) and np.array_equal(gain, ref[1])


def test_pruned_best_challenges_fall_back_to_the_table_on_nan():
    a, s = _random_state(np.random.default_rng(8), 6, 1)
    a.weight[3] = np.inf                                # inf · 0 = NaN in some challenges
    with np.errstate(invalid="ignore"):
        ref = _argmax_of_table(a, s)
        got = kernels.best_challenges(s.dist, s.rhi, a.weight, a.sal_sum)
    assert np.isnan(ref[1]).any()
    assert np.array_equal(got[0], ref[0]) and np.array_equal(got[1], ref[1], equal_nan=True)
