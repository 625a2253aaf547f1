"""Party, issue and event-type codes: any case resolves to the codebook's code in every command,
and a code the case does not define is one line naming the known ones, as in ``claims``."""
import datetime as dt
import json

import pytest

from detente.codebook import Codebook
from detente.ledger import Ledger
from tests.analysis.factories import add_claim
from tests.cli.test_bad_input_one_line import _one_line_error
from tests.ledger.factories import make_extraction


@pytest.fixture
def filled(run):
    """Two articles (a RUS and a UKR speaker, a strike each) and RUS and UKR apart on territory."""
    with Ledger(run.db, codebook=Codebook.bundled()) as ledger:
        ledger.ingest(make_extraction(1, dt.date(2026, 1, 10), speaker="Dmitry Peskov", party="RUS"))
        ledger.ingest(make_extraction(2, dt.date(2026, 2, 10), speaker="Rustem Umerov", party="UKR"))
        for on, (party, position) in enumerate((("RUS", 90), ("UKR", 0), ("RUS", 60))):
            add_claim(ledger, party, "territory", position, on)
    return run


def _rows(result) -> list[dict]:
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def test_quotes_and_events_check_their_codes_in_any_case(filled):
    line = _one_line_error(filled("quotes", "--party", "XYZ"))
    assert "unknown party 'XYZ'" in line and "RUS" in line and "NONE" in line
    line = _one_line_error(filled("events", "--type", "airstrike"))
    assert "unknown event type 'airstrike'" in line and "ground_fighting" in line
    assert [q["speaker"]["party"] for q in _rows(filled("quotes", "--party", "ukr", "--format", "jsonl"))] == ["UKR"]
    assert len(_rows(filled("events", "--type", "Strike", "--format", "jsonl"))) == 2
    assert {c["issue"] for c in _rows(filled("claims", "--issue", "TERRITORY", "--format", "jsonl"))} == {"territory"}


def test_claims_check_stance_and_source_type_too(filled):
    """A mistyped stance read as "nothing matches" would look like "no demands"."""
    line = _one_line_error(filled("claims", "--stance", "demnd"))
    assert "unknown stance 'demnd'" in line and "assessment" in line
    assert "unknown source type 'leak'" in _one_line_error(filled("claims", "--source-type", "leak"))
    demands = _rows(filled("claims", "--stance", "Demand", "--source-type", "OFFICIAL", "--format", "jsonl"))
    assert demands and {(c["stance"], c["source"]["type"]) for c in demands} == {("demand", "official")}


@pytest.mark.parametrize("command", ["positions", "shifts", "leaks"])
def test_analysis_commands_take_codes_in_any_case(filled, command):
    lower = filled(command, "--party", "rus", "--issue", "Territory", "--format", "json")
    assert lower.exit_code == 0, lower.output
    assert json.loads(lower.output) or command == "leaks"  # RUS has no leak on territory
    assert lower.output == filled(command, "--party", "RUS", "--issue", "territory", "--format", "json").output
    assert "unknown party 'XYZ'; the case's parties: RUS" in _one_line_error(filled(command, "--party", "XYZ"))


def test_scenario_and_forecast_overrides_take_codes_in_any_case(filled, tmp_path):
    def changes(*args):
        result = filled("scenario", *args, "--draws", "20", "--format", "json")
        assert result.exit_code == 0, result.output
        return json.loads(result.output)["changes"]

    assert changes("--set", "rus.Territory=50", "--drop", "usa") == {"positions": {"RUS": {"territory": 50.0}},
                                                                       "drop": ["USA"]}
    overrides = tmp_path / "o.yaml"
    overrides.write_text("positions:\n  ukr:\n    TERRITORY: 40\n", encoding="utf-8")
    result = filled("forecast", "--overrides", str(overrides), "--draws", "20", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["overrides"]["positions"] == {"UKR": {"territory": 40.0}}


def test_a_correction_takes_codes_in_any_case(filled):
    [claim] = _rows(filled("claims", "--party", "RUS", "--limit", "1", "--format", "jsonl"))
    assert filled("review", "claim", str(claim["id"]), "--correct", "party=ukr", "--by", "Ann").exit_code == 0
    [history] = _rows(filled("history", "claim", str(claim["id"]), "--format", "jsonl"))
    assert history["effective"]["party"] == "UKR"
    assert "unknown party 'XYZ'" in _one_line_error(filled("review", "claim", str(claim["id"]), "--correct",
                                                           "party=XYZ", "--by", "Ann"))
