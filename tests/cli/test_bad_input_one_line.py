"""Every command touched by #12 ends bad input with one line naming the file, never a traceback."""
import datetime as dt
import json
import os

import pytest
import sqlalchemy as sa

from detente.ledger import Ledger
from tests.ledger.factories import make_extraction

GOOD = 'Talks resume\n\nKyiv, 6 February 2026. An official said: "We are close to a deal." More talks follow.\n'


def _one_line_error(result):
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.output
    return errors[0]


@pytest.fixture
def filled(run):
    with Ledger(f"sqlite:///{run.db}") as ledger:
        ledger.ingest(make_extraction(1, dt.date(2026, 1, 10)))
    return run


def test_ingest_names_each_hostile_file_and_stores_the_rest(run, fake_extractor, tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    (folder / "sub" / "loop").symlink_to(folder)
    (folder / "deep.jsonl").write_text("[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    curly = "Talks go on\n\nKyiv, 7 February 2026. The envoy’s aide said: \"We are near a deal.\"\n"
    (folder / "damaged.txt").write_bytes(curly.encode("utf-8").replace(b"near", b"n\x93ar"))
    result = run("ingest", str(folder))
    assert result.exit_code == 1 and "Traceback" not in result.output
    failed = [line for line in result.output.splitlines() if line.startswith("failed")]
    assert len(failed) == 2
    assert any("pipe.txt" in line and "FIFO" in line for line in failed)
    assert any("deep.jsonl" in line and "nested too deeply" in line for line in failed)
    assert "2 added" in result.output and "replaced with U+FFFD" in result.output


def test_a_corrupt_ledger_is_one_line(run, tmp_path):
    (tmp_path / "ledger.sqlite").write_bytes(b"this is not a database at all" * 200)
    for command in (("quotes",), ("history", "claim", "1"), ("export", "--to", str(tmp_path / "o")),
                    ("review", "claim", "1", "--confirm", "--by", "ann"), ("verify",)):
        line = _one_line_error(run(*command))
        assert "ledger.sqlite" in line and "not a database" in line and "SELECT" not in line


def test_export_to_impossible_places(filled):
    for where in ("/dev/full/out", "/dev/full"):
        line = _one_line_error(filled("export", "--to", where, "--what", "claims"))
        assert "/dev/full" in line


def test_review_refuses_the_impossible_in_one_line(filled):
    for change in ("position=500", "position=nan", "party=XYZ", "issue=weather", "confidence=7", "start=-1",
                   "evidence=Not in the article"):
        _one_line_error(filled("review", "claim", "1", "--correct", change, "--by", "ann"))
    assert json.loads(filled("history", "claim", "1", "--format", "jsonl").output)["reviews"] == []


def test_verify_reports_the_first_broken_link(filled):
    assert filled("review", "claim", "1", "--confirm", "--by", "ann").exit_code == 0
    assert filled("review", "quote", "1", "--confirm", "--by", "bob").exit_code == 0
    ok = filled("verify")
    assert ok.exit_code == 0 and "2 reviews chained" in ok.output
    engine = sa.create_engine(f"sqlite:///{filled.db}")
    with engine.begin() as conn:
        conn.execute(sa.text("DROP TRIGGER reviews_no_update"))
        conn.execute(sa.text("UPDATE reviews SET reviewer = 'mallory' WHERE id = 1"))
    engine.dispose()
    bad = filled("verify")
    assert bad.exit_code == 1 and "review trail broken at review 1" in bad.output
    assert "broken at review 1" in filled("history", "claim", "1").output
