"""quotes, claims, events, review, history, export, report against a small filled ledger."""
import csv
import datetime as dt
import json

import pyarrow.parquet as pq
import pytest

from detente.ledger import Ledger
from tests.ledger.factories import make_extraction


@pytest.fixture
def filled(run):
    with Ledger(f"sqlite:///{run.db}") as led:
        led.ingest(make_extraction(1, dt.date(2026, 1, 10), speaker="Dmitry Peskov", party="RUS"))
        led.ingest(make_extraction(2, dt.date(2026, 2, 10), speaker="Rustem Umerov", party="UKR"))
    return run


def jsonl(result):
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def test_quotes_filters_and_formats(filled):
    assert [q["speaker"]["name"] for q in jsonl(filled("quotes", "--party", "UKR", "--format", "jsonl"))] == [
        "Rustem Umerov"]
    assert len(jsonl(filled("quotes", "--since", "2026-02-01", "--format", "jsonl"))) == 1
    assert len(jsonl(filled("quotes", "--search", "progress", "--limit", "1", "--format", "jsonl"))) == 1
    assert [q["document_id"] for q in jsonl(filled("quotes", "--document", "doc-0001", "--format", "jsonl"))] == [
        "doc-0001"]
    table = filled("quotes", "--speaker", "peskov")
    assert table.exit_code == 0 and "Dmitry Peskov" in table.output and "Umerov" not in table.output


def test_every_listing_prints_json_jsonl_and_csv_alike(filled):
    as_lines = jsonl(filled("claims", "--party", "RUS", "--format", "jsonl"))
    result = filled("claims", "--party", "RUS", "--format", "json")
    assert result.exit_code == 0 and json.loads(result.output) == as_lines
    rows = list(csv.DictReader(filled("claims", "--party", "RUS", "--format", "csv").output.splitlines()))
    assert [r["evidence"] for r in rows] == [c["evidence"] for c in as_lines]
    assert "source_type" in rows[0]  # the columns of `detente export`
    assert filled("events", "--format", "yaml").exit_code != 0


def test_claims_and_events_filters(filled):
    assert len(jsonl(filled("claims", "--party", "RUS", "--hedged", "--format", "jsonl"))) == 2
    assert jsonl(filled("claims", "--not-hedged", "--format", "jsonl")) == []
    assert len(jsonl(filled("events", "--type", "strike", "--place", "Kharkiv", "--format", "jsonl"))) == 2
    assert "nothing matches" in filled("events", "--type", "meeting").output


def test_bad_option_values_are_usage_errors(filled):
    result = filled("quotes", "--since", "last week")
    assert result.exit_code == 2 and "2026-02-06" in result.output
    assert filled("quotes", "--format", "xml").exit_code == 2


def test_review_correct_then_history_keeps_original(filled):
    done = filled("review", "claim", "2", "--correct", "party=UKR", "position=40", "--by", "Ann", "--note", "misread")
    assert done.exit_code == 0, done.output
    assert "claim 2: corrected by Ann" in done.output
    [claim] = jsonl(filled("claims", "--party", "UKR", "--format", "jsonl"))
    assert claim["position"] == 40.0 and claim["review"]["original"] == {"party": "RUS", "position": 100.0}
    [history] = jsonl(filled("history", "claim", "2", "--format", "jsonl"))
    assert history["original"]["party"] == "RUS" and history["effective"]["party"] == "UKR"
    assert history["reviews"][0]["note"] == "misread"
    assert "misread" in filled("history", "claim", "2").output


@pytest.mark.parametrize("args, message", [
    (["review", "claim", "1", "--by", "Ann"], "exactly one of"),
    (["review", "claim", "1", "--confirm", "--reject", "--by", "Ann"], "exactly one of"),
    (["review", "claim", "1", "--confirm", "party=UKR", "--by", "Ann"], "goes with --correct"),
    (["review", "claim", "1", "--correct", "party", "--by", "Ann"], "not FIELD=VALUE"),
])
def test_review_usage_errors(filled, args, message):
    result = filled(*args)
    assert result.exit_code == 2 and message in result.output


@pytest.mark.parametrize("args, message", [
    (["review", "claim", "9", "--confirm", "--by", "Ann"], "no claim with id 9"),
    (["review", "claim", "1", "--correct", "stance=shrug", "--by", "Ann"], "invalid correction"),
    (["review", "memo", "1", "--confirm", "--by", "Ann"], "unknown record kind"),
    (["history", "event", "7"], "no event with id 7"),
])
def test_ledger_errors_are_one_plain_line(filled, args, message):
    result = filled(*args)
    assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output


def test_reject_hides_record(filled):
    assert filled("review", "event", "1", "--reject", "--by", "Ann").exit_code == 0
    assert len(jsonl(filled("events", "--format", "jsonl"))) == 1


def test_export_each_format_reads_back(filled, tmp_path):
    assert filled("export", "--to", str(tmp_path / "csv"), "--format", "csv").exit_code == 0
    with (tmp_path / "csv" / "quotes.csv").open(newline="", encoding="utf-8") as f:
        assert {r["speaker_name"] for r in csv.DictReader(f)} == {"Dmitry Peskov", "Rustem Umerov"}
    parquet = filled("export", "--to", str(tmp_path / "c.parquet"), "--format", "parquet", "--what", "claims")
    assert parquet.exit_code == 0
    assert pq.read_table(tmp_path / "c.parquet").num_rows == 2
    assert filled("export", "--to", str(tmp_path / "e.jsonl"), "--format", "jsonl", "--what", "events").exit_code == 0
    assert len((tmp_path / "e.jsonl").read_text().splitlines()) == 2
    assert filled("export", "--to", str(tmp_path / "p.jsonl"), "--format", "plover").exit_code == 0
    kinds = [json.loads(line)["detente"]["kind"] for line in (tmp_path / "p.jsonl").read_text().splitlines()]
    assert kinds == ["event", "event", "claim", "claim"]


def test_export_command_offers_every_format():
    from detente.cli.export import FORMATS
    from detente.ledger import export

    assert FORMATS == export.FORMATS


def test_report_shows_the_counts(filled):
    result = filled("report")
    assert result.exit_code == 0, result.output
    assert "2 articles" in result.output and "2 quotes" in result.output
    assert "Dmitry Peskov" in result.output and "territory" in result.output


def test_reading_commands_do_not_create_a_ledger(run, tmp_path):
    result = run("quotes", db_option=False)
    assert result.exit_code == 1 and "no ledger at detente.sqlite" in result.output
    assert not (tmp_path / "detente.sqlite").exists()


def test_database_url_from_environment(filled, monkeypatch):
    monkeypatch.setenv("DETENTE_DATABASE_URL", f"sqlite:///{filled.db}")
    result = filled("quotes", "--format", "jsonl", db_option=False)
    assert len(jsonl(result)) == 2


def test_a_claims_filter_the_case_does_not_define_is_an_error(filled):
    """As in ``shifts``: a typo must not read as "no claims"; codes match whatever their case."""
    out = filled("claims", "--party", "XYZ")
    assert out.exit_code == 1 and "unknown party 'XYZ'" in out.output
    assert filled("claims", "--issue", "weather").exit_code == 1
    assert filled("claims", "--party", "rus").exit_code == 0
