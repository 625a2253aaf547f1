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
