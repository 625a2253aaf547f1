"""detente bargain run on bad inputs: one line saying what is wrong, never a traceback; nothing
silently dropped or defaulted."""
import pytest
from typer.testing import CliRunner

from detente.cli import app

runner = CliRunner()

GOOD = """scale: [0, 100]
issues: [t, u]
actors:
  - {name: A, capability: 10, position: {t: 20, u: 10}, salience: {t: 60, u: 50}}
  - {name: B, capability: 30, position: {t: 80, u: 90}, salience: {t: 40, u: 50}}
  - {name: C, capability: 20, position: {t: 50, u: 40}, salience: {t: 70, u: 20}}
"""


def bargain(*args):
    return runner.invoke(app, ["bargain", "run", *map(str, args)])


def one_line_error(result, *words):
    assert result.exit_code != 0
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    lines = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(lines) == 1, result.output
    for word in words:
        assert word in lines[0], lines[0]


@pytest.mark.parametrize("name, content, words", [
    ("garbage.tsv", b"whatever this is\nnot\tdeu\n", ["not a DEU TSV"]),
    ("empty.tsv", b"", ["not a DEU TSV"]),
    ("binary.csv", bytes(range(256)) * 8, ["binary"]),
    ("latin.csv", "Actor,Capability,Position,Salience\nCaf\xe9,1,2,0.5\n".encode("latin-1"), ["not UTF-8"]),
    ("actors5.yaml", b"scale: [0, 100]\nissues: [t]\nactors: 5\n", ["must be lists"]),
    ("scale.yaml", GOOD.replace("[0, 100]", "abc").encode(), ["scale"]),
    ("scale3.yaml", GOOD.replace("[0, 100]", "[0, 50, 100]").encode(), ["scale"]),
    ("position.yaml", GOOD.replace("position: {t: 20", "position: {t: .nan").encode(), ["actor A", "issue t", "position"]),
    ("positions.yaml", GOOD.replace("position: {t: 20, u: 10}", "position: 7").encode(), ["actor A", "position"]),
])
def test_bad_file_gives_one_line(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    one_line_error(bargain(path, "--model", "compromise"), name, *words)


def test_negative_draws_are_refused(tmp_path):
    path = tmp_path / "good.yaml"
    path.write_text(GOOD)
    result = bargain(path, "--draws", "-5")
    assert result.exit_code == 2 and "--draws" in result.output and "Traceback" not in result.output


def test_chart_into_a_missing_folder_creates_it(tmp_path):
    path = tmp_path / "good.yaml"
    path.write_text(GOOD)
    chart = tmp_path / "new" / "deeper" / "chart.html"
    result = bargain(path, "--chart", chart)
    assert result.exit_code == 0, result.output
    assert chart.is_file() and chart.stat().st_size > 1000
    assert not list(chart.parent.glob(".*.part"))


def test_chart_under_a_file_is_one_line(tmp_path):
    path = tmp_path / "good.yaml"
    path.write_text(GOOD)
    one_line_error(bargain(path, "--chart", path / "chart.html"), "--chart")


def test_all_zero_salience_warns(tmp_path):
    path = tmp_path / "zero.yaml"
    path.write_text(GOOD.replace("salience: {t: 60", "salience: {t: 0").replace("salience: {t: 40", "salience: {t: 0")
                    .replace("salience: {t: 70", "salience: {t: 0"))
    result = bargain(path, "--model", "compromise")
    assert result.exit_code == 0
    warnings = [line for line in result.output.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "issue t" in warnings[0]  # u keeps its saliences
