"""Compiled (numba) kernels for the two n³ steps of the SMP: challenges and coalitions.

Each does, element by element, the same floating-point operations in the same order as the
numpy reference in ``smp_core`` (``challenges``, ``coalitions``): sums over third parties and
voters are accumulated in their index order, products are not fused (numba's default, no
fastmath), so results are bit-identical. What they save is the n³ temporaries and passes over
memory: utilities are computed when used, never stored as an n × n × n table.

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
