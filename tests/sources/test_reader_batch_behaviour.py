"""Batches: folders in a fixed order, failures reported and passed, duplicates read once."""
import json

from detente.records import Document
from detente.sources import PassedOver, SourceFailure, document_id, iter_documents

ARTICLE = "Talks resume\nThe delegations met again in Abu Dhabi on Thursday.\n"


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_folder_is_walked_recursively_sorted_and_hidden_files_skipped(tmp_path):
    _write(tmp_path / "b.txt", "B article\nbody b\n")
    _write(tmp_path / "a" / "z.txt", "Z article\nbody z\n")
    _write(tmp_path / "a" / "c.txt", "C article\nbody c\n")
    _write(tmp_path / ".hidden.txt", "Hidden\nbody\n")
    _write(tmp_path / ".cache" / "d.txt", "D article\nbody d\n")
    titles = [d.title for d in iter_documents([tmp_path])]
    assert titles == ["C article", "Z article", "B article"]


def test_the_same_article_in_two_formats_is_yielded_once(tmp_path):
    _write(tmp_path / "a.txt", ARTICLE)
    (tmp_path / "b.txt").write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    _write(tmp_path / "c.json", json.dumps({"text": "  " + ARTICLE.replace("\n", "\n\n"), "url": "u"}))
    docs = list(iter_documents([tmp_path]))
    assert len(docs) == 1 and docs[0].id == document_id(ARTICLE)


def test_failures_are_yielded_and_the_batch_goes_on(tmp_path):
    _write(tmp_path / "1.txt", "First\nbody one\n")
    (tmp_path / "2.txt").write_bytes(b"")
    (tmp_path / "3.txt").write_bytes(bytes(range(256)) * 10)
    _write(tmp_path / "4.txt", "Fourth\nbody four\n")
    items = list(iter_documents([tmp_path, tmp_path / "missing.txt"]))
    kinds = [(type(i).__name__, getattr(i, "title", None) or i.path.rsplit("/", 1)[-1]) for i in items]
    assert kinds == [("Document", "First"), ("SourceFailure", "2.txt"), ("SourceFailure", "3.txt"),
                     ("Document", "Fourth"), ("SourceFailure", "missing.txt")]
    assert "empty" in items[1].reason and "binary" in items[2].reason


def test_a_folder_yields_only_article_types_and_passes_over_the_rest(tmp_path):
    _write(tmp_path / "a.txt", "First\nbody one\n")
    _write(tmp_path / "notes.md", "# Notes\nto self\n")
    _write(tmp_path / "data.csv", "a,b\n1,2\n")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    _write(tmp_path / "sub" / "b.html", "<html><title>Second</title><body><p>body two</p></body></html>")
    assert [d.title for d in iter_documents([tmp_path])] == ["First", "Second"]
    passed = [i for i in iter_documents([tmp_path], report_passed_over=True) if isinstance(i, PassedOver)]
    assert [(p.path.rsplit("/", 1)[-1], p.reason) for p in passed] == [
        ("data.csv", "not an article type: .csv"), ("image.png", "not an article type: .png"),
        ("notes.md", "not an article type: .md")]


def test_a_file_named_explicitly_is_read_whatever_its_type(tmp_path):
    notes = _write(tmp_path / "notes.md", "Notes\nread because asked for\n")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    named, failed = iter_documents([notes, tmp_path / "image.png"], report_passed_over=True)
    assert named.title == "Notes" and isinstance(failed, SourceFailure) and "binary" in failed.reason


def test_documents_stream_before_later_paths_exist(tmp_path):
    first, second = tmp_path / "1.txt", tmp_path / "2.txt"
    _write(first, "First\nbody\n")

    def paths():
        yield first
        _write(second, "Second\nbody\n")  # only created once the first document was consumed
        yield second

    stream = iter_documents(paths())
    assert next(stream).title == "First" and not second.exists()
    assert next(stream).title == "Second"


def test_ids_are_short_hex_hashes_of_normalised_text():
    assert document_id("Caf\u00e9  talks\n") == document_id("Cafe\u0301 talks")
    assert len(document_id("x")) == 16 and int(document_id("x"), 16) >= 0
    assert document_id("a b") != document_id("a c")


def test_failure_record_is_typed():
    failure = SourceFailure(path="x.txt", reason="file is empty")
    assert failure.model_dump() == {"path": "x.txt", "reason": "file is empty"}
    assert not isinstance(failure, Document)


def test_a_single_path_is_not_iterated_character_by_character(tmp_path):
    path = _write(tmp_path / "one.txt", ARTICLE)
    assert [d.title for d in iter_documents(str(path))] == ["Talks resume"]


def test_a_ledger_kept_beside_the_articles_is_not_read_as_one(tmp_path):
    _write(tmp_path / "a.txt", "First\nbody one\n")
    for name in ("ledger.sqlite", "ledger.sqlite-wal", "ledger.sqlite-shm", "notes.db"):
        (tmp_path / name).write_bytes(b"SQLite format 3\x00" + bytes(range(256)))
    assert [type(i).__name__ for i in iter_documents([tmp_path])] == ["Document"]
    named, = iter_documents([tmp_path / "ledger.sqlite"])
    assert isinstance(named, SourceFailure) and "binary" in named.reason
