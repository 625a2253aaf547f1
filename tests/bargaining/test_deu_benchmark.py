"""The DEU benchmark's setup reproduces the reference compromise-model error (23.1 MAE)."""
import importlib.util
from pathlib import Path

import numpy as np
import pytest

from detente.bargaining.compromise import compromise
from detente.bargaining.io import read_deu_tsv
from detente.bargaining.scoring import accuracy

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "bargaining_deu3.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bargaining_deu3", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_nice_votes_table(bench):
    votes = bench.NICE_VOTES
    assert len(votes) == 28 and sum(votes.values()) == 352
    assert votes["de"] == 29 and votes["mt"] == 3 and votes["cr"] == 7


def test_compromise_model_reproduces_reference_mae(bench, benchmarks_dir):
    x = read_deu_tsv(benchmarks_dir / "deu3" / "deu3_blksv.tsv", capability=bench.capability())
    acc = accuracy(compromise(x).outcome, x.observed)
    assert acc.n == 353
    assert acc.mae == pytest.approx(23.1, abs=0.05)


def test_benchmark_writes_per_issue_csv(bench, benchmarks_dir, tmp_path, capsys):
    out = tmp_path / "deu.csv"
    assert bench.main(["--out", str(out), "--models", "compromise,median,zopa", "--draws", "200"]) == 0
    rows = out.read_text().splitlines()
    assert rows[0] == "isnr,outcome,compromise,median,zopa" and len(rows) == 365
    printed = capsys.readouterr().out
    assert "Held-out split" in printed and "most accurate on the held-out split" in printed
    assert np.isfinite(float(rows[1].split(",")[2]))
