"""`detente serve` on 127.0.0.1 over a ledger of ../shared/corpus/dev, driven by Debian's Chromium.

Playwright downloads nothing: it launches /usr/bin/chromium (``.ci/run`` installs it). Screenshots of
each page go to ``out/screenshots/`` (ignored by git), or to ``$DETENTE_SCREENSHOTS``.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import REPO_ROOT

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
CLI = [sys.executable, "-c", "from detente.cli import main; main()"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def screenshots() -> Path:
    folder = Path(os.environ.get("DETENTE_SCREENSHOTS") or REPO_ROOT / "out" / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def server(shared_dir, tmp_path_factory):
    """(base URL, API token) of a running `detente serve` over the dev corpus."""
    folder = tmp_path_factory.mktemp("served")
    db = str(folder / "dev.sqlite")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO_ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    env.pop("DETENTE_DATABASE_URL", None)
    subprocess.run([*CLI, "ingest", str(shared_dir / "corpus" / "dev"), "--db", db], check=True, env=env,
                   capture_output=True, timeout=600)
    made = subprocess.run([*CLI, "token", "create", "browser-tests", "--db", db], check=True, env=env,
                          capture_output=True, text=True, timeout=120)
    token = made.stdout.strip().splitlines()[-1]
    port = free_port()
    log = open(folder / "serve.log", "w")
    process = subprocess.Popen([*CLI, "serve", "--db", db, "--port", str(port)], env=env, stdout=log,
                               stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            if httpx.get(base + "/api/claims?limit=1", timeout=5).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"detente serve did not start: {(folder / 'serve.log').read_text()[-2000:]}")
        time.sleep(0.3)
    yield base, token
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium), as .ci/run does")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page whose console errors and uncaught exceptions are collected in ``page.problems``."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    tab = context.new_page()
    tab.problems = []
    tab.on("console", lambda msg: tab.problems.append(f"console {msg.type}: {msg.text}")
           if msg.type == "error" else None)
    tab.on("pageerror", lambda exc: tab.problems.append(f"page error: {exc}"))
    tab.on("requestfailed", lambda req: tab.problems.append(f"request failed: {req.url}"))
    yield tab
    context.close()
