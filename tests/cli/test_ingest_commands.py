"""detente ingest: per-file outcomes, a summary, idempotent re-runs, bad files reported and the batch goes on."""
import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text


def count(db: str, table: str) -> int:
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        n = conn.execute(text(f"SELECT count(*) FROM {table}")).scalar()
    engine.dispose()
    return n


def test_ingest_then_again_skips(run, articles, fake_extractor):
    first = run("ingest", str(articles))
    assert first.exit_code == 0, first.output
    assert sum(line.startswith("added ") for line in first.output.splitlines()) == 3
    assert "3 added, 0 skipped" in first.output
    second = run("ingest", str(articles))
    assert second.exit_code == 0
    assert "0 added, 3 skipped" in second.output
    assert count(run.db, "documents") == 3 and count(run.db, "quotes") == 3


def test_published_option_dates_undated_articles(run, tmp_path, fake_extractor):
    path = tmp_path / "undated.txt"
    path.write_text('Nobody dated this. He said "maybe later" and left the room afterwards.\n', encoding="utf-8")
    assert run("ingest", str(path), "--published", "2026-03-01").exit_code == 0
    out = run("quotes", "--format", "jsonl").output
    assert '"published": "2026-03-01"' in out


def bad_files(folder):
    """The classic bad inputs, each with a word its error message must contain."""
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "huge.txt").write_bytes(b"a" * (50 * 1024 * 1024))
    return {"empty.txt": "empty", "binary.txt": "binary", "huge.txt": "limit"}


@pytest.mark.slow
def test_bad_files_reported_batch_goes_on_ledger_kept(run, articles, tmp_path, fake_extractor):
    assert run("ingest", str(articles)).exit_code == 0
    bad = tmp_path / "bad"
    bad.mkdir()
    expected = bad_files(bad)
    (bad / "late.txt").write_text('Later. A diplomat said: "Nothing new today at all, sorry." Fin.\n', encoding="utf-8")
    result = run("ingest", str(bad), str(articles))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    for name, word in expected.items():
        [line] = [line for line in lines if name in line]
        assert line.startswith("failed") and word in line.lower(), line
    assert "1 added, 3 skipped" in result.output and "3 failed" in result.output
    assert "Traceback" not in result.output
    assert count(run.db, "documents") == 4


def test_wrong_encoding_is_decoded_or_refused_plainly(run, tmp_path, fake_extractor):
    path = tmp_path / "latin1.txt"
    path.write_bytes('Kyiv. The minister said: "Les négociations continuent à Genève." Fin.\n'.encode("cp1252"))
    result = run("ingest", str(path))
    assert "Traceback" not in result.output
    if result.exit_code == 0:
        assert "Genève" in run("quotes", "--format", "jsonl").output
    else:
        assert "failed" in result.output


def test_truncated_html_keeps_what_arrived(run, tmp_path, fake_extractor):
    path = tmp_path / "cut.html"
    path.write_text('<html><head><title>Talks</title></head><body><article><p>The envoy said: "We are '
                    'making progress in the talks, step by step, every day." The talks con', encoding="utf-8")
    result = run("ingest", str(path))
    assert result.exit_code == 0, result.output
    assert "We are making progress in the talks" in run("quotes", "--format", "jsonl").output


def test_html_cut_before_any_text_fails_plainly(run, tmp_path, fake_extractor):
    path = tmp_path / "stub.html"
    path.write_text("<html><head><title>Tal", encoding="utf-8")
    result = run("ingest", str(path))
    assert result.exit_code == 1 and "Traceback" not in result.output
    [line] = [line for line in result.output.splitlines() if "stub.html" in line]
    assert line.startswith("failed") and len(line) > len("failed  stub.html: ")


def test_missing_path_is_reported_and_the_batch_goes_on(run, articles, tmp_path, fake_extractor):
    result = run("ingest", str(tmp_path / "nope.txt"), str(articles))
    assert result.exit_code == 1 and "Traceback" not in result.output
    [line] = [line for line in result.output.splitlines() if "nope.txt" in line]
    assert line.startswith("failed") and line.split("nope.txt", 1)[1].strip(": ")  # a reason is given
    assert "3 added" in result.output


def test_extract_prints_the_contract_per_document(run, articles, fake_extractor):
    result = run("extract", str(articles), db_option=False)
    assert result.exit_code == 0, result.output
    objects = [json.loads(line) for line in result.output.splitlines()]
    assert len(objects) == 3 and set(objects[0]) == {"document", "quotes", "claims", "events"}
    assert objects[0]["quotes"][0]["text"].startswith("We are close to a deal")
    assert not Path(run.db).exists()  # extract stores nothing


def test_extraction_bug_fails_one_article_not_the_batch(run, articles, monkeypatch):
    import detente.cli.articles as cli_articles
    from tests.cli.fakes import BreaksOnWord

    monkeypatch.setattr(cli_articles, "extractor_for", lambda *_: (BreaksOnWord("number 1."), {}))
    result = run("ingest", str(articles))
    assert result.exit_code == 1
    [bad] = [line for line in result.output.splitlines() if line.startswith("failed")]
    assert "a1.txt" in bad and "extraction failed (RuntimeError: component bug)" in bad
    assert "2 added" in result.output and "Traceback" not in result.output
    assert count(run.db, "documents") == 2


def test_a_duplicate_within_one_batch_is_reported_skipped(run, tmp_path, fake_extractor):
    text = 'Talks resume. A diplomat said: "Nothing new today at all, sorry." Fin.\n'
    (tmp_path / "one.txt").write_text(text, encoding="utf-8")
    (tmp_path / "two.txt").write_text(text, encoding="utf-8")
    result = run("ingest", str(tmp_path / "one.txt"), str(tmp_path / "two.txt"))
    assert result.exit_code == 0, result.output
    [line] = [line for line in result.output.splitlines() if "two.txt" in line]
    assert line.startswith("skipped") and "earlier article of this batch" in line
    assert "1 added, 1 skipped" in result.output and count(run.db, "documents") == 1


def test_a_guessed_date_is_shown_as_a_warning(run, tmp_path, fake_extractor):
    path = tmp_path / "kremlin-2026-02-06.txt"
    path.write_text("Talks resume\n6 February 09:17\nA diplomat said talks would resume in Geneva soon.\n",
                    encoding="utf-8")
    result = run("ingest", str(path))
    assert result.exit_code == 0, result.output
    assert "warning:" in result.output and "file name" in result.output


def test_a_ledger_filled_with_another_case_is_read_with_it(run, articles, monkeypatch):
    """The extractor and every later command take the case the ledger recorded, not the default."""
    import detente.cli.articles as cli_articles
    from tests.cli.fakes import OneQuoteExtractor

    used = []
    monkeypatch.delenv("DETENTE_CODEBOOK", raising=False)
    monkeypatch.setattr(cli_articles, "extractor_for", lambda codebook, *_: (used.append(codebook.case)
                                                                            or OneQuoteExtractor(), {}))
    other = str(Path(__file__).resolve().parents[2] / "examples" / "armenia_azerbaijan.yaml")
    assert run("ingest", str(articles / "a0.txt"), "--codebook", other).exit_code == 0
    assert run("ingest", str(articles / "a1.txt")).exit_code == 0
    assert used == ["armenia_azerbaijan", "armenia_azerbaijan"]
    refused = run("ingest", str(articles / "a2.txt"), "--codebook", "us_russia_ukraine")
    assert refused.exit_code == 1 and "holds the case 'armenia_azerbaijan'" in refused.output
    assert count(run.db, "documents") == 2


def _mixed_folder(folder: Path) -> Path:
    """Articles beside what else a folder of them holds: notes, a spreadsheet, an image."""
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text('Talks resume. A diplomat said: "We meet again on Friday." Fin.\n', encoding="utf-8")
    (folder / "notes.md").write_text("# Notes\nask Peskov about the map\n", encoding="utf-8")
    (folder / "data.csv").write_text("party,position\nRUS,100\n", encoding="utf-8")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (folder / "sub" / "b.html").write_text('<html><title>B</title><p>The envoy said: "Geneva is next."</p></html>',
                                           encoding="utf-8")
    return folder


def test_a_folder_passes_over_files_that_are_not_articles(run, tmp_path, fake_extractor):
    folder = _mixed_folder(tmp_path / "mixed")
    for summary in ("2 added, 0 skipped", "0 added, 2 skipped"):  # a re-run of the folder succeeds too
        result = run("ingest", str(folder))
        assert result.exit_code == 0, result.output
        passed = [line for line in result.output.splitlines() if line.startswith("passed")]
        assert [line.split()[1].rsplit("/", 1)[-1] for line in passed] == ["data.csv", "image.png", "notes.md"]
        assert f"{summary} (already read), 0 failed, 3 passed over" in result.output
    assert count(run.db, "documents") == 2


def test_a_file_named_explicitly_is_read_or_fails(run, tmp_path, fake_extractor):
    folder = _mixed_folder(tmp_path / "mixed")
    result = run("ingest", str(folder / "notes.md"), str(folder / "image.png"))
    assert result.exit_code == 1
    assert "1 added, 0 skipped (already read), 1 failed" in result.output and "binary" in result.output


def test_extract_notes_passed_over_files_without_failing(run, tmp_path, fake_extractor):
    result = run("extract", str(_mixed_folder(tmp_path / "mixed")), db_option=False)
    assert result.exit_code == 0, result.output
    assert "passed  " in result.output and len([line for line in result.output.splitlines()
                                               if line.startswith("{")]) == 2
