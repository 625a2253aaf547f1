"""detente bargain run: JSON shape, all models, Monte Carlo, charts, errors."""
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import app

runner = CliRunner()

YAML = """
issues:
  - {id: territory, reference: 20}
  - {id: sanctions, reference: 80}
actors:
  - {name: UKR, capability: 30, veto: true, position: {territory: 0, sanctions: 90},
     salience: {territory: 95, sanctions: 60}, red_line: {territory: "<= 30"},
     range: {territory: [0, 10]}}
  - {name: RUS, capability: 60, veto: true, position: {territory: 100, sanctions: 0},
     salience: {territory: 90, sanctions: 80}, red_line: {territory: ">= 50"}}
  - {name: USA, capability: 80, position: {territory: 50, sanctions: 40},
     salience: {territory: 40, sanctions: 50}}
"""


@pytest.fixture
def case(tmp_path):
    p = tmp_path / "case.yaml"
    p.write_text(YAML)
    return p


def _run(*args):
    res = runner.invoke(app, ["bargain", "run", *map(str, args)])
    return res


def test_json_one_model_shape(case):
    res = _run(case, "--model", "eu", "--format", "json")
    assert res.exit_code == 0, res.output
    doc = json.loads(res.output)
    assert doc["model"] == "eu" and doc["issues"] == ["territory", "sanctions"]
    assert doc["actors"] == ["UKR", "RUS", "USA"]
    assert set(doc["outcome"]) == {"territory", "sanctions"}
    assert doc["deadlock"] == {"territory": False, "sanctions": False}
    turn = doc["turns"][0]
    assert len(turn["positions"]) == 3 and len(turn["positions"][0]) == 2
    assert len(turn["probabilities"]) == 3


def test_json_all_is_a_list_with_zopa_deadlock(case):
    res = _run(case, "--model", "all", "--format", "json")
    assert res.exit_code == 0, res.output
    docs = json.loads(res.output)
    by_model = {d["model"]: d for d in docs}
    assert {"compromise", "median", "nash", "zopa", "eu"} <= set(by_model)
    zopa = by_model["zopa"]
    assert zopa["deadlock"]["territory"] is True and zopa["outcome"]["territory"] is None
    assert zopa["notes"]["clashes"]["territory"]["at_most"] == ["UKR"]
    assert by_model["compromise"]["turns"] == []


def test_issue_filter_and_monte_carlo(case):
    res = _run(case, "--model", "compromise", "--issue", "territory", "--draws", "200",
               "--seed", "5", "--format", "json")
    doc = json.loads(res.output)
    assert doc["issues"] == ["territory"]
    assert 0.0 <= doc["deadlock"]["territory"] <= 1.0
    assert doc["notes"]["draws"] == 200 and "q05" in doc["notes"]["quantiles"]
    again = json.loads(_run(case, "--model", "compromise", "--issue", "territory", "--draws", "200",
                            "--seed", "5", "--format", "json").output)
    assert again["outcome"] == doc["outcome"]


def test_table_and_html_chart(case, tmp_path):
    out = tmp_path / "chart.html"
    res = _run(case, "--model", "all", "--chart", out)
    assert res.exit_code == 0, res.output
    assert "territory" in res.output and out.is_file()
    assert "plotly" in out.read_text()[:200000].lower()


def test_png_without_kaleido_says_so(case, tmp_path, monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "kaleido" else real(name, *a))
    res = _run(case, "--chart", tmp_path / "c.png")
    assert res.exit_code == 1 and "kaleido" in res.output


def test_bad_model_and_bad_input(case, tmp_path):
    res = _run(case, "--model", "oracle")
    assert res.exit_code == 1 and "unknown or unavailable model" in res.output
    bad = tmp_path / "bad.yaml"
    bad.write_text(YAML.replace("salience: {territory: 95", "salience: {territory: -5"))
    res = _run(bad)
    assert res.exit_code == 1 and "negative salience" in res.output


def test_table_names_the_actors_whose_red_lines_clash(case):
    res = _run(case, "--model", "zopa")
    assert res.exit_code == 0, res.output
    line = next(ln for ln in res.output.splitlines() if "red lines clash" in ln)
    assert "territory" in line and "at least: RUS" in line and "at most: UKR" in line
    assert "gap 20.0" in line
    assert "sanctions: red lines clash" not in res.output  # no red lines there


def test_example_scenario_in_the_repository_runs(tmp_path):
    example = Path(__file__).resolve().parents[2] / "examples" / "talks-2026-02.yaml"
    res = _run(example, "--model", "all", "--format", "json")
    assert res.exit_code == 0, res.output
    runs = json.loads(res.output)
    assert {r["model"] for r in runs} >= {"compromise", "zopa", "smp"}
    assert all(set(r["outcome"]) == {"territory", "security_guarantees"} for r in runs)
