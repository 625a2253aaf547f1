"""`detente serve --workers N`: N processes over one ledger, each building the same app from the environment."""
import json
import os
import subprocess
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from detente.api.app import SERVE_ENV, from_environment
from tests.api.conftest import fill
from tests.conftest import REPO_ROOT
from tests.web.conftest import CLI, free_port


@pytest.fixture
def stored(tmp_path):
    from detente.ledger import Ledger

    url = f"sqlite:///{tmp_path / 'served.sqlite'}"
    with Ledger(url) as ledger:
        fill(ledger, 0, 9)
    return url


def test_a_worker_builds_the_app_from_the_environment(stored, monkeypatch):
    monkeypatch.setenv(SERVE_ENV, json.dumps({"url": stored, "codebook": None, "cors_origins": [],
                                              "max_body": 2048, "open_reads": False}))
    with TestClient(from_environment(), raise_server_exceptions=False) as client:
        listed = client.get("/api/claims?limit=4").json()
        assert listed["count"] == 4 and listed["next"]
        assert client.get("/api/claims/facets").json()["facets"]["party"]
        too_big = client.post("/api/documents", content=b"x" * 4096, headers={"Content-Type": "text/plain"})
        assert too_big.status_code == 413 and set(too_big.json()) == {"error"}  # max_body reached the worker


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def test_serve_with_two_workers_answers_from_separate_processes(stored, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT / "src")}
    port = free_port()
    log = open(tmp_path / "serve.log", "w")
    process = subprocess.Popen([*CLI, "serve", "--db", stored, "--port", str(port), "--workers", "2"], env=env,
                               stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/claims?limit=1", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert process.poll() is None and time.monotonic() < deadline, (tmp_path / "serve.log").read_text()
            time.sleep(0.3)
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
            pages = [client.get("/api/claims", params={"party": "RUS", "limit": 2}).json() for _ in range(6)]
            assert all(p["items"] == pages[0]["items"] for p in pages) and pages[0]["count"] == 2
            assert client.get("/api/nothing").json()["error"]["status"] == 404
        if Path("/proc/self/stat").exists():
            assert len(children(process.pid)) >= 2
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


@pytest.mark.parametrize("threads", [1, 3])
def test_a_process_works_on_as_many_requests_at_once_as_it_has_threads(stored, threads):
    import anyio.to_thread

    from detente.api.app import create_app

    app = create_app(stored, threads=threads)

    @app.get("/_threads")
    async def pool_size():  # async: runs on the event loop, where the pool's limiter lives
        return anyio.to_thread.current_default_thread_limiter().total_tokens

    with TestClient(app) as client:  # the lifespan runs on entering
        assert client.get("/_threads").json() == threads
        assert client.get("/api/claims?limit=2").json()["count"] == 2
    app.state.ledger.close()


def test_a_pool_of_no_threads_is_refused(stored):
    from detente.api.app import create_app

    with pytest.raises(ValueError, match="threads"):
        create_app(stored, threads=0)
