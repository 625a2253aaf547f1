"""The SMP port against KTAB's own smpc logs (default parameters, deterministic runs)."""
from __future__ import annotations

import gzip
import re
from pathlib import Path

import numpy as np
import pytest

from detente.bargaining import smp_core as core
from detente.bargaining.io import read_ktab_csv
from detente.bargaining.smp import SMPParams, run_smp

KTAB = Path(__file__).resolve().parents[2].parent / "shared" / "benchmarks" / "ktab"
SCENARIOS = ["dummyData_3Dim", "SOE-Pol-Comp"]
HEADER_PARAMS = {"VictoryProbModel": "Linear", "VotingRule": "Prop", "PCEModel": "Conditional",
                 "StateTransitions": "Deterministic", "BigRRange": "Mid", "BigRAdjust": "OneThird",
                 "ThirdPartyCommit": "SemiCommit", "InterVecBrgn": "S2P2",
                 "BargnModel": "InitOnlyInterp"}


def _turn_positions(lines: list[str]) -> np.ndarray:
    """The 'postn i , 0 :' blocks KTAB prints after each turn (4 decimals, 0–100 scale)."""
    turns: list[dict[int, list[float]]] = []
    for k, line in enumerate(lines):
        m = re.match(r"postn (\d+) , 0 :", line)
        if m:
            if m.group(1) == "0":
                turns.append({})
            turns[-1][int(m.group(1))] = [float(v) for v in lines[k + 1].split()]
    return np.array([[t[i] for i in sorted(t)] for t in turns])


def _section(lines: list[str], title: str) -> list[list[float]]:
    start = next(k for k, line in enumerate(lines) if line.startswith(title)) + 1
    rows = []
    for line in lines[start:]:
        if ":" not in line or line.startswith(("History", "Finish")):
            break
        rows.append([float(v) for v in line.split(":", 1)[1].split()])
    return rows


@pytest.fixture(scope="module", params=[(s, c) for s in SCENARIOS for c in ("numpy", "compiled")],
                ids=lambda p: "-".join(p))
def case(request):
    """Each scenario run twice: on the numpy path and on the compiled kernels (smp_kernels)."""
    name, path = request.param
    log = KTAB / f"{name}.smpc_log.txt.gz"
    if not log.exists():
        pytest.fail(f"KTAB golden log absent: {log}")
    lines = gzip.open(log, "rt").read().splitlines()
    x = read_ktab_csv(KTAB / f"{name}.csv")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(core, "KERNEL_MIN_ACTORS", 0 if path == "compiled" else 10**9)
        return x, lines, run_smp(x.capability, x.position, x.salience, SMPParams())


def test_log_used_the_default_parameters(case):
    _, lines, _ = case
    header = dict(line.split(":", 1) for line in lines if line.split(":", 1)[0] in HEADER_PARAMS)
    assert {k: v.strip() for k, v in header.items()} == HEADER_PARAMS


def test_same_number_of_turns(case):
    _, lines, result = case
    states = int(re.search(r"There were (\d+) states", "\n".join(lines)).group(1))
    assert result.n_turns == states - 1
    assert result.stop_reason == "converged"


def test_positions_match_every_turn(case):
    x, lines, result = case
    golden = _turn_positions(lines)
    assert golden.shape == result.positions[1:].shape
    np.testing.assert_allclose(result.positions[0], x.position)
    np.testing.assert_allclose(result.positions[1:], golden, atol=0.1)   # the brief's bar
    np.testing.assert_allclose(result.positions[1:], golden, atol=1e-3)  # KTAB prints 4 decimals


def test_position_history_table_matches(case):
    x, lines, result = case
    n, d = x.position.shape
    table = np.array(_section(lines, "History of actor positions over time"))  # [n·d, t]
    ours = result.positions.transpose(1, 2, 0).reshape(n * d, -1)
    np.testing.assert_allclose(ours, table, atol=0.05 + 1e-9)


def test_winning_probabilities_match_every_turn(case):
    _, lines, result = case
    table = np.array(_section(lines, "History of actors' winning probabilities")).T  # [t, n]
    np.testing.assert_allclose(result.probabilities, table, atol=1e-4)
    np.testing.assert_allclose(result.probabilities[-1], table[-1], atol=1e-4)


def test_first_turn_risk_attitudes_match(case):
    """Step one of the port: KTAB's inferred risk attitudes before any bargaining."""
    from detente.bargaining.smp import _Actors, _state
    x, lines, _ = case
    k = lines.index(next(line for line in lines if line.startswith("Inferred risk attitudes")))
    golden = [float(v) for v in lines[k + 1:k + 1 + x.n_actors]]
    sal = x.salience / 100
    actors = _Actors(x.capability, sal, sal.sum(1) * x.capability, sal.sum(1))
    state = _state(x.position / 100, actors, SMPParams())
    np.testing.assert_allclose(state.risk, golden, atol=5e-4)
