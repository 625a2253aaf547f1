"""Bueno de Mesquita's expected-utility (EU) group decision model, as replicated by Scholz,
Calbert & Smith (2011, J. Theoretical Politics 23(4), "Unravelling Bueno De Mesquita's group
decision model").

Per issue and round: every actor's risk exponent r_i comes from how exposed its position is
(its "danger": the sum of the others' expected utilities of challenging it, relative to the
most and least exposed actors); every actor i then weighs each rival j:

    E_i(i→j) = s_j·[P·U_s + (1-P)·U_f] + (1-s_j)·U_s - Q·U_sq

with U_s = 2 - 4(½ - ½·d)^r, U_f = 2 - 4(½ + ½·d)^r, U_sq = 2 - 4·½^r, d the distance
over the initial range of positions, and P the share of all votes (capability × salience ×
utility difference) that i's side gathers. i expects a confrontation it loses (E_j > E_i > 0),
a compromise (E_j > 0 > E_i, E_j > |E_i|: i moves by |E_i/E_j| of the gap) or a capitulation
(E_j > 0 > E_i, |E_i| > E_j), and takes one offer: a confrontation first (the smallest move),
else a compromise, else a capitulation. Like Scholz's code, compromises are ranked by the
EU-weighted point between the two actors (``offer_choice="scholz"``); "least_move" ranks
them by the move as the papers describe. The prediction is the median voter position (the
position no other beats in pairwise votes) after the last round. Salience is on 0–100 here
and is read as the probability of resisting once divided by 100. The model never predicts
a deadlock. Each turn's "probabilities" are the actors' shares of the pairwise votes their
positions win (weights capability × salience), a summary, not part of the dynamics.
"""
from __future__ import annotations

import numpy as np

from detente.bargaining.inputs import BargainingInputs
from detente.bargaining.results import ModelResult, Turn, no_deadlock

DEFAULT_ROUNDS = 8
SALIENCE_SCALE = 100.0
STREAM_CELLS = 1 << 21  # vote tables larger than this are summed voter by voter


def _votes(x: np.ndarray, cs: np.ndarray, r: np.ndarray, rng: float) -> tuple[np.ndarray, float]:
    """(Σ_k max(V[k, a, b], 0), Σ |V|) where V[k, a, b] is voter k's weighted preference for
    actor a's position over b's. Many actors: voter by voter, so memory stays n², not n³."""
    dist = (np.abs(x[:, None] - x[None, :]) / rng) ** r[:, None]  # [k, a]
    if x.size ** 3 <= STREAM_CELLS:
        v = cs[:, None, None] * (dist[:, None, :] - dist[:, :, None])
        return np.clip(v, 0, None).sum(axis=0), float(np.abs(v).sum())
    wins, total = np.zeros((x.size, x.size)), 0.0
    for ck, dk in zip(cs, dist):
        v = ck * (dk[None, :] - dk[:, None])
        wins += np.clip(v, 0, None)
        total += float(np.abs(v).sum())
    return wins, total


def _eu_parts(d, prob, s_target, rr, q):
    u_s = 2 - 4 * (0.5 - 0.5 * d) ** rr
    u_f = 2 - 4 * (0.5 + 0.5 * d) ** rr
    u_sq = 2 - 4 * 0.5 ** rr
    return s_target * (prob * u_s + (1 - prob) * u_f) + (1 - s_target) * u_s - q * u_sq


def _eu(x, s, prob, r, rng, q):
    """E[i, j]: expected utility of i challenging j, every utility with exponent r (per row i)."""
    d = np.abs(x[:, None] - x[None, :]) / rng
    return _eu_parts(d, prob, s[None, :], r[:, None], q)


def _eu_against(x, s, prob, r, rng, q):
    """F[i, j]: expected utility of j challenging i, as i sees it (i's exponent r_i)."""
    d = np.abs(x[:, None] - x[None, :]) / rng
    return _eu_parts(d, prob.T, s[:, None], r[:, None], q)


def _probability(x, cs, r, rng) -> np.ndarray:
    """P[i, j]: i's side of the votes over all votes cast on every pair (Scholz's denominator)."""
    wins, total = _votes(x, cs, r, rng)
    if total <= 0:
        return np.zeros((x.size, x.size))
    p = wins / total
    return np.where(x[:, None] == x[None, :], 0.0, p)


def _risk(x, s, cs, rng, q) -> np.ndarray:
    """Risk exponents r_i from each actor's danger relative to the others' (r in [0.5, 2])."""
    ones = np.ones(x.size)
    e = _eu(x, s, _probability(x, cs, ones, rng), ones, rng, q)
    np.fill_diagonal(e, 0.0)
    danger = e.sum(axis=0)  # Σ_j E(j → i)
    spread = danger.max() - danger.min()
    big_r = np.zeros(x.size) if spread <= 0 else (2 * danger - danger.max() - danger.min()) / spread
    return (1 - big_r / 3) / (1 + big_r / 3)


def _pick(mask, key) -> tuple[np.ndarray, np.ndarray]:
    """Per row: whether any offer of this kind exists, and the column of the best one."""
    return mask.any(axis=1), np.argmin(np.where(mask, key, np.inf), axis=1)


def _offers(x, s, cs, r, rng, q, offer_choice: str) -> np.ndarray:
    """Each actor's new position after taking its best offer (or keeping its own)."""
    prob = _probability(x, cs, r, rng)
    e_own = _eu(x, s, prob, r, rng, q)              # [i, j] = E_i(i → j)
    e_other = _eu_against(x, s, prob, r, rng, q)    # [i, j] = E_i(j → i)
    other = np.broadcast_to(x[None, :], (x.size, x.size))
    differ = x[:, None] != x[None, :]
    conf = differ & (e_other > e_own) & (e_own > 0)
    comp = differ & (e_other > 0) & (e_own < 0) & (e_other > np.abs(e_own))
    cap = differ & (e_other > 0) & (e_own < 0) & (e_other < np.abs(e_own))
    with np.errstate(divide="ignore", invalid="ignore"):
        comp_pos = x[:, None] + (other - x[:, None]) * np.abs(e_own / e_other)
        comp_key = (np.abs(e_own) * x[:, None] + np.abs(e_other) * other) / (np.abs(e_own) + np.abs(e_other))
    move = np.abs(other - x[:, None])
    if offer_choice == "least_move":
        comp_key = np.abs(comp_pos - x[:, None])
    rows = np.arange(x.size)
    new = x.copy()
    for mask, pos, key in ((cap, other, move), (comp, comp_pos, comp_key), (conf, other, move)):
        has, col = _pick(mask, key)  # later kinds override earlier: confrontation wins
        new = np.where(has, pos[rows, col], new)
    return new


def median_voter(x: np.ndarray, cs: np.ndarray) -> float:
    """The position that survives pairwise votes, challengers taken in ascending order."""
    rng = max(float(x.max() - x.min()), 1e-12)
    cands = np.unique(x)
    best = cands[0]
    for p in cands[1:]:
        if (cs * (np.abs(x - best) - np.abs(x - p)) / rng).sum() > 0:
            best = p
    return float(best)


def _vote_share(x, cs) -> np.ndarray:
    """Each actor's share of the pairwise votes its position wins (reported per turn)."""
    v = _votes(x, cs, np.ones(x.size), max(float(np.ptp(x)), 1e-12))[0].sum(axis=1)
    return v / v.sum() if v.sum() > 0 else np.full(x.size, 1.0 / x.size)


def eu_issue(position, capability, salience, rounds: int = DEFAULT_ROUNDS, q: float = 1.0,
             offer_choice: str = "scholz") -> dict:
    """Run the EU model on one issue. salience on [0, 1]. Returns positions[t, n] (t = 0 the
    input), medians[t], means[t], shares[t, n]."""
    x = np.asarray(position, float).copy()
    c, s = np.asarray(capability, float), np.asarray(salience, float)
    cs = c * s
    cs_eff = cs if cs.sum() > 0 else np.ones_like(cs)
    rng = float(x.max() - x.min())
    hist = [x.copy()]
    for _ in range(rounds):
        if rng > 0 and cs.sum() > 0:
            r = _risk(x, s, cs, rng, q)
            x = _offers(x, s, cs, r, rng, q, offer_choice)
        hist.append(x.copy())
    pos = np.stack(hist)
    return {"positions": pos, "medians": np.array([median_voter(p, cs_eff) for p in pos]),
            "means": np.array([(cs_eff * p).sum() / cs_eff.sum() for p in pos]),
            "shares": np.stack([_vote_share(p, cs_eff) for p in pos])}


def expected_utility(x: BargainingInputs, rounds: int = DEFAULT_ROUNDS, q: float = 1.0,
                     offer_choice: str = "scholz", prediction: str = "median") -> ModelResult:
    """EU model issue by issue (over the actors present); outcome = last round's median voter
    position (BDM's forecast) or, with ``prediction="mean"``, the weighted mean of the final
    positions."""
    if prediction not in ("median", "mean"):
        raise ValueError(f"prediction must be 'median' or 'mean', not {prediction!r}")
    n, d = x.n_actors, x.n_issues
    pos = np.full((rounds + 1, n, d), np.nan)
    share = np.zeros((rounds + 1, n, d))
    medians, means = np.zeros((rounds + 1, d)), np.zeros((rounds + 1, d))
    for j in range(d):
        m = x.present[:, j]
        run = eu_issue(x.position[m, j], x.capability[m], x.salience[m, j] / SALIENCE_SCALE,
                       rounds, q, offer_choice)
        pos[:, m, j], share[:, m, j] = run["positions"], run["shares"]
        medians[:, j], means[:, j] = run["medians"], run["means"]
    turns = tuple(Turn(pos[t], share[t].mean(axis=1)) for t in range(rounds + 1))
    outcome = medians[-1] if prediction == "median" else means[-1]
    return ModelResult("eu", x.actors, x.issues, outcome, no_deadlock(d), turns=turns,
                       details={"median_by_round": medians, "mean_by_round": means,
                                "rounds": rounds, "offer_choice": offer_choice,
                                "prediction": prediction})
