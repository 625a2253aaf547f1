"""A folder walk that ends: loops walked once, pipes never opened, unreadable folders named."""
import json
import os
import threading

import pytest

from detente.records import Document
from detente.sources import SourceFailure, iter_documents

ARTICLE = "Talks resume\n\nThe delegations met again on Thursday and agreed to meet next week.\n"


def _run(paths, seconds: float = 20.0):
    """iter_documents in a thread, so a blocking read fails the test instead of hanging it."""
    out: list = []
    worker = threading.Thread(target=lambda: out.extend(iter_documents(paths)), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "reading blocked"
    return out


def test_a_symlink_loop_is_walked_once(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a" / "loop").symlink_to(tmp_path)          # back to the top
    (tmp_path / "a" / "self").symlink_to(tmp_path / "a")    # to itself
    items = _run([tmp_path])
    assert [type(i) for i in items] == [Document]
    assert items[0].path == str(tmp_path / "a" / "one.txt")


def test_a_fifo_in_a_folder_or_named_is_refused_unopened(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(tmp_path / "b.txt")
    (tmp_path / "c.txt").write_text(ARTICLE.replace("Thursday", "Friday"), encoding="utf-8")
    items = _run([tmp_path, tmp_path / "b.txt"])
    assert [type(i).__name__ for i in items] == ["Document", "SourceFailure", "Document", "SourceFailure"]
    assert items[1].path == str(tmp_path / "b.txt") and "FIFO" in items[1].reason


def test_an_unreadable_subfolder_is_named_and_the_rest_goes_on(tmp_path, monkeypatch):
    for name in ("a", "b", "c"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "x.txt").write_text(ARTICLE.replace("Thursday", name), encoding="utf-8")
    import detente.sources.reader as reader
    real = reader.os.scandir

    def scandir(path):  # root reads anything, so permission is simulated where the walk asks
        if os.fspath(path) == str(tmp_path / "b"):
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(reader.os, "scandir", scandir)
    items = _run([tmp_path])
    assert [type(i).__name__ for i in items] == ["Document", "SourceFailure", "Document"]
    assert items[1].path == str(tmp_path / "b") and "Permission denied" in items[1].reason


def test_a_broken_symlink_is_named(tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    [failure] = _run([tmp_path])
    assert failure.path == str(tmp_path / "gone.txt") and "No such file" in failure.reason


@pytest.mark.parametrize("suffix", [".json", ".txt", ".jsonl"])
def test_deeply_nested_json_is_a_clear_failure(tmp_path, suffix):
    deep = "[" * 200_000 + "]" * 200_000
    path = tmp_path / f"deep{suffix}"
    good = json.dumps({"text": ARTICLE, "title": "Talks resume"})
    path.write_text(good + "\n" + deep + "\n" if suffix == ".jsonl" else deep, encoding="utf-8")
    (tmp_path / "fine.txt").write_text(ARTICLE.replace("Thursday", "Monday"), encoding="utf-8")
    items = _run([tmp_path])
    failures = [i for i in items if isinstance(i, SourceFailure)]
    assert [f.reason for f in failures] == ["JSON nested too deeply to read (an article object is a few levels deep)"]
    assert failures[0].path.startswith(str(path))
    assert sum(isinstance(i, Document) for i in items) == (2 if suffix == ".jsonl" else 1)
