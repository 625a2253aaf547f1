"""KTAB's spatial model of politics (SMP), ported to vectorised numpy.

A faithful port of the ``smpc`` model of KTAB (github.com/KAPSARC/KTAB, KAPSARC, MIT licence;
Copyright (c) 2015 King Abdullah Petroleum Studies and Research Center; the algorithm is
re-expressed here, no KTAB code is copied) with KTAB's default parameters: linear victory
probability, proportional voting, conditional probabilistic Condorcet election (PCE),
deterministic transitions, risk attitudes inferred from each turn's PCE (range ``Mid``,
adjustment ``OneThird``), semi-committed third parties, S2P2 interpolated bargains proposed by
the initiator only, and KTAB's stopping rule. It reproduces KTAB's own logs turn by turn.

Each turn: every actor's utilities for every position (with inferred risk attitudes); every
actor i challenges the actor j where it expects most gain (third parties join the stronger
side); the pair's bargain interpolates their positions; each actor then adopts, among the
bargains that involve it and its status quo, the one the whole assembly most probably prefers
(a PCE over bargains). Positions are on 0–100 outside, [0, 1] inside as in KTAB.

From ``core.KERNEL_MIN_ACTORS`` actors on, the three n³ steps (challenges, coalitions, the sums
of bargains' utilities) run as compiled numba kernels (``smp_kernels``) that do the same
operations in the same order: the same results, bit for bit, in linear memory.

Where KTAB aborts (fewer than three actors, no salience, identical positions, all actors at
the ends of the scale) this port goes on: an actor without salience is indifferent to every
position, and when every position is equally likely to win all actors are risk neutral.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from detente.bargaining import smp_core as core
from detente.errors import BargainingInputError

CHUNK_CELLS = 1 << 18   # array cells per block (challenges, bargain elections): bounded memory


@dataclass(frozen=True)
class SMPParams:
    """KTAB's model parameters (defaults = KTAB's defaults) and its stopping rule."""

    victory: str = "linear"          # VPModel: linear | square | quartic | octic
    risk_range: str = "mid"          # BigRRange: min | mid | max
    risk_adjust: str = "one_third"   # BigRAdjust: full | two_thirds | half | one_third | none
    third_party: str = "semi"        # ThirdPartyCommit: full | semi | none
    bargain_power: int = 2           # InterVecBrgn: 2 = S2P2, 1 = S1P1
    min_turns: int = 2
    max_turns: int = 100
    min_delta_ratio: float = 0.02    # stop when a turn moves < 2% of what the first one moved
    min_sig_delta: float = 1e-4
    position_tol: float = 1e-3       # positions closer than this (on [0, 1]) are one option
    scale: tuple[float, float] = (0.0, 100.0)
    salience_scale: float = 100.0    # KTAB reads saliences on 0–100, each actor's sum ≤ 100

    def __post_init__(self) -> None:
        choices = {"victory": core.VICTORY_POWER, "risk_range": core.RISK_RANGE,
                   "risk_adjust": core.RISK_ADJUST, "third_party": ("full", "semi", "none"),
                   "bargain_power": (1, 2)}
        for name, allowed in choices.items():
            if getattr(self, name) not in allowed:
                raise BargainingInputError(
                    f"SMP parameter {name}={getattr(self, name)!r}; choose from {', '.join(map(str, allowed))}")


@dataclass(frozen=True, eq=False)
class SMPResult:
    """The run: positions[t, n, d] on the input scale (t = 0 is the input), each actor's
    probability that its position wins the PCE at each turn, probabilities[t, n]."""

    positions: np.ndarray
    probabilities: np.ndarray
    expected_outcome: np.ndarray     # Σ P(position wins) × position over the final distinct positions
    n_turns: int
    stop_reason: str                 # "converged" | "max_turns"

    @property
    def final_positions(self) -> np.ndarray:
        return self.positions[-1]


@dataclass
class _Actors:
    cap: np.ndarray       # [n] capability (KTAB's voting strength in PCEs)
    sal: np.ndarray       # [n, d] saliences on [0, 1]
    weight: np.ndarray    # [n] capability × total salience (strength in challenges)
    sal_sum: np.ndarray   # [n]


@dataclass
class _State:
    """``util(h)[k, i, j]``: actor h[k]'s estimate of i's utility for j's position, made from
    the distances and estimated risks when asked, never the whole n × n × n table."""

    pos: np.ndarray       # [n, d] on [0, 1]
    risk: np.ndarray      # [n] inferred risk attitudes
    dist: np.ndarray      # [i, j] salience-weighted distance from i's ideal to j's position
    rhi: np.ndarray       # [h, i] h's estimate of i's risk attitude

    def util(self, h: np.ndarray) -> np.ndarray:
        return core.utility(self.dist[None, :, :], self.rhi[h][:, :, None])

    def own(self) -> np.ndarray:
        """[a, x] a's utility for x's position (the diagonal h = i of the table)."""
        return core.utility(self.dist, np.diagonal(self.rhi)[:, None])


def run_smp(capability: np.ndarray, position: np.ndarray, salience: np.ndarray,
            params: SMPParams = SMPParams()) -> SMPResult:
    """Run KTAB's SMP until positions settle (or max_turns) and return the whole history."""
    cap = np.asarray(capability, float).reshape(-1)
    lo, hi = params.scale
    pos0 = (np.asarray(position, float).reshape(cap.size, -1) - lo) / (hi - lo)
    sal = _attention_shares(np.asarray(salience, float).reshape(pos0.shape) / params.salience_scale)
    actors = _Actors(cap, sal, sal.sum(axis=1) * cap, sal.sum(axis=1))
    state = _state(pos0, actors, params)
    history, probs = [pos0], [_win_probabilities(state, actors, params)]
    reason = "max_turns"
    for turn in range(1, params.max_turns + 1):
        state = _state(_step(state, actors, params), actors, params)  # drop the old utilities
        history.append(state.pos)
        probs.append(_win_probabilities(state, actors, params))
        if turn >= params.min_turns and _quiet(history, params):
            reason = "converged"
            break
    return _result(history, probs, params, reason)


def _attention_shares(sal: np.ndarray) -> np.ndarray:
    """KTAB reads salience as a share of an actor's attention (its sum over issues ≤ 100%)
    and refuses more; here an actor whose saliences add up to more is scaled down to 100%."""
    total = sal.sum(axis=1, keepdims=True)
    return np.where(total > 1.0, sal / np.where(total > 1.0, total, 1.0), sal)


def _state(pos: np.ndarray, a: _Actors, p: SMPParams) -> _State:
    """SMPState::setAllAUtil: risk-neutral PCE over actors' positions → risk attitudes →
    each actor's estimate of everyone's risk-aware utilities."""
    dist = core.sal_distance(pos, pos, a.sal)
    neutral = core.utility(dist, 0.0)
    prob = core.scalar_pce(a.cap, neutral, p.victory)
    risk = core.risk_attitudes(prob, p.risk_range)
    rhi = core.estimated_risk(risk, p.risk_adjust)
    return _State(pos, risk, dist, rhi)


def _step(s: _State, a: _Actors, p: SMPParams) -> np.ndarray:
    """SMPState::doBCN: challenges, bargains, then each actor's PCE over its bargains."""
    n = s.pos.shape[0]
    init, rcvr, prob_i, prob_j = _best_challenges(s, a, p)
    t_i, t_j = s.pos[init], s.pos[rcvr]
    b_i, b_j = core.interpolate(t_i, a.sal[init], prob_i, t_j, a.sal[rcvr], prob_j,
                                p.bargain_power)
    u_sq, u_b = _bargain_utils(s, a, init, rcvr, b_i, b_j)
    options = [np.concatenate([[0], 1 + np.flatnonzero((init == k) | (rcvr == k))]) for k in range(n)]
    choice = _choose_bargains(a, np.column_stack([u_sq, u_b]), options, p)
    new = s.pos.copy()
    for k in np.flatnonzero(choice > 0):
        b = choice[k] - 1
        new[k] = b_i[b] if init[b] == k else b_j[b]
    return new


def _choose_bargains(a: _Actors, u: np.ndarray, options: list[np.ndarray], p: SMPParams) -> np.ndarray:
    """SMPState::updateBestBrgnPositions for every actor: a PCE among the actor's options
    (columns of u[voter, option]), all voters judging; the likeliest wins, the first on ties.
    Elections of similar size are padded to one size and run together in blocks."""
    n = u.shape[0]
    chosen = np.zeros(len(options), int)
    for block in _blocks([len(o) for o in options], n):
        m = max(len(options[k]) for k in block)
        idx = np.zeros((len(block), m), int)
        valid = np.zeros((len(block), m), bool)
        for r, k in enumerate(block):
            idx[r, :len(options[k])], valid[r, :len(options[k])] = options[k], True
        prob = core.scalar_pce(a.cap, u[:, idx], p.victory, valid)
        chosen[block] = idx[np.arange(len(block)), np.argmax(prob, axis=1)]
    return chosen


def _blocks(sizes: list[int], n_voters: int) -> list[list[int]]:
    """Group elections by size so that padding wastes little and a block stays in cache."""
    blocks, current, cells = [], [], 0
    for k in sorted(range(len(sizes)), key=sizes.__getitem__):
        cost = n_voters * sizes[k] ** 2
        if current and (cells + cost > CHUNK_CELLS or sizes[k] > 2 * sizes[current[0]]):
            blocks.append(current)
            current, cells = [], 0
        current.append(k)
        cells += cost
    return blocks + ([current] if current else [])


def _best_challenges(s: _State, a: _Actors, p: SMPParams):
    """SMPState::bestChallenge: each i targets the j with the largest expected gain (first j
    on ties, gains ≤ 1e-5 ignored). Returns initiators, receivers, i's and j's estimates of
    the probability that i wins (as KTAB, the initiator's bargain uses 1 - P_i(i wins) for j)."""
    n = s.pos.shape[0]
    if n >= core.KERNEL_MIN_ACTORS:
        from detente.bargaining import smp_kernels  # numba: imported only when needed
        best, top, prob = smp_kernels.best_challenges(s.dist, s.rhi, a.weight, a.sal_sum,
                                                      p.third_party)
        init = np.flatnonzero(top > core.MIN_SIG_EDU)
        return init, best[init], prob[init], 1 - prob[init]
    step = max(1, CHUNK_CELLS // max(n * n, 1))   # initiators per block: bounded memory
    parts = [core.challenges(s.util(init), a.weight, a.sal_sum, init, p.third_party)
             for init in (np.arange(c, min(c + step, n)) for c in range(0, n, step))]
    prob = np.concatenate([q[0] for q in parts])
    gain = np.concatenate([q[1] for q in parts])
    gain[np.arange(n), np.arange(n)] = -np.inf
    best = np.argmax(gain, axis=1)
    ok = gain[np.arange(n), best] > core.MIN_SIG_EDU
    init, rcvr = np.flatnonzero(ok), best[ok]
    p_i = prob[init, rcvr]
    return init, rcvr, p_i, 1 - p_i


def _bargain_utils(s: _State, a: _Actors, init, rcvr, b_i, b_j):
    """brgnUtil: utility u[a, b] to actor a of the world where bargain b's two actors take
    their new positions and everyone else stays, averaged over actors; u_sq is the status quo."""
    n = s.pos.shape[0]
    own = s.own()                                          # [a, x] a's utility for x's position
    u_sq = core.seq_sum(np.zeros(n), own.T) / n
    u_init = core.utility(core.sal_distance(s.pos, b_i, a.sal), s.risk[:, None])
    u_rcvr = core.utility(core.sal_distance(s.pos, b_j, a.sal), s.risk[:, None])
    if n >= core.KERNEL_MIN_ACTORS:
        from detente.bargaining import smp_kernels  # numba: imported only when needed
        return u_sq, smp_kernels.bargain_sums(own, u_init + u_rcvr, init, rcvr) / n
    if n * n * init.size <= core.STREAM_CELLS:
        x = np.arange(n)[:, None, None]
        stay = (x != init[None, None, :]) & (x != rcvr[None, None, :])
        others = np.where(stay, own.T[:, :, None], 0.0)    # [x, a, b]
        return u_sq, core.seq_sum(u_init + u_rcvr, others) / n
    u_b = u_init + u_rcvr
    for x in range(n):  # + Σ_x (everyone else stays): x by x, as KTAB adds them
        stay = (x != init) & (x != rcvr)                   # [b]
        u_b += np.where(stay[None, :], own.T[x][:, None], 0.0)
    return u_sq, u_b / n


def _quiet(history: list[np.ndarray], p: SMPParams) -> bool:
    """smpStopFn: this turn moved less than min_delta_ratio of the first turn's movement."""
    d01 = _moved(history[0], history[1]) + p.min_sig_delta
    return _moved(history[-2], history[-1]) / d01 < p.min_delta_ratio


def _moved(pos1: np.ndarray, pos2: np.ndarray) -> float:
    """SMPModel::stateDist: the sum over actors of how far each moved."""
    return float(np.linalg.norm(pos1 - pos2, axis=1).sum())


def _win_probabilities(s: _State, a: _Actors, p: SMPParams) -> tuple[np.ndarray, np.ndarray]:
    """SMPState::pDist(-1) + posProb: a PCE over the distinct positions, each actor judging
    with its own utilities; an actor's probability is that of its (last equivalent) option."""
    n = s.pos.shape[0]
    close = np.linalg.norm(s.pos[:, None] - s.pos[None], axis=2) < p.position_tol
    unique: list[int] = []
    for i in range(n):
        if not close[i, unique].any():
            unique.append(i)
    own = s.own()
    prob_u = core.scalar_pce(a.cap, own[:, unique], p.victory)
    match = close[:, unique]
    last = match.shape[1] - 1 - np.argmax(match[:, ::-1], axis=1)
    return prob_u[last], prob_u @ s.pos[unique]


def _result(history: list[np.ndarray], probs: list, p: SMPParams, reason: str) -> SMPResult:
    lo, hi = p.scale
    prob, expected = zip(*probs)
    return SMPResult(np.stack(history) * (hi - lo) + lo, np.stack(prob),
                     expected[-1] * (hi - lo) + lo, len(history) - 1, reason)
