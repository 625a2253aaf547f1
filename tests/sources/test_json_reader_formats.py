"""Corpus JSON, generic article objects/arrays and JSON Lines."""
import datetime as dt
import json

import pytest

from detente.errors import SourceError
from detente.records import Document
from detente.sources import SourceFailure, iter_documents, read_file


def test_corpus_file_reads_text_and_metadata_and_ignores_gold(shared_dir):
    path = shared_dir / "corpus" / "dev" / "A011.json"
    gold = json.loads(path.read_text(encoding="utf-8"))
    doc, = read_file(path)
    assert doc.text == gold["text"]
    assert (doc.url, doc.outlet, doc.title) == (gold["url"], gold["outlet"], gold["title"])
    assert doc.published == dt.date.fromisoformat(gold["published"])


def test_generic_array_of_articles(tmp_path):
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([
        {"text": "First article body.", "title": "One", "source": "Wire", "date": "2026-02-05"},
        {"text": "Second article body.", "url": "https://example.org/2", "published": None},
    ]), encoding="utf-8")
    first, second = read_file(path)
    assert (first.title, first.outlet, first.published) == ("One", "Wire", dt.date(2026, 2, 5))
    assert second.url == "https://example.org/2" and second.published is None


def test_array_entry_without_text_fails_alone(tmp_path):
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([{"title": "no text"}, {"text": "Body."}]), encoding="utf-8")
    items = list(iter_documents([path]))
    assert isinstance(items[0], SourceFailure) and items[0].path.endswith("batch.json[0]")
    assert isinstance(items[1], Document) and items[1].text == "Body."


def test_json_that_is_not_an_article_is_an_error(tmp_path):
    path = tmp_path / "numbers.json"
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(SourceError, match="numbers.json"):
        read_file(path)
    path.write_text("{broken", encoding="utf-8")
    with pytest.raises(SourceError, match="numbers.json.*not valid JSON"):
        read_file(path)


def test_jsonl_bad_line_fails_alone_and_the_rest_go_on(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps({"text": "Article one."}), "{not json", "",
             json.dumps({"text": "Article two.", "published": "5 February"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_documents([path], reference_date=dt.date(2026, 2, 10)))
    assert [type(i).__name__ for i in items] == ["Document", "SourceFailure", "Document"]
    assert items[1].path.endswith("feed.jsonl:2") and "not valid JSON" in items[1].reason
    assert items[2].published == dt.date(2026, 2, 5)
    assert [d.text for d in read_file(path)] == ["Article one.", "Article two."]


def test_json_lines_saved_as_json_and_json_saved_as_jsonl(tmp_path):
    lines = tmp_path / "lines.json"
    lines.write_text('{"text": "One."}\n{"text": "Two."}\n', encoding="utf-8")
    assert [d.text for d in read_file(lines)] == ["One.", "Two."]
    pretty = tmp_path / "pretty.jsonl"
    pretty.write_text(json.dumps({"text": "Whole.", "title": "T"}, indent=2), encoding="utf-8")
    assert [d.title for d in read_file(pretty)] == ["T"]
