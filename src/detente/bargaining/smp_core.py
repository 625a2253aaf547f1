"""The formulas of KTAB's spatial model of politics, as vectorised numpy (see ``smp.py``).

Ported from KTAB (KAPSARC, MIT licence; Copyright (c) 2015 King Abdullah Petroleum Studies and
Research Center): ``kmodel.cpp`` (votes, coalitions, victory probabilities, conditional PCE,
risk attitudes, third-party votes) and ``smp.cpp`` / ``smpbcn.cpp`` (salience-weighted
distance, utility, challenges, bargains). Everything works on KTAB's internal [0, 1] scale.

Sums and products that KTAB accumulates in a loop are accumulated here in the same order
(``seq_sum``, ``multiply.accumulate``), so results agree to the last bit and near-ties break
as they do in KTAB.
"""
from __future__ import annotations

import numpy as np

MIN_COALITION = 1e-8      # Model::coalitions
MIN_CHALLENGE = 1e-10     # SMPState::probEduChlg
MIN_SIG_EDU = 1e-5        # SMPState::bestChallenge
MIN_WEIGHT = 1e-6         # SMPActor::interpBrgnSnPm
STREAM_CELLS = 1 << 22    # larger vote tables are summed voter by voter: memory ~ n², not n³
KERNEL_MIN_ACTORS = 120   # from this many actors the n³ steps run compiled (smp_kernels);
                          # below, compiling (3–7 s) costs more than it saves

VICTORY_POWER = {"linear": 1, "square": 2, "quartic": 4, "octic": 8}
# (bigRRange) R_i = (a·p_i - (b·pMax + c·pMin)) / (e·(pMax - pMin))
RISK_RANGE = {"min": (1, 0, 1, 1), "mid": (3, 1, 2, 2), "max": (2, 1, 1, 1)}
# (bigRAdjust) weight of h's own attitude in h's estimate of i's: r^h_i = a·r_h + (1-a)·r_i
RISK_ADJUST = {"full": 0.0, "two_thirds": 1 / 3, "half": 0.5, "one_third": 2 / 3, "none": 1.0}


def pos(x: np.ndarray) -> np.ndarray:
    return np.maximum(x, 0.0)


def neg(x: np.ndarray) -> np.ndarray:
    return np.maximum(-x, 0.0)


def seq_sum(first, terms: np.ndarray) -> np.ndarray:
    """first + terms[0] + terms[1] + ..., added in that order (as KTAB's loops do; ``sum``
    may add pairwise). Small rows: one accumulate; large rows: a loop over rows is faster."""
    shape = terms.shape[1:]
    if np.ndim(first) == 0:
        acc = np.full(shape, float(first))
    else:
        acc = np.array(np.broadcast_to(first, shape), dtype=float)
    if acc.size < 64:
        return np.add.accumulate(np.concatenate([acc[None], terms]), axis=0)[-1]
    for t in terms:
        acc += t
    return acc


def sal_distance(ideal: np.ndarray, position: np.ndarray, sal: np.ndarray) -> np.ndarray:
    """vDiff[i, j]: distance from i's ideal to j's position, weighted by i's saliences
    (bvDiff). An actor with no salience anywhere is at distance 0 from everything (KTAB aborts)."""
    ds = (ideal[:, None, :] - position[None, :, :]) * sal[:, None, :]
    num = np.moveaxis(ds * ds, -1, 0)
    ss = np.moveaxis(sal * sal, -1, 0)
    num_sum = seq_sum(0.0, num)
    den = seq_sum(0.0, ss)[:, None]
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, np.sqrt(num_sum / np.where(den > 0, den, 1.0)), 0.0)


def utility(sd: np.ndarray, risk: np.ndarray) -> np.ndarray:
    """bsUtil: utility of a salience-weighted distance under risk attitude R in [-1/2, 1]."""
    return (1 - sd) * (1 + np.minimum(sd, 1.0) * risk)   # beyond 1 KTAB uses (1-sd)(1+R)


def _set_diagonal(x: np.ndarray, value: float) -> np.ndarray:
    idx = np.arange(x.shape[-1])
    x[..., idx, idx] = value
    return x


def coalitions(w: np.ndarray, u: np.ndarray) -> np.ndarray:
    """c[..., i, j]: strength of the coalition for option i against j, proportional votes
    w_k·(u[k,..,i] - u[k,..,j]) (Model::coalitions, VotingRule::Proportional). u is
    [voters, *batch, options]: several independent elections at once."""
    if u.ndim <= 3 and u.shape[0] >= KERNEL_MIN_ACTORS:
        from detente.bargaining import smp_kernels  # numba: imported only when needed
        return smp_kernels.coalitions(w, u)
    if u.size * u.shape[-1] <= STREAM_CELLS:
        wk = w.reshape((-1,) + (1,) * u.ndim)
        votes = wk * (u[..., :, None] - u[..., None, :])
        return _set_diagonal(seq_sum(MIN_COALITION, pos(votes)), MIN_COALITION)
    acc = np.full(u.shape[1:] + u.shape[-1:], MIN_COALITION)
    for wk, uk in zip(w, u):  # voter by voter, the same additions in the same order
        acc += pos(wk * (uk[..., :, None] - uk[..., None, :]))
    return _set_diagonal(acc, MIN_COALITION)


def victory(c: np.ndarray, model: str = "linear") -> np.ndarray:
    """pv[..., i, j]: probability option i beats j from coalition strengths (Model::vProb)."""
    k = VICTORY_POWER[model]
    x = c ** k if k != 1 else c
    return _set_diagonal(x / (x + np.swapaxes(x, -1, -2)), 0.5)


def conditional_pce(pv: np.ndarray, valid: np.ndarray | None = None) -> np.ndarray:
    """Probability each option beats all others, given that one does (Model::condPCE);
    options where ``valid`` is False are padding: they neither win nor are beaten."""
    if valid is not None:
        pv = np.where(valid[..., None, :], pv, 1.0)
    p = np.multiply.accumulate(pv, axis=-1)[..., -1]   # KTAB multiplies column by column
    if valid is not None:
        p = np.where(valid, p, 0.0)
    total = p.sum(axis=-1, keepdims=True)
    bad = ~((total > 0) & np.isfinite(total))
    if bad.any():                                      # underflow: same ratios in log space
        logp = np.log(np.maximum(pv, 1e-300)).sum(axis=-1)
        if valid is not None:
            logp = np.where(valid, logp, -np.inf)
        e = np.exp(logp - logp.max(axis=-1, keepdims=True))
        p = np.where(bad, e, p)
        total = p.sum(axis=-1, keepdims=True)
    return p / total


def scalar_pce(w: np.ndarray, u: np.ndarray, model: str = "linear",
               valid: np.ndarray | None = None) -> np.ndarray:
    """Model::scalarPCE: voters with weights w[n], utilities u[n, *batch, m] over m options."""
    return conditional_pce(victory(coalitions(w, u), model), valid)


def risk_attitudes(p: np.ndarray, rng: str = "mid") -> np.ndarray:
    """Model::bigRfromProb: likely winners are risk-averse (R high), likely losers
    risk-accepting. Equal chances everywhere mean no information: risk neutral."""
    a, b, c, e = RISK_RANGE[rng]
    lo, hi = p.min(), p.max()
    if hi - lo <= 0:
        return np.zeros_like(p)
    return (a * p - (b * hi + c * lo)) / (e * (hi - lo))


def estimated_risk(r: np.ndarray, adjust: str = "one_third") -> np.ndarray:
    """rhi[h, i]: h's estimate of i's risk attitude (Model::estNRA)."""
    a = RISK_ADJUST[adjust]
    if adjust == "one_third":
        return ((2.0 * r[:, None]) + r[None, :]) / 3.0
    if adjust == "two_thirds":
        return (r[:, None] + (2.0 * r[None, :])) / 3.0
    if adjust == "half":
        return (r[:, None] + r[None, :]) / 2
    return a * r[:, None] + (1 - a) * r[None, :]


def third_party_votes(wn, pin, uni, unj, unn, commit: str = "semi") -> np.ndarray:
    """Actor::thirdPartyVoteSU: n's vote between joining i against j or j against i.
    unj and pin are full arrays, the rest broadcast; worked in place (this is the hot loop)."""
    full, none_ = commit == "full", commit == "none"
    pjn = 1.0 - pin
    u_ik_j = pin * (uni + uni + (uni if full else unn))          # p(ik > j)·u(ik def j)
    twice = unj + unj
    t = twice + (unn if none_ else unj)
    t *= pjn                                                     # + p(j > ik)·u(j def ik)
    u_ik_j += t
    u_i_jk = pin * (uni + uni + (unn if none_ else uni))         # p(i > jk)·u(i def jk)
    np.add(twice, unj if full else unn, out=t)
    t *= pjn                                                     # + p(jk > i)·u(jk def i)
    u_i_jk += t
    u_ik_j -= u_i_jk
    u_ik_j *= wn
    return u_ik_j


def challenges(own: np.ndarray, weight: np.ndarray, sal_sum: np.ndarray, init: np.ndarray,
               commit: str = "semi") -> tuple[np.ndarray, np.ndarray]:
    """SMPState::probEduChlg(i, i, i, j) for initiators ``init`` against every j: i's estimate
    of the probability that i beats j when i challenges j (third parties join the side they
    expect to gain from), and of i's expected gain over the status quo.

    own[k, a, b] is initiator init[k]'s estimate of a's utility for b's position (its rows of
    the utility table); weight = capability × total salience. Returns (phij[b, n], edu[b, n]);
    the j == i cells are meaningless."""
    n, b = own.shape[1], init.size
    rows = np.arange(b)
    uii = own[rows, init, init][:, None]               # [b, 1]
    uij = own[rows, init, :]                           # [b, j]
    uji = own[rows, :, init]                           # [b, j]
    ujj = np.diagonal(own, axis1=1, axis2=2)           # [b, j]
    ci = weight[init][:, None] * (uii - uij)
    cj = weight[None, :] * (uji - ujj)
    chij0 = MIN_CHALLENGE + pos(ci) + pos(cj)
    chji0 = MIN_CHALLENGE + neg(ci) + neg(cj)
    uni = uji.T[:, :, None]                            # [x, b, 1]: x's utility for i
    unj = own.transpose(1, 0, 2)                       # [x, b, j]
    unn = ujj.T[:, :, None]                            # [x, b, 1]
    wn = weight[:, None, None]
    cn = uni - unj                                     # the same operations as wn·(uni - unj),
    cn *= wn                                           # chij0 + pos(cn) …, done in place
    cni = pos(cn)
    cni += chij0
    cnj = np.negative(cn, out=cn)
    np.maximum(cnj, 0.0, out=cnj)
    cnj += chji0
    pin = cni
    pin /= cni + cnj
    vn = third_party_votes(wn, pin, uni, unj, unn, commit)
    vn[init, np.arange(b), :] = 0.0                    # the initiator and the target do not vote
    vn[np.arange(n), :, np.arange(n)] = 0.0
    chij = seq_sum(chij0, pos(vn))
    chji = seq_sum(chji0, neg(vn))
    phij = chij / (chij + chji)
    phji = chji / (chij + chji)
    uhkij, uhkji = uii + uii, uij + uij
    eu_sq = uii + uij
    sj = sal_sum[None, :]
    eu_contest = phij * uhkij + phji * uhkji
    eu_challenge = (1 - sj) * uhkij + sj * eu_contest
    return phij, eu_challenge - eu_sq


def round4(x: np.ndarray) -> np.ndarray:
    """KTAB's ((int)(0.5 + x·1e4)) / 1e4 on [0, 1] positions."""
    return np.trunc(0.5 + (x * 10000.0)) / 10000.0


def interpolate(ti, si, pi, tj, sj, pj, power: int = 2) -> tuple[np.ndarray, np.ndarray]:
    """SMPActor::interpBrgnSnPm: the bargain's position for i and for j on each dimension,
    weighted by salience^n × win-probability^n (S2P2 by default); rows are bargains."""
    wi = (si ** power) * (pi[:, None] ** power)
    wj = (sj ** power) * (pj[:, None] ** power)
    den = wi + MIN_WEIGHT + wj
    bi = round4(((wi + MIN_WEIGHT) * ti + wj * tj) / den)
    bj = round4((wi * ti + (MIN_WEIGHT + wj) * tj) / den)
    return bi, bj
