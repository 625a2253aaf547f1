"""detente codebook validate | show | cases."""
from __future__ import annotations

from typer.testing import CliRunner

from detente.cli import app
from detente.codebook.schema import bundled_cases

runner = CliRunner()


def _yaml(tmp_path, text: str):
    path = tmp_path / "case.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_cases_lists_bundled():
    result = runner.invoke(app, ["codebook", "cases"])
    assert result.exit_code == 0
    assert result.output.split() == bundled_cases()


def test_validate_ok_with_counts(tmp_path):
    path = _yaml(tmp_path, """
case: t
name: T
parties: [{code: RUS, name: Russia}, {code: UKR, name: Ukraine}]
actors: [{id: a, name: Anna B, party: UKR}]
issues: [{id: territory, name: Territory, description: d}]
""")
    result = runner.invoke(app, ["codebook", "validate", str(path)])
    assert result.exit_code == 0
    assert "OK t: 2 parties, 1 actors, 1 issues" in result.output


def test_validate_prints_errors_and_exits_1(tmp_path):
    path = _yaml(tmp_path, """
case: t
name: T
parties: [{code: RUS, name: Russia}]
actors: [{id: a, name: Anna B, party: UKR}]
issues: [{id: territory, name: Territory, description: d}]
""")
    result = runner.invoke(app, ["codebook", "validate", str(path)])
    assert result.exit_code == 1
    assert "unknown party 'UKR'" in result.output


def test_validate_missing_file(tmp_path):
    result = runner.invoke(app, ["codebook", "validate", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 1
    assert "cannot read codebook" in result.output


def test_show_bundled_with_role_on_date():
    result = runner.invoke(app, ["codebook", "show", "--case", "us_russia_ukraine", "--date", "2025-06-01"],
                           env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    assert "Parties" in result.output and "Actors" in result.output and "Issues" in result.output
    umerov = next(line for line in result.output.splitlines() if "rustem_umerov" in line)
    assert "defence minister" in umerov and "National Security" not in umerov


def test_show_path(tmp_path):
    path = _yaml(tmp_path, """
case: t
name: Tiny case
parties: [{code: RUS, name: Russia, names: [the Kremlin]}]
issues: [{id: territory, name: Territory, description: d}]
""")
    result = runner.invoke(app, ["codebook", "show", str(path)], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "Tiny case" in result.output and "the Kremlin" in result.output


def test_show_unknown_case_fails():
    result = runner.invoke(app, ["codebook", "show", "--case", "atlantis"])
    assert result.exit_code == 1
    assert "no bundled case 'atlantis'" in result.output
