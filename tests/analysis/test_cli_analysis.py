"""The analysis commands end to end: a hand-made ledger for the JSON shape; the real seed for what it must show."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from detente.cli import app
from detente.codebook import Codebook
from detente.ledger import Ledger
from tests.analysis.factories import add_claim

runner = CliRunner()


def test_shifts_json_shape(tmp_path):
    db = str(tmp_path / "ledger.sqlite")
    with Ledger(db, codebook=Codebook.bundled()) as ledger:
        add_claim(ledger, "RUS", "territory", 75, 0)
        add_claim(ledger, "RUS", "territory", 100, 9, source="anonymous", hedged=True)
    out = runner.invoke(app, ["shifts", "--format", "json", "--db", db])
    assert out.exit_code == 0, out.output
    items = json.loads(out.output)
    assert [i["kind"] for i in items] == ["new_demand", "escalation"]
    assert items[0]["before"] is None
    for key in ("party", "issue", "kind", "date", "confirmed", "before", "after"):
        assert key in items[1]
    for side in ("before", "after"):
        assert set(items[1][side]) >= {"id", "date", "position", "evidence", "source_type"}
    csv_out = runner.invoke(app, ["leaks", "--format", "csv", "--db", db])
    assert csv_out.exit_code == 0 and "unconfirmed" in csv_out.output
    bad = runner.invoke(app, ["shifts", "--format", "xml", "--db", db])
    assert bad.exit_code != 0


def test_a_stance_turn_shows_in_every_format(tmp_path):
    """A turn starts from an unplaced rejection: the table, JSON and CSV show it, none breaks."""
    db = str(tmp_path / "ledger.sqlite")
    with Ledger(db, codebook=Codebook.bundled()) as ledger:
        add_claim(ledger, "UKR", "territory", None, 0, stance="rejection", name="Volodymyr Zelensky")
        add_claim(ledger, "UKR", "territory", 25, 90, stance="acceptance", name="Volodymyr Zelensky")
    table = runner.invoke(app, ["shifts", "--db", db], env={"COLUMNS": "200"})
    assert table.exit_code == 0, table.output
    assert "unplaced" in table.output and "softening" in table.output
    [item] = json.loads(runner.invoke(app, ["shifts", "--format", "json", "--db", db]).output)
    assert item["before"]["position"] is None and item["after"]["position"] == 25
    csv_out = runner.invoke(app, ["shifts", "--format", "csv", "--db", db])
    assert csv_out.exit_code == 0 and "softening" in csv_out.output


def test_a_turn_to_an_unplaced_acceptance_shows_in_the_table_json_and_brief(tmp_path):
    db = str(tmp_path / "ledger.sqlite")
    with Ledger(db, codebook=Codebook.bundled()) as ledger:
        add_claim(ledger, "RUS", "process_talks", None, 0, stance="rejection", name="Vladimir Putin")
        add_claim(ledger, "RUS", "process_talks", None, 90, stance="acceptance", name="Vladimir Putin")
    table = runner.invoke(app, ["shifts", "--db", db], env={"COLUMNS": "200"})
    assert table.exit_code == 0, table.output
    assert "unplaced acceptance" in table.output
    [item] = json.loads(runner.invoke(app, ["shifts", "--format", "json", "--db", db]).output)
    assert item["position"] is None and item["after"]["position"] is None and item["kind"] == "softening"
    page = runner.invoke(app, ["brief", "--format", "markdown", "--db", db])
    assert page.exit_code == 0, page.output
    assert "softening (to an unplaced acceptance)" in page.output


def test_seed_move_to_de_jure_is_an_unconfirmed_escalation(tmp_path, shared_dir):
    """From an empty ledger: an earlier article with Russia's territorial demand, then the seed."""
    db = str(tmp_path / "ledger.sqlite")
    dev = shared_dir / "corpus" / "dev"
    ingest = runner.invoke(app, ["ingest", str(dev / "B008.json"), str(dev / "S001.json"), "--db", db])
    assert ingest.exit_code == 0, ingest.output
    items = json.loads(runner.invoke(app, ["shifts", "--party", "RUS", "--issue", "territory", "--format", "json",
                                           "--db", db]).output)
    [move] = [i for i in items if i["date"] == "2026-02-06"]
    assert move["kind"] == "escalation" and move["confirmed"] is False
    assert move["before"]["date"] < "2026-02-06" and move["before"]["position"] < move["after"]["position"]
    assert move["after"]["source_type"] == "anonymous"
    leaks = json.loads(runner.invoke(app, ["leaks", "--format", "json", "--db", db]).output)
    assert any(k["claim"]["id"] == move["after"]["id"] and k["status"] == "unconfirmed" for k in leaks)


def _small_ledger(tmp_path) -> str:
    db = str(tmp_path / "ledger.sqlite")
    with Ledger(db, codebook=Codebook.bundled()) as ledger:
        add_claim(ledger, "RUS", "territory", 90, 0)
        add_claim(ledger, "UKR", "territory", 0, 0)
        add_claim(ledger, "RUS", "territory", 100, 9, source="anonymous", hedged=True)
    return db


def test_forecast_seal_score_scenario_and_brief_commands(tmp_path):
    db = _small_ledger(tmp_path)
    sealed, outcomes = tmp_path / "sealed.json", tmp_path / "outcomes.yaml"
    out = runner.invoke(app, ["forecast", "--draws", "50", "--seal", str(sealed), "--db", db])
    assert out.exit_code == 0, out.output
    data = json.loads(sealed.read_text())
    assert len(data["commitment"]) == 64 and data["forecast"]["issues"][0]["issue"] == "territory"
    again = runner.invoke(app, ["forecast", "--draws", "50", "--seal", str(sealed), "--db", db])
    assert again.exit_code == 1 and json.loads(sealed.read_text()) == data   # a seal is never overwritten
    outcomes.write_text("territory: {outcome: 60, deadlock: true}\n")
    scored = runner.invoke(app, ["forecast", "score", str(sealed), str(outcomes)])
    assert scored.exit_code == 0, scored.output
    assert json.loads(scored.output)["brier"] is not None
    scen = runner.invoke(app, ["scenario", "--set", "RUS.territory=40", "--draws", "20", "--format", "json", "--db", db])
    assert scen.exit_code == 0, scen.output
    [diff] = json.loads(scen.output)["differences"]
    assert diff["compromise_after"] < diff["compromise_before"]
    bad = runner.invoke(app, ["scenario", "--set", "RUS.territory=lots", "--db", db])
    assert bad.exit_code != 0
    page = tmp_path / "brief.html"
    assert runner.invoke(app, ["brief", "--format", "html", "--out", str(page), "--db", db]).exit_code == 0
    assert "Where the talks stand" in page.read_text()
    md = runner.invoke(app, ["brief", "--format", "markdown", "--db", db])
    assert md.exit_code == 0 and "## Latest shifts" in md.output


def test_charts_are_written_as_html(tmp_path):
    db = _small_ledger(tmp_path)
    chart = tmp_path / "positions.html"
    out = runner.invoke(app, ["positions", "--chart", str(chart), "--db", db])
    assert out.exit_code == 0, out.output
    html = chart.read_text()
    assert "plotly" in html.lower() and "RUS" in html and "UKR" in html
    talks = tmp_path / "talks.html"
    assert runner.invoke(app, ["talks-vs-war", "--chart", str(talks), "--db", db]).exit_code == 0
    assert talks.stat().st_size > 0
    nested = tmp_path / "new" / "dir.html"  # a missing folder is made, as export makes its own
    made = runner.invoke(app, ["positions", "--chart", str(nested), "--db", db])
    assert made.exit_code == 0 and nested.stat().st_size > 0


def test_an_unknown_party_or_issue_is_an_error_not_an_empty_answer(tmp_path):
    """A typo in a filter must not read as "no shift": one line naming the case's choices, exit 1."""
    db = str(tmp_path / "ledger.sqlite")
    with Ledger(db, codebook=Codebook.bundled()) as ledger:
        add_claim(ledger, "RUS", "territory", 75, 0)
    for command in ("positions", "shifts", "leaks"):
        out = runner.invoke(app, [command, "--issue", "teritory", "--db", db])
        assert out.exit_code == 1 and "unknown issue 'teritory'" in out.output and "territory" in out.output
        out = runner.invoke(app, [command, "--party", "RU", "--db", db])
        assert out.exit_code == 1 and "unknown party 'RU'" in out.output and "RUS" in out.output
    assert runner.invoke(app, ["shifts", "--issue", "territory", "--party", "RUS", "--db", db]).exit_code == 0
