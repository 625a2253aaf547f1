"""Plain-text articles: title, whole-file text, and datelines resolved only against a reference."""
import datetime as dt
import json

import pytest

from detente.sources import read_file
from detente.sources.dateline import find_dateline, resolve


def test_seed_text_matches_gold_corpus_text(shared_dir):
    doc, = read_file(shared_dir / "seed" / "kremlin-de-jure-2026-02-06.txt")
    gold = json.loads((shared_dir / "corpus" / "dev" / "S001.json").read_text(encoding="utf-8"))
    assert doc.text == gold["text"]
    assert doc.title == gold["title"]


def test_dateline_without_year_resolves_against_reference(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Talks resume\n6 February 09:17\nThe delegations met again.\n", encoding="utf-8")
    doc, = read_file(path, reference_date=dt.date(2026, 2, 10))
    assert doc.published == dt.date(2026, 2, 6)
    assert doc.warnings == []


def test_dateline_on_the_reference_day_is_not_pushed_back_a_year(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Talks resume\n6 February 09:17\nThe delegations met again.\n", encoding="utf-8")
    doc, = read_file(path, reference_date=dt.date(2026, 2, 6))
    assert doc.published == dt.date(2026, 2, 6)


def test_dateline_without_year_or_reference_is_left_empty_with_a_warning(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Talks resume\n6 February 09:17\nThe delegations met again.\n", encoding="utf-8")
    doc, = read_file(path)
    assert doc.published is None
    assert len(doc.warnings) == 1 and "6 February 09:17" in doc.warnings[0]


@pytest.mark.parametrize("line, expected", [
    ("February 6, 2025 09:17", dt.date(2025, 2, 6)),
    ("Friday, 6 February 2026", dt.date(2026, 2, 6)),
    ("2026-01-23", dt.date(2026, 1, 23)),
    ("Sept 3, 2025, 4:05 p.m. EDT", dt.date(2025, 9, 3)),
])
def test_datelines_with_a_year_need_no_reference(line, expected):
    found = find_dateline([line, "Body text."])
    assert found == line
    assert resolve(found, None) == (expected, None)


@pytest.mark.parametrize("line, expected", [
    ("Updated: 6 February 2026, 14:30 GMT+2", "6 February 2026, 14:30 GMT+2"),
    ("Published on Feb. 6, 2026 at 9:17 am (EST)", "Feb. 6, 2026 at 9:17 am (EST)"),
])
def test_dateline_prefixes_and_time_zones(line, expected):
    found = find_dateline(["Headline", line])
    assert found == expected
    assert resolve(found, None)[0] == dt.date(2026, 2, 6)


def test_unparseable_date_value_gives_a_warning_not_a_guess():
    date, warning = resolve("around the holidays", dt.date(2026, 2, 1))
    assert date is None and "could not be understood" in warning



def test_a_sentence_mentioning_a_date_is_not_a_dateline():
    lines = ["On 6 February the delegations met in Abu Dhabi.", "More text."]
    assert find_dateline(lines) is None


def test_title_is_first_non_empty_line_and_text_keeps_everything(tmp_path):
    path = tmp_path / "a.txt"
    content = "\n\n  Headline here  \nBody paragraph.\n"
    path.write_text(content, encoding="utf-8")
    doc, = read_file(path)
    assert doc.title == "Headline here"
    assert doc.text == content
    assert doc.published is None and doc.warnings == []


def test_iso_date_in_the_file_name_dates_a_yearless_dateline_and_says_so(tmp_path):
    path = tmp_path / "talks-2026-02-06.txt"
    path.write_text("Talks resume\n6 February 09:17\nThe delegations met again.\n", encoding="utf-8")
    doc, = read_file(path)
    assert doc.published == dt.date(2026, 2, 6)
    assert len(doc.warnings) == 1 and "file name" in doc.warnings[0]


def test_given_reference_date_wins_over_the_file_name(tmp_path):
    path = tmp_path / "talks-2025-02-06.txt"
    path.write_text("Talks resume\n6 February 09:17\nThe delegations met again.\n", encoding="utf-8")
    doc, = read_file(path, reference_date=dt.date(2026, 3, 1))
    assert doc.published == dt.date(2026, 2, 6) and doc.warnings == []


def test_impossible_date_in_the_file_name_is_ignored(tmp_path):
    path = tmp_path / "talks-2026-13-45.txt"
    path.write_text("Talks resume\n6 February 09:17\nThe delegations met again.\n", encoding="utf-8")
    doc, = read_file(path)
    assert doc.published is None


def test_dateline_with_its_own_year_needs_no_file_name_and_warns_nothing(tmp_path):
    path = tmp_path / "talks-2025-01-01.txt"
    path.write_text("Talks resume\n6 February 2026, 09:17\nThe delegations met again.\n", encoding="utf-8")
    doc, = read_file(path)
    assert doc.published == dt.date(2026, 2, 6) and doc.warnings == []
