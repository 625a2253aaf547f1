"""kill -9 at several moments of an ingest loses and duplicates nothing; two processes ingesting
overlapping folders into one new ledger store each article once."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from detente.ledger import Ledger
from tests.ledger.concurrent import EveryQuote, write_articles

REPO = Path(__file__).resolve().parents[2]
ARTICLES = 16
QUOTES = 30


def _worker(url: str, *folders: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), str(REPO)])}
    return subprocess.Popen([sys.executable, "-m", "tests.ledger.concurrent", url, *map(str, folders)],
                            cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _clean_counts(folder: Path, tmp_path: Path) -> dict:
    from detente.ledger.intake import ingest_paths

    with Ledger(f"sqlite:///{tmp_path / 'clean.sqlite'}") as ledger:
        list(ingest_paths([folder], ledger, EveryQuote()))
        return ledger.counts()


@pytest.fixture
def folder(tmp_path) -> Path:
    write_articles(tmp_path / "articles", range(ARTICLES), QUOTES)
    return tmp_path / "articles"


@pytest.mark.parametrize("after_lines, extra_wait", [(0, 0.0), (3, 0.003), (9, 0.011)])
def test_kill_9_then_reingest_equals_a_clean_run(db_url, folder, tmp_path, after_lines, extra_wait):
    worker = _worker(db_url, folder)
    if after_lines == 0:  # killed while starting: migrating the new ledger, or opening it
        time.sleep(1.0)
    for _ in range(after_lines):
        if not worker.stdout.readline():
            break
    time.sleep(extra_wait)
    worker.send_signal(signal.SIGKILL)
    worker.wait(30)
    with Ledger(db_url) as ledger:
        stored = ledger.counts()
        from detente.ledger.intake import ingest_paths
        outcomes = list(ingest_paths([folder], ledger, EveryQuote()))
        assert all(o.status in ("added", "skipped") for o in outcomes), [o.reason for o in outcomes]
        assert sum(o.status == "skipped" for o in outcomes) == stored["documents"]
        assert ledger.counts() == _clean_counts(folder, tmp_path)
        assert ledger.verify().problems == []
    assert stored["quote"] == stored["documents"] * QUOTES  # nothing half-written survived the kill


def test_two_processes_ingest_overlapping_folders_into_one_new_ledger(db_url, tmp_path):
    write_articles(tmp_path / "a", range(0, 10), 10)
    write_articles(tmp_path / "b", range(5, 15), 10)
    workers = [_worker(db_url, tmp_path / "a"), _worker(db_url, tmp_path / "b")]
    outputs = [w.communicate(timeout=120) for w in workers]
    assert [w.returncode for w in workers] == [0, 0], [err[-2000:] for _, err in outputs]
    lines = [line.split(" ", 1)[0] for out, _ in outputs for line in out.splitlines()]
    assert lines.count("failed") == 0 and lines.count("added") == 15 and lines.count("skipped") == 5
    with Ledger(db_url) as ledger:
        assert ledger.counts() == {"documents": 15, "quote": 150, "claim": 0, "event": 0}
        assert ledger.verify().problems == []
