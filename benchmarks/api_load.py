"""Load on the REST API over a generated million-claim ledger: p50/p95 latency and requests/s.

    python benchmarks/api_load.py                          # SQLite, 1,000,000 claims, 1/10/50 clients
    python benchmarks/api_load.py --postgres postgresql+psycopg://user@host/db   # (or $DETENTE_TEST_POSTGRES_URL)
    python benchmarks/api_load.py --claims 100000 --requests 200 --seconds 10      # a quick run
    python benchmarks/api_load.py --db out/load1m.sqlite --workers 2       # reuse a ledger; 2 server processes
    python benchmarks/api_load.py --db out/load1m.sqlite --threads 40      # the thread pool Starlette would use

The ledger is generated (synthetic articles: parties, issues, stances, source types and outlets
drawn with a fixed seed), `detente serve` runs it on 127.0.0.1, and a thread per client sends
requests over keep-alive connections, bounded by ``--requests`` per cell and ``--seconds``.
Endpoints: a list page (filters drawn from the facets' values, a random keyset cursor), a list
page with a date window (since, until or both), the facet counts (the same filters), one record,
and a static file as the same-run baseline (what the server and this machine cost with no ledger
work): each cell also gives p95 / baseline p95.
Facet counts are kept per ledger version, so the load phase mostly meets warm counts; the cold
cost (first request of each filter combination, serial) is measured and printed first.
"""
from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

PARTIES = ["RUS", "UKR", "USA", "EU", "GBR", "FRA", "DEU", "TUR", "NONE"]
PARTY_WEIGHTS = [30, 28, 20, 8, 4, 3, 3, 2, 2]
ISSUES = ["territory", "security_guarantees", "neutrality_military_limits", "ceasefire", "sanctions_assets",
          "elections_governance", "humanitarian_prisoners", "nuclear_plant", "economy_reconstruction",
          "process_talks", "other"]
STANCES = ["demand", "proposal", "rejection", "acceptance", "assessment"]
SOURCES = ["official", "anonymous", "media", "expert", "document", "author"]
OUTLETS = [f"Outlet {i:02d}" for i in range(25)]
CLAIMS_PER_DOC = 20


def build(url: str, claims: int, seed: int = 7) -> None:
    """Fill an empty ledger with ``claims`` claims (plus their articles and a quote per article)."""
    import sqlalchemy as sa

    from detente.ledger import Ledger
    from detente.ledger.models import ClaimRow, DocumentRow, QuoteRow

    ledger = Ledger(url)
    have = ledger.counts()["claim"]
    if have >= claims:
        print(f"ledger already holds {have:,} claims; reusing it")
        ledger.close()
        return
    if have:
        raise SystemExit(f"{url} holds {have:,} claims, fewer than asked: give an empty ledger")
    rng = random.Random(seed)
    start = dt.date(2025, 1, 1)
    now = dt.datetime.now(dt.timezone.utc)
    docs = claims // CLAIMS_PER_DOC
    t0 = time.perf_counter()
    with ledger.engine.begin() as conn:
        for first in range(0, docs, 2000):
            batch = range(first, min(first + 2000, docs))
            conn.execute(sa.insert(DocumentRow), [
                {"id": f"gen{n:08d}", "title": f"Generated article {n}", "outlet": rng.choice(OUTLETS),
                 "published": start + dt.timedelta(days=n * 500 // docs), "language": "en",
                 "text": f"Generated article {n}. " + "An official said talks went on. " * 10,
                 "url": f"https://example.org/{n}", "ingested_at": now} for n in batch])
            conn.execute(sa.insert(QuoteRow), [
                {"document_id": f"gen{n:08d}", "text": "talks went on", "start": 45, "end": 58, "kind": "indirect",
                 "speaker_name": "An official", "speaker_party": rng.choices(PARTIES, PARTY_WEIGHTS)[0]}
                for n in batch])
            rows = []
            for n in batch:
                for _ in range(CLAIMS_PER_DOC):
                    issue = rng.choice(ISSUES)
                    rows.append({
                        "document_id": f"gen{n:08d}", "party": rng.choices(PARTIES, PARTY_WEIGHTS)[0], "issue": issue,
                        "stance": rng.choice(STANCES), "position": rng.choice([None, 0.0, 25.0, 50.0, 75.0, 100.0]),
                        "position_cues": [], "summary": f"a claim on {issue}",
                        "evidence": "An official said talks went on.", "start": 24, "end": 56,
                        "source_type": rng.choices(SOURCES, [40, 25, 15, 10, 5, 5])[0], "source_chain": [],
                        "hedged": rng.random() < 0.3, "hedges": [], "confidence": 0.5})
            conn.execute(sa.insert(ClaimRow), rows)
            print(f"\r{(first + len(batch)) * CLAIMS_PER_DOC:,} claims", end="", flush=True)
    if ledger.engine.dialect.name == "sqlite":
        with ledger.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
    else:
        with ledger.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("ANALYZE")
    print(f"\rgenerated {claims:,} claims in {docs:,} articles in {time.perf_counter() - t0:.0f} s")
    ledger.close()


def filters(rng: random.Random) -> dict:
    """A filter combination a dashboard user would click: none, one facet, or two."""
    options = [{}, {"party": rng.choices(PARTIES, PARTY_WEIGHTS)[0]}, {"issue": rng.choice(ISSUES)},
               {"stance": rng.choice(STANCES)}, {"source_type": rng.choice(SOURCES)},
               {"party": rng.choices(PARTIES, PARTY_WEIGHTS)[0], "issue": rng.choice(ISSUES)},
               {"outlet": rng.choice(OUTLETS)}]
    return rng.choice(options)


def dated(rng: random.Random) -> dict:
    """A date window as the timeline's range picker sends it: since, until or both, over the 500 days."""
    first = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 450))
    last = first + dt.timedelta(days=rng.randint(7, 120))
    return rng.choice([{"since": first.isoformat()}, {"until": last.isoformat()},
                       {"since": first.isoformat(), "until": last.isoformat()}])


def make_requests(kind: str, n: int, max_id: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        if kind == "list":
            f = filters(rng)
            if rng.random() < 0.5:
                f["before"] = rng.randint(1, max_id)
            out.append("/api/claims?" + urlencode({**f, "limit": 50}))
        elif kind == "dated":
            out.append("/api/claims?" + urlencode({**filters(rng), **dated(rng), "limit": 50}))
        elif kind == "facets":
            out.append("/api/claims/facets?" + urlencode(filters(rng)))
        elif kind == "record":
            out.append(f"/api/claims/{rng.randint(1, max_id)}")
        else:
            out.append("/static/dashboard.css")
    return out


def run_cell(port: int, paths: list[str], clients: int, seconds: float) -> dict:
    """``clients`` threads share the request list; each keeps one connection open."""
    lock = threading.Lock()
    latencies: list[float] = []
    errors = []
    cursor = iter(paths)
    deadline = time.perf_counter() + seconds

    def client():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while time.perf_counter() < deadline:
            with lock:
                path = next(cursor, None)
            if path is None:
                break
            t = time.perf_counter()
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            took = time.perf_counter() - t
            with lock:
                latencies.append(took)
                if response.status != 200:
                    errors.append((path, response.status))
        conn.close()

    t0 = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    if errors:
        raise SystemExit(f"{len(errors)} failed requests, e.g. {errors[:3]}")
    return {"n": len(latencies), "p50_ms": 1000 * statistics.median(latencies),
            "p95_ms": 1000 * quantile(latencies, 0.95), "rps": len(latencies) / wall}


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def serve(url: str, workers: int = 1, threads: int | None = None) -> tuple[subprocess.Popen, int]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen([sys.executable, "-c", "from detente.cli import main; main()", "serve", "--db", url,
                                "--port", str(port), "--workers", str(workers),
                                *(["--threads", str(threads)] if threads else [])], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(600):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/static/dashboard.css")
            if conn.getresponse().status == 200:
                return process, port
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit(f"detente serve did not start: {process.stderr.read().decode()[-2000:]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--db", help="SQLite file to build (or reuse); default: a temporary one")
    parser.add_argument("--postgres", default=os.environ.get("DETENTE_TEST_POSTGRES_URL"),
                        help="run on this PostgreSQL database instead (must be empty or a previous run's)")
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument("--requests", type=int, default=400, help="requests per endpoint and client count")
    parser.add_argument("--seconds", type=float, default=20, help="time limit per endpoint and client count")
    parser.add_argument("--workers", type=int, default=1, help="`detente serve --workers`: server processes")
    parser.add_argument("--threads", type=int, help="`detente serve --threads`: requests a process works on at once")
    parser.add_argument("--out", default=str(ROOT / "out" / "api_load.json"))
    args = parser.parse_args()
    if args.postgres:
        url = args.postgres
    else:
        url = "sqlite:///" + (args.db or str(Path(tempfile.mkdtemp(prefix="detente-load-")) / "load.sqlite"))
    build(url, args.claims)
    from sqlalchemy import create_engine, func, select

    from detente.ledger.models import ClaimRow

    engine = create_engine(url)
    with engine.connect() as conn:
        max_id = conn.scalar(select(func.max(ClaimRow.id)))
    engine.dispose()
    process, port = serve(url, args.workers, args.threads)
    report = {"url": url.split("@")[-1], "claims": args.claims, "workers": args.workers, "threads": args.threads,
              "machine_cpus": os.cpu_count(),
              "load_avg_start": os.getloadavg()[0], "cells": []}
    try:
        run_cell(port, make_requests("list", 20, max_id, 99), 1, 60)  # warm the connection pool and caches of code
        cold = run_cell(port, sorted(set(make_requests("facets", 200, max_id, 1))), 1, 300)
        report["facets_cold"] = cold
        print(f"facets, cold (first request per filter combination, serial): n={cold['n']} "
              f"p50 {cold['p50_ms']:.1f} ms, p95 {cold['p95_ms']:.1f} ms")
        print(f"{'endpoint':<10}{'clients':>8}{'n':>6}{'p50 ms':>9}{'p95 ms':>9}{'req/s':>8}{'p95/base':>10}")
        for clients in args.clients:
            base = None
            for kind in ("static", "list", "dated", "facets", "record"):
                cell = run_cell(port, make_requests(kind, args.requests, max_id, 1000 + clients), clients, args.seconds)
                base = base or cell
                cell.update(endpoint=kind, clients=clients, p95_vs_static=cell["p95_ms"] / base["p95_ms"])
                report["cells"].append(cell)
                print(f"{kind:<10}{clients:>8}{cell['n']:>6}{cell['p50_ms']:>9.1f}{cell['p95_ms']:>9.1f}"
                      f"{cell['rps']:>8.1f}{cell['p95_vs_static']:>10.1f}", flush=True)
    finally:
        process.terminate()
        process.wait(timeout=30)
    report["load_avg_end"] = os.getloadavg()[0]
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(report, indent=1))
    print(f"load average {report['load_avg_start']:.1f} → {report['load_avg_end']:.1f}; written {args.out}")


if __name__ == "__main__":
    main()
