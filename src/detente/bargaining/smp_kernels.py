"""Compiled (numba) kernels for the SMP's n³ steps: challenges, coalitions, bargain sums.

Each does, element by element, the same floating-point operations in the same order as the
numpy reference (``smp_core.challenges`` and ``coalitions``, ``smp._bargain_utils``): sums over
third parties and voters are accumulated in their index order, products are not fused (numba's
default, no fastmath), so results are bit-identical. What they save is the n³ temporaries:
utilities are computed when used, never stored as an n × n × n table. ``best_challenges``
also skips the targets that cannot be an initiator's best (a bound), so a turn costs ~n².

Compiled lazily on first use (``cache=False``: nothing is written beside the package); the
caller uses the numpy path for small inputs, where compiling would cost more than it saves.
"""
from __future__ import annotations

import numpy as np
from numba import njit

from detente.bargaining.smp_core import MIN_CHALLENGE, MIN_COALITION

COMMIT = {"full": 0, "semi": 1, "none": 2}


@njit(cache=False, error_model="numpy", inline="always")
def _util(d, r):
    """bsUtil, as ``smp_core.utility``: (1 - sd)·(1 + min(sd, 1)·R)."""
    return (1.0 - d) * (1.0 + (d if d < 1.0 else 1.0) * r)


@njit(cache=False, error_model="numpy", inline="always")
def _third_parties(omd, md, r, wn, uni, unn, a_ik, a_i, commit, chij0, chji0, chij, chji, lo, hi):
    """Third party x's votes on challenges i → j for j in [lo, hi) (Actor::thirdPartyVoteSU),
    added to the two sides' strengths; a range without branches, so that it vectorises.
    omd, md: 1 - x's distances and min(distance, 1), the parts of bsUtil that do not vary with i."""
    for j in range(lo, hi):
        unj = omd[j] * (1.0 + md[j] * r)
        cn = (uni - unj) * wn
        cni = max(cn, 0.0) + chij0[j]
        cnj = max(-cn, 0.0) + chji0[j]
        pin = cni / (cni + cnj)
        pjn = 1.0 - pin
        twice = unj + unj
        t1 = (twice + (unn if commit == 2 else unj)) * pjn
        t2 = (twice + (unj if commit == 0 else unn)) * pjn
        vn = ((pin * a_ik + t1) - (pin * a_i + t2)) * wn
        chij[j] += max(vn, 0.0)
        chji[j] += max(-vn, 0.0)


@njit(cache=False, error_model="numpy")
def _challenges(dist, rhi, weight, sal_sum, init, commit):
    n = dist.shape[0]
    b = init.size
    phij = np.empty((b, n))
    edu = np.empty((b, n))
    chij = np.empty(n)
    chji = np.empty(n)
    chij0 = np.empty(n)
    chji0 = np.empty(n)
    uij = np.empty(n)
    omd = 1.0 - dist
    md = np.minimum(dist, 1.0)
    for k in range(b):
        i = init[k]
        uii = _util(dist[i, i], rhi[i, i])
        for j in range(n):
            uij[j] = _util(dist[i, j], rhi[i, i])
            uji = _util(dist[j, i], rhi[i, j])
            ujj = _util(dist[j, j], rhi[i, j])
            ci = weight[i] * (uii - uij[j])
            cj = weight[j] * (uji - ujj)
            chij0[j] = (MIN_CHALLENGE + max(ci, 0.0)) + max(cj, 0.0)
            chji0[j] = (MIN_CHALLENGE + max(-ci, 0.0)) + max(-cj, 0.0)
            chij[j] = chij0[j]
            chji[j] = chji0[j]
        for x in range(n):           # third parties, in KTAB's order
            if x == i:
                continue
            r = rhi[i, x]
            wn = weight[x]
            uni = _util(dist[x, i], r)
            unn = _util(dist[x, x], r)
            a_ik = uni + uni + (uni if commit == 0 else unn)     # u(ik def j) / 1
            a_i = uni + uni + (unn if commit == 2 else uni)      # u(i def jk)
            _third_parties(omd[x], md[x], r, wn, uni, unn, a_ik, a_i, commit, chij0, chji0, chij, chji, 0, x)
            _third_parties(omd[x], md[x], r, wn, uni, unn, a_ik, a_i, commit, chij0, chji0, chij, chji, x + 1, n)
        for j in range(n):
            s = chij[j] + chji[j]
            p = chij[j] / s
            q = chji[j] / s
            hkij = uii + uii
            hkji = uij[j] + uij[j]
            contest = p * hkij + q * hkji
            phij[k, j] = p
            edu[k, j] = ((1.0 - sal_sum[j]) * hkij + sal_sum[j] * contest) - (uii + uij[j])
    return phij, edu


def challenges(dist: np.ndarray, rhi: np.ndarray, weight: np.ndarray, sal_sum: np.ndarray,
               init: np.ndarray, commit: str = "semi") -> tuple[np.ndarray, np.ndarray]:
    """``smp_core.challenges`` for initiators ``init``, from the distances and estimated risks
    instead of the initiators' utility tables (memory n², not n³)."""
    return _challenges(np.ascontiguousarray(dist, float), np.ascontiguousarray(rhi, float),
                       np.ascontiguousarray(weight, float), np.ascontiguousarray(sal_sum, float),
                       np.ascontiguousarray(init, np.int64), COMMIT[commit])


@njit(cache=False, error_model="numpy")
def _bound(uii, uij, s):
    """An upper bound on i's expected gain from challenging j, whatever the third parties do:
    the contest's payoff is a mix of 2·u_ii and 2·u_ij, so at most the larger (with a margin
    far above rounding). Infinite (no pruning) where a salience sum is outside [0, 1]."""
    hi, lo, eu_sq = uii + uii, uij + uij, uii + uij
    if not (0.0 <= s <= 1.0 and np.isfinite(hi) and np.isfinite(lo)):
        return np.inf
    return ((1.0 - s) * hi + s * max(hi, lo)) - eu_sq + 1e-9 * (1.0 + abs(hi) + abs(lo))


@njit(cache=False, error_model="numpy")
def _best_challenges(dist, rhi, weight, sal_sum, commit):
    n = dist.shape[0]
    omd_t = np.ascontiguousarray((1.0 - dist).T)          # [j, x]: x's row of bsUtil, by j
    md_t = np.ascontiguousarray(np.minimum(dist, 1.0).T)
    best_j = np.zeros(n, np.int64)
    best_g = np.full(n, -np.inf)
    best_p = np.zeros(n)
    exact = np.ones(n, np.bool_)
    bound = np.empty(n)
    uni = np.empty(n)
    unn = np.empty(n)
    vn = np.empty(n)
    for i in range(n):
        uii = _util(dist[i, i], rhi[i, i])
        for j in range(n):
            bound[j] = -np.inf if j == i else _bound(uii, _util(dist[i, j], rhi[i, i]), sal_sum[j])
        for x in range(n):
            uni[x] = _util(dist[x, i], rhi[i, x])
            unn[x] = _util(dist[x, x], rhi[i, x])
        for j in np.argsort(-bound):                       # likeliest targets first
            if j == i or bound[j] < best_g[i]:             # no later j can reach the best
                break
            uij = _util(dist[i, j], rhi[i, i])
            uji = _util(dist[j, i], rhi[i, j])
            ujj = _util(dist[j, j], rhi[i, j])
            ci = weight[i] * (uii - uij)
            cj = weight[j] * (uji - ujj)
            chij = (MIN_CHALLENGE + max(ci, 0.0)) + max(cj, 0.0)
            chji = (MIN_CHALLENGE + max(-ci, 0.0)) + max(-cj, 0.0)
            for x in range(n):                             # the votes, vectorised ...
                r = rhi[i, x]
                wn = weight[x]
                a_ik = uni[x] + uni[x] + (uni[x] if commit == 0 else unn[x])
                a_i = uni[x] + uni[x] + (unn[x] if commit == 2 else uni[x])
                unj = omd_t[j, x] * (1.0 + md_t[j, x] * r)
                cn = (uni[x] - unj) * wn
                cni = max(cn, 0.0) + chij
                cnj = max(-cn, 0.0) + chji
                pin = cni / (cni + cnj)
                pjn = 1.0 - pin
                twice = unj + unj
                t1 = (twice + (unn[x] if commit == 2 else unj)) * pjn
                t2 = (twice + (unj if commit == 0 else unn[x])) * pjn
                vn[x] = ((pin * a_ik + t1) - (pin * a_i + t2)) * wn
            vn[i] = 0.0                                    # the initiator and the target do not vote
            vn[j] = 0.0
            sij, sji = chij, chji
            for x in range(n):                             # ... then added in KTAB's order
                sij += max(vn[x], 0.0)
                sji += max(-vn[x], 0.0)
            tot = sij + sji
            p = sij / tot
            q = sji / tot
            hkij = uii + uii
            hkji = uij + uij
            g = ((1.0 - sal_sum[j]) * hkij + sal_sum[j] * (p * hkij + q * hkji)) - (uii + uij)
            if g != g:                                     # NaN: leave this initiator to the full table
                exact[i] = False
                break
            if g > best_g[i] or (g == best_g[i] and j < best_j[i]):
                best_g[i], best_j[i], best_p[i] = g, j, p
    return best_j, best_g, best_p, exact


def best_challenges(dist: np.ndarray, rhi: np.ndarray, weight: np.ndarray, sal_sum: np.ndarray,
                    commit: str = "semi") -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For every initiator i: the target j of largest expected gain (first j on ties), that
    gain, and i's probability of winning. The same as the argmax over ``challenges``' table,
    but a target is worked out only while its bound can still beat the best so far (a few
    percent of them), so a turn costs about n² instead of n³."""
    args = [np.ascontiguousarray(x, float) for x in (dist, rhi, weight, sal_sum)]
    best_j, best_g, best_p, exact = _best_challenges(*args, COMMIT[commit])
    redo = np.flatnonzero(~exact)
    if redo.size:
        p, g = challenges(*args, redo, commit)
        g[np.arange(redo.size), redo] = -np.inf
        best_j[redo] = np.argmax(g, axis=1)
        best_g[redo] = g[np.arange(redo.size), best_j[redo]]
        best_p[redo] = p[np.arange(redo.size), best_j[redo]]
    return best_j, best_g, best_p


@njit(cache=False, error_model="numpy")
def _coalitions(w, u):
    nb, m = u.shape[1], u.shape[2]
    acc = np.full((nb, m, m), MIN_COALITION)
    for k in range(u.shape[0]):      # voters, in KTAB's order
        wk = w[k]
        for e in range(nb):
            for i in range(m):
                ui = u[k, e, i]
                for j in range(m):
                    v = wk * (ui - u[k, e, j])
                    acc[e, i, j] += max(v, 0.0)
    for e in range(nb):
        for i in range(m):
            acc[e, i, i] = MIN_COALITION
    return acc


def coalitions(w: np.ndarray, u: np.ndarray) -> np.ndarray:
    """``smp_core.coalitions``: u[voter, *batch, option], at most one batch axis."""
    u3 = np.ascontiguousarray(u.reshape(u.shape[0], -1, u.shape[-1]), float)
    c = _coalitions(np.ascontiguousarray(w, float), u3)
    return c.reshape(u.shape[1:] + u.shape[-1:])


@njit(cache=False, error_model="numpy")
def _bargain_sums(own, base, init, rcvr):
    n, nb = own.shape[0], base.shape[1]
    out = base.copy()
    for a in range(n):
        for x in range(n):           # everyone else stays: x by x, as KTAB adds them
            o = own[a, x]
            for b in range(nb):
                out[a, b] += o if (x != init[b]) & (x != rcvr[b]) else 0.0
    return out


def bargain_sums(own: np.ndarray, base: np.ndarray, init: np.ndarray, rcvr: np.ndarray) -> np.ndarray:
    """base[a, b] + Σ_x own[a, x] over the actors x that bargain b leaves where they are
    (``smp._bargain_utils``), summed in x's order."""
    return _bargain_sums(np.ascontiguousarray(own, float), np.ascontiguousarray(base, float),
                         np.ascontiguousarray(init, np.int64), np.ascontiguousarray(rcvr, np.int64))
