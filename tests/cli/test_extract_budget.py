"""detente extract/ingest --budget: an article over its time budget is reported by name with its
reason; the others are extracted and stored."""
import json


def write_batch(folder):
    folder.mkdir()
    (folder / "a.txt").write_text("Talks\n\nSergey Lavrov said that Moscow would not accept foreign troops.\n",
                                  encoding="utf-8")
    (folder / "b_long.txt").write_text("Talks\n\n" + "The delegations met in Geneva and talked until late. " * 7000,
                                       encoding="utf-8")
    (folder / "c.txt").write_text("More talks\n\n“We see progress,” Kirill Dmitriev said on Friday.\n",
                                  encoding="utf-8")
    return folder


def test_extract_reports_the_article_over_budget_and_prints_the_rest(run, tmp_path):
    folder = write_batch(tmp_path / "in")
    result = run("extract", str(folder), "--budget", "2", db_option=False)
    assert result.exit_code == 1
    assert "b_long.txt: extraction took longer than 2 s" in result.output
    assert "Traceback" not in result.output
    ids = [json.loads(line)["document"]["title"] for line in result.output.splitlines() if line.startswith("{")]
    assert ids == ["Talks", "More talks"]


def test_ingest_stores_the_others(run, tmp_path):
    folder = write_batch(tmp_path / "in")
    result = run("ingest", str(folder), "--budget", "2")
    assert result.exit_code == 1
    assert "2 added, 0 skipped (already read), 1 failed" in result.output
    assert "extraction took longer than 2 s (--budget SECONDS gives more, --budget 0 no limit)" in result.output


def test_a_negative_budget_is_refused_in_one_line(run, tmp_path):
    folder = write_batch(tmp_path / "in")
    result = run("extract", str(folder / "a.txt"), "--budget", "-3", db_option=False)
    assert result.exit_code == 1 and "budget" in result.output and "Traceback" not in result.output
