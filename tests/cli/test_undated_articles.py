"""An article with no date is stored undated with a warning, counted, and can be dated later:
by reading its file again with --published, or by its id (an entry of a feed or JSON Lines file)."""
import datetime as dt
import json

from detente.ledger import Ledger
from tests.cli.test_bad_input_one_line import _one_line_error

UNDATED = 'Talks go on\n\nAn official said: "We are close to a deal." More talks are planned.\n'
DATED = 'Talks resume\n\n6 February 2026\n\nAn official said: "We are near." More talks follow.\n'


def _published(db: str) -> dict:
    with Ledger(db) as ledger:
        return {d.title: d.published for d in ledger.documents()}


def test_an_undated_article_is_warned_about_and_counted(run, fake_extractor, tmp_path):
    (tmp_path / "undated.txt").write_text(UNDATED, encoding="utf-8")
    (tmp_path / "dated.txt").write_text(DATED, encoding="utf-8")
    result = run("ingest", "undated.txt", "dated.txt")
    assert result.exit_code == 0, result.output
    [warning] = [line for line in result.stderr.splitlines() if "warning" in line]
    assert "undated.txt (Talks go on)" in warning and "detente ingest undated.txt --published YYYY-MM-DD" in warning
    assert "2 added, 0 skipped (already read), 0 failed, 1 stored undated" in result.stdout
    assert _published(run.db) == {"Talks go on": None, "Talks resume": dt.date(2026, 2, 6)}


def test_reading_an_undated_article_again_with_a_date_dates_it_and_keeps_a_date(run, fake_extractor, tmp_path):
    (tmp_path / "undated.txt").write_text(UNDATED, encoding="utf-8")
    (tmp_path / "dated.txt").write_text(DATED, encoding="utf-8")
    assert run("ingest", "undated.txt", "dated.txt").exit_code == 0
    again = run("ingest", "undated.txt", "dated.txt", "--published", "2026-02-09")
    assert again.exit_code == 0, again.output
    assert "dated   undated.txt  (stored undated; now dated 2026-02-09)" in again.stdout
    assert "0 added, 1 skipped (already read), 0 failed, 1 dated" in again.stdout and "warning" not in again.stderr
    assert _published(run.db) == {"Talks go on": dt.date(2026, 2, 9), "Talks resume": dt.date(2026, 2, 6)}
    listed = run("quotes", "--since", "2026-02-09", "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line)["published"] for line in listed] == ["2026-02-09"]  # its records take the new date
    later = run("ingest", "undated.txt", "--published", "2026-03-01")
    assert "0 added, 1 skipped" in later.stdout and _published(run.db)["Talks go on"] == dt.date(2026, 2, 9)


def test_reading_an_undated_article_again_without_a_date_says_it_is_still_undated(run, fake_extractor, tmp_path):
    (tmp_path / "undated.txt").write_text(UNDATED, encoding="utf-8")
    (tmp_path / "dated.txt").write_text(DATED, encoding="utf-8")
    assert run("ingest", "undated.txt", "dated.txt").exit_code == 0
    again = run("ingest", "undated.txt", "dated.txt")
    assert "undated.txt  (already in the ledger, still undated: --published DATE dates it)" in again.stdout
    assert "dated.txt  (already in the ledger)" in again.stdout


def test_an_entry_of_a_jsonl_file_is_dated_by_its_id(run, fake_extractor, tmp_path):
    (tmp_path / "feed.jsonl").write_text(json.dumps({"title": "Talks go on", "text": UNDATED}) + "\n",
                                         encoding="utf-8")
    result = run("ingest", "feed.jsonl")
    [warning] = [line for line in result.stderr.splitlines() if "warning" in line]
    with Ledger(run.db) as ledger:
        [doc] = ledger.documents()
    assert f"detente redate {doc.id} YYYY-MM-DD" in warning
    done = run("redate", doc.id, "2026-02-07")
    assert done.exit_code == 0 and doc.id in done.stdout and _published(run.db) == {"Talks go on": dt.date(2026, 2, 7)}
    assert "dated 2026-02-07 already" in _one_line_error(run("redate", doc.id, "2026-03-01"))
    assert "no document with id nope" in _one_line_error(run("redate", "nope", "2026-03-01"))
    assert run("redate", doc.id, "soon").exit_code == 2
