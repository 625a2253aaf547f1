"""The analysis commands on bad input: one line naming what is wrong, exit 1, never a traceback;
and their machine formats stay parseable."""
from __future__ import annotations

import csv
import io
import json

import pytest

from detente.analysis import forecast
from detente.analysis.forecast import seal
from detente.codebook import Codebook
from detente.ledger import Ledger
from detente.records import Document, Event, Extraction
from tests.analysis.factories import add_claim, day
from tests.cli.test_bad_input_one_line import _one_line_error


@pytest.fixture
def talks(run):
    """RUS and UKR apart on territory; progress claimed in a week of more strikes (a divergence)."""
    with Ledger(run.db, codebook=Codebook.bundled()) as ledger:
        add_claim(ledger, "RUS", "territory", 90, 0)
        add_claim(ledger, "UKR", "territory", 0, 0)
        for n, on in enumerate((0, 7, 8)):
            text = f"Strike {n} hit."
            ledger.ingest(Extraction(document=Document(id=f"strike-{n}", text=text, published=day(on)),
                                     events=[Event(type="strike", date=day(on), evidence=text, start=0,
                                                   end=len(text))]))
        add_claim(ledger, "RUS", "process_talks", 75, 8, stance="assessment")
        run.sealed = seal(forecast(ledger, draws=20))
    return run


@pytest.mark.parametrize("changes, words", [
    ("positions:\n  RUS:\n    territory: abc\n", ["positions.RUS.territory", "'abc'"]),
    ("positions: [RUS]\n", ["positions", "dictionary"]),
    ("concession: x\n", ["concession", "'x'"]),
    ("drop: USA\n", ["drop", "list"]),
    ("positions:\n  RUS:\n    territory: 500\n", ["positions.RUS.territory", "100"]),
])
def test_bad_changes_are_one_line(talks, tmp_path, changes, words):
    path = tmp_path / "b.yaml"
    path.write_text(changes)
    for command in (("scenario", "--changes", str(path)), ("forecast", "--overrides", str(path))):
        line = _one_line_error(talks(*command, "--draws", "10"))
        assert all(w in line for w in words), line


@pytest.mark.parametrize("option", [("--set", "XYZ.territory=50"), ("--drop", "XYZ")])
def test_a_scenario_names_an_unknown_party(talks, option):
    assert "unknown party 'XYZ'" in _one_line_error(talks("scenario", *option, "--draws", "10"))


@pytest.mark.parametrize("outcomes, words", [
    ("territory: 60\n", ["outcomes.territory", "60"]),
    ("territory: {outcome: 600}\n", ["outcomes.territory.outcome", "100"]),
    ("territory: {outcome: 60, deadlock: maybe}\n", ["outcomes.territory.deadlock", "boolean"]),
    ("weather: {outcome: 50}\n", ["outcomes.weather", "no such issue"]),
])
def test_score_refuses_impossible_outcomes(talks, tmp_path, outcomes, words):
    sealed, path = tmp_path / "sealed.json", tmp_path / "outcomes.yaml"
    sealed.write_text(json.dumps(talks.sealed))
    path.write_text(outcomes)
    line = _one_line_error(talks("forecast", "score", str(sealed), str(path), db_option=False))
    assert all(w in line for w in words), line


def test_score_refuses_files_that_are_no_sealed_forecast(talks, tmp_path):
    outcomes, binary, other = tmp_path / "outcomes.yaml", tmp_path / "binary.txt", tmp_path / "other.json"
    outcomes.write_text("territory: {outcome: 60}\n")
    binary.write_bytes(bytes(range(256)))
    other.write_text('{"x": 1}')
    assert "not UTF-8" in _one_line_error(talks("forecast", "score", str(binary), str(outcomes), db_option=False))
    assert "not a sealed forecast" in _one_line_error(talks("forecast", "score", str(other), str(outcomes),
                                                            db_option=False))
    sealed = tmp_path / "sealed.json"
    sealed.write_text(json.dumps(talks.sealed))
    assert "not UTF-8" in _one_line_error(talks("forecast", "score", str(sealed), str(binary), db_option=False))


def test_review_of_an_id_past_the_database_is_no_such_record(talks):
    line = _one_line_error(talks("review", "claim", str(2**63), "--confirm", "--by", "x"))
    assert f"no claim with id {2**63}" in line


def test_talks_vs_war_machine_formats_parse_and_the_divergence_goes_to_stderr(talks):
    rows = talks("talks-vs-war", "--format", "csv")
    assert rows.exit_code == 0, rows.output
    table = list(csv.reader(io.StringIO(rows.stdout)))
    assert len(table) > 2 and {len(r) for r in table} == {len(table[0])}
    assert "divergence" in rows.stderr and "divergence" not in rows.stdout
    lines = talks("talks-vs-war", "--format", "jsonl")
    assert [json.loads(line)["start"] for line in lines.stdout.splitlines()]
    assert "divergence" in lines.stderr
    assert "divergence" in talks("talks-vs-war").stdout  # the table keeps it where a reader looks
