"""Exports are all or nothing: a bad place or a full disk is one error, and no partial file."""
import errno
import json
import os
import stat

import pytest

from detente.errors import LedgerError
from detente.ledger import export as exporting
from tests.ledger.factories import make_extraction


@pytest.fixture
def filled(ledger):
    for n in range(3):
        ledger.ingest(make_extraction(n))
    return ledger


def _no_temporaries(folder):
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize("fmt, name", [("jsonl", "claims.jsonl"), ("csv", "claims.csv"),
                                       ("parquet", "claims.parquet"), ("plover", "claims.plover.jsonl")])
def test_a_full_disk_leaves_the_old_file_and_no_partial_one(filled, tmp_path, monkeypatch, fmt, name):
    target = tmp_path / name
    target.write_text("the export of yesterday\n", encoding="utf-8")
    real_write = exporting.Path.open

    class FullDisk:
        def __init__(self, handle):
            self.handle, self.written = handle, 0

        def write(self, data):
            self.written += 1
            if self.written > 1:
                raise OSError(errno.ENOSPC, "No space left on device")
            return self.handle.write(data)

        def __getattr__(self, name):
            return getattr(self.handle, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

    monkeypatch.setattr(exporting.Path, "open", lambda self, *a, **k: FullDisk(real_write(self, *a, **k)))

    def full_parquet(table, where):
        open(where, "wb").write(b"PAR1 half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(exporting.pq, "write_table", full_parquet)
    with pytest.raises(LedgerError, match=f"cannot write {target}: No space left on device"):
        exporting.export(filled, target, fmt, "claims")
    assert target.read_text(encoding="utf-8") == "the export of yesterday\n"
    assert _no_temporaries(tmp_path)


@pytest.mark.parametrize("where", ["/dev/full/claims.jsonl", "/dev/full", "/proc/version/out.jsonl"])
def test_impossible_places_are_one_line_errors(filled, where):
    with pytest.raises(LedgerError) as caught:
        exporting.export(filled, where, "jsonl", "claims")
    assert "\n" not in str(caught.value) and where.split("/")[2] in str(caught.value)


def test_a_folder_export_writes_strict_json(filled, tmp_path):
    written = exporting.export(filled, tmp_path / "out", "jsonl")
    for path in written:
        for line in path.read_text(encoding="utf-8").splitlines():
            json.loads(line, parse_constant=lambda c: pytest.fail(f"{c} in {path}"))
    assert _no_temporaries(tmp_path / "out")


def test_a_file_export_makes_its_folders_and_gets_the_umask_mode(filled, tmp_path):
    old = os.umask(0o022)
    try:
        [path] = exporting.export(filled, tmp_path / "new" / "dir" / "claims.csv", "csv", "claims")
    finally:
        os.umask(old)
    assert path.is_file() and stat.S_IMODE(path.stat().st_mode) == 0o644  # as open() leaves it, not 0600


def test_an_existing_file_keeps_its_mode_as_open_would_leave_it(tmp_path):
    target = tmp_path / "brief.html"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    with exporting.atomic(target) as tmp:
        tmp.write_text("new", encoding="utf-8")
    assert target.read_text(encoding="utf-8") == "new" and stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_file_where_its_folder_should_be_is_named(tmp_path):
    (tmp_path / "out").write_text("a file", encoding="utf-8")
    with pytest.raises(LedgerError) as caught, exporting.atomic(tmp_path / "out" / "brief.html"):
        pass
    assert str(caught.value) == f"cannot write {tmp_path}/out/brief.html: {tmp_path}/out is not a folder"
