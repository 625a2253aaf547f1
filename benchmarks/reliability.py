"""Inputs tried, faults injected, what was lost: the reliability checks of issue #12 in one run.

Hostile inputs (written here, each beside a good article of our own) go through the ingest
loop with the real extractor; ingests are killed with SIGKILL at several moments and then
re-run; two processes open one new ledger at once; impossible reviews, a rewritten review
trail and exports to impossible places are tried. On SQLite, and on PostgreSQL where
``--postgres URL`` or ``DETENTE_TEST_POSTGRES_URL`` names a server (a database per check).

    .venv/bin/python benchmarks/reliability.py [--moments 6] [--postgres URL]
"""
from __future__ import annotations

import argparse
import errno
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

GOOD = ("Ceasefire talks resume in Geneva\n\nGENEVA, 6 February 2026\n\n"
        "Ukraine's negotiators said on Friday that they were ready to discuss a ceasefire along the "
        "current line. \"We came here to stop the killing,\" a senior Ukrainian official said.\n")
CURLY = ("Envoys meet again\n\nKYIV, 7 February 2026\n\nThe envoy’s aide said “progress” was made on "
         "prisoner exchanges, and the minister’s office agreed to meet next week.\n")
REPORTED = ("US weighs security guarantees for Ukraine\n\nWASHINGTON, 6 February 2026\n\n"
            "Senior U.S. officials indicated that the Trump administration may be prepared to offer "
            "Congress-approved, NATO-like guarantees to Ukraine. The offer could be discussed in Geneva "
            "next week, according to people familiar with the talks.\n")
DEEP = "[" * 100_000 + "]" * 100_000


def _damaged(text: str, words: list[str]) -> bytes:
    data = text.encode("utf-8")
    for word in words:
        i = data.index(word.encode())
        data = data[:i] + b"\x93" + data[i + 1:]
    return data


def _html(depth: int) -> str:
    return ("<html><head><title>Deep</title></head><body>" + "<div>" * depth
            + "<p>Negotiators agreed to exchange prisoners of war next week, officials said on Friday.</p>"
            + "</div>" * depth + "</body></html>")


# name -> (files to write: {relative path: bytes | "fifo" | ("link", target)}, expected outcome)
INPUTS = {
    "the issue's article (claims before document)": ({"a.txt": REPORTED.encode()}, "stored"),
    "empty file": ({"a.txt": b""}, "failed"),
    "whitespace only": ({"a.txt": b" \n\t\n"}, "failed"),
    "random binary": ({"a.txt": os.urandom(3000)}, "failed"),
    "NUL bytes in text": ({"a.txt": b"Talks\x00 resume\x00" * 50}, "failed"),
    "FIFO in the folder": ({"pipe.txt": "fifo"}, "failed"),
    "symlink loop": ({"sub/loop": ("link", "..")}, "nothing"),
    "broken symlink": ({"gone.txt": ("link", "nowhere.txt")}, "failed"),
    "deeply nested JSON (.json)": ({"a.json": DEEP.encode()}, "failed"),
    "deeply nested JSON (.txt)": ({"a.txt": DEEP.encode()}, "failed"),
    "deeply nested JSON line (.jsonl)": ({"a.jsonl": (DEEP + "\n").encode()}, "failed"),
    "empty JSON array": ({"a.json": b"[]"}, "failed"),
    "JSON of the wrong shape": ({"a.json": b"42"}, "failed"),
    "truncated JSON": ({"a.json": b'{"text": "Talks resume in'}, "failed"),
    "UTF-8 with one bad byte": ({"a.txt": _damaged(CURLY, ["minister"])}, "stored+warning"),
    "ASCII with five bad bytes": ({"a.txt": _damaged(GOOD.replace("’", "'"), ["Friday", "ready", "discuss",
                                                                             "current", "killing"])},
                                  "stored+warning"),
    "cp1252 text": ({"a.txt": CURLY.replace("’", "'").replace("“", "«").replace("”", "»").encode("cp1252")},
                    "stored+warning"),
    "HTML nested 300 deep": ({"a.html": _html(300).encode()}, "stored"),
    "HTML nested 3,000 deep": ({"a.html": _html(3000).encode()}, "stored+warning"),
    "truncated HTML": ({"a.html": _html(5)[:-40].encode()}, "stored"),
    "HTML without text": ({"a.html": b"<html><body><script>x=1</script></body></html>"}, "failed"),
    "truncated RSS feed": ({"a.xml": b"<?xml version='1.0'?><rss><channel><title>F</title><item><title>T"},
                           "failed"),
    "feed without entries": ({"a.xml": b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>"
                                       b"<title>F</title></feed>"}, "failed"),
    "file over the size limit": ({"a.txt": b"word " * 2_200_000}, "failed"),
}


def hostile_inputs(extractor) -> list[tuple[str, str, str, bool]]:
    """(input, expected, what happened, good article stored) per hostile input."""
    from detente.ledger import Ledger
    from detente.ledger.intake import ingest_paths

    rows = []
    for name, (files, expected) in INPUTS.items():
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "in"
            (folder / "sub").mkdir(parents=True)
            (folder / "good.txt").write_text(GOOD, encoding="utf-8")
            for rel, content in files.items():
                path = folder / rel
                if content == "fifo":
                    os.mkfifo(path)
                elif isinstance(content, tuple):
                    path.symlink_to(content[1])
                else:
                    path.write_bytes(content)
            try:
                with Ledger(f"sqlite:///{tmp}/l.sqlite") as ledger:
                    outcomes = [o for o in ingest_paths([folder], ledger, extractor)]
                    good = any(o.status == "added" and o.path.endswith("good.txt") for o in outcomes)
                    other = [o for o in outcomes if not o.path.endswith("good.txt")]
            except Exception as exc:  # noqa: BLE001  the very thing this benchmark looks for
                rows.append((name, expected, f"CRASH {type(exc).__name__}: {exc}"[:90], False))
                continue
        rows.append((name, expected, _happened(other), good))
    return rows


def _happened(outcomes) -> str:
    if not outcomes:
        return "nothing"
    o = outcomes[0]
    if o.status == "failed":
        one_line = "\n" not in (o.reason or "")
        return f"failed{'' if one_line else ' (multi-line!)'}: {o.reason}"[:90]
    return ("stored+warning: " + o.warnings[0] if o.warnings else "stored")[:90]


def _matches(expected: str, happened: str) -> bool:
    return happened.split(":", 1)[0] == expected


# --- kill -9 ------------------------------------------------------------------------------
def worker(url: str, folder: str) -> None:
    """The ingest loop in its own process, one line per outcome (the parent kills it)."""
    from detente.extract import Extractor
    from detente.ledger import Ledger
    from detente.ledger.intake import ingest_paths

    extractor = Extractor()
    with Ledger(url) as ledger:
        print("open", flush=True)
        for outcome in ingest_paths([folder], ledger, extractor):
            print(outcome.status, flush=True)


def articles(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        body = " ".join(f'"We discussed point {j} of round {i}," a delegate said after meeting {j}.'
                        for j in range(12))
        (folder / f"round-{i:02d}.txt").write_text(f"Round {i}\n\nGENEVA, 6 February 2026\n\n{body}\n",
                                                   encoding="utf-8")


def kill_runs(make_url, moments: int, folder: Path) -> tuple[int, int, int]:
    """(kills, runs equal to a clean run, problems found by verify) over ``moments`` kill points."""
    from detente.extract import Extractor
    from detente.ledger import Ledger
    from detente.ledger.intake import ingest_paths

    extractor = Extractor()
    with make_url() as clean_url, Ledger(clean_url) as ledger:
        list(ingest_paths([folder], ledger, extractor))
        clean = ledger.counts()
    total = clean["documents"]
    equal = problems = 0
    for k in range(moments):
        # the first kill lands while the process starts and migrates the new ledger; the others
        # after 0..all of its outcomes, a few milliseconds later each time
        after = -1 if k == 0 else round((k - 1) * total / max(moments - 2, 1))
        with make_url() as url:
            proc = subprocess.Popen([sys.executable, __file__, "--worker", url, str(folder)], stdout=subprocess.PIPE,
                                    stderr=subprocess.DEVNULL, text=True, env=_env())
            lines = 0
            if after < 0:
                time.sleep(1.5)
            while lines <= after:
                if not proc.stdout.readline():
                    break
                lines += 1
            time.sleep(0.002 * k)
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            with Ledger(url) as ledger:
                list(ingest_paths([folder], ledger, extractor))
                equal += ledger.counts() == clean
                problems += len(ledger.verify().problems)
    return moments, equal, problems


def concurrent_opens(make_url, tries: int) -> tuple[int, int]:
    """(tries, tries where both processes opened the new ledger and ingested)."""
    ok = 0
    for _ in range(tries):
        with make_url() as url, tempfile.TemporaryDirectory() as tmp:
            articles(Path(tmp) / "a", 2)
            procs = [subprocess.Popen([sys.executable, __file__, "--worker", url, str(Path(tmp) / "a")],
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env())
                     for _ in range(2)]
            results = [p.communicate() for p in procs]
            ok += all(p.returncode == 0 and "failed" not in out for p, (out, _) in zip(procs, results))
    return tries, ok


# --- reviews, trail, exports -----------------------------------------------------------------
def review_checks(url: str) -> tuple[int, int, int, int]:
    """(impossible reviews tried, refused; trail rewrites tried, found by verify)."""
    import sqlalchemy as sa

    from detente.errors import LedgerError
    from detente.ledger import Ledger

    bad = [{"position": "500"}, {"position": "-5"}, {"position": "nan"}, {"position": "inf"}, {"party": "XYZ"},
           {"issue": "weather"}, {"confidence": "7"}, {"start": "-1"}, {"evidence": "Not in the article."}]
    refused = 0
    with Ledger(url) as ledger:
        ledger.ingest(_one_claim())
        for change in bad:
            try:
                ledger.review("claim", 1, "correct", "bench", change)
            except LedgerError:
                refused += 1
        for who in ("ann", "bob", "cleo"):
            ledger.review("claim", 1, "confirm", who)
        guarded = 0
        for statement in ("UPDATE reviews SET reviewer = 'x' WHERE id = 2", "DELETE FROM reviews WHERE id = 2"):
            try:
                with ledger.engine.begin() as conn:
                    conn.execute(sa.text(statement))
            except sa.exc.SQLAlchemyError:
                guarded += 1
        with ledger.engine.begin() as conn:  # someone with the database's keys drops the guards
            if ledger.engine.dialect.name == "postgresql":
                conn.execute(sa.text("ALTER TABLE reviews DISABLE TRIGGER USER"))
            else:
                conn.execute(sa.text("DROP TRIGGER reviews_no_update"))
                conn.execute(sa.text("DROP TRIGGER reviews_no_delete"))
            conn.execute(sa.text("UPDATE reviews SET reviewer = 'mallory' WHERE id = 2"))
        found = not ledger.verify().ok
    return len(bad), refused, 2 + 1, guarded + found


def _one_claim():
    from detente.records import Claim, Document, Extraction, Source

    text = "Moscow wants recognition of the new borders, officials said."
    claim = Claim(party="RUS", issue="territory", stance="demand", position=100.0, summary="s", evidence=text,
                  start=0, end=len(text), source=Source(type="anonymous"))
    return Extraction(document=Document(id="reliability-check", text=text), claims=[claim])


def export_checks(url: str) -> tuple[int, int]:
    """(bad export targets tried, ended in one error with no partial file)."""
    from detente.errors import LedgerError
    from detente.ledger import Ledger
    from detente.ledger import export as exporting

    tried = clean = 0
    with Ledger(url) as ledger, tempfile.TemporaryDirectory() as tmp:
        ledger.ingest(_one_claim())
        targets = [("/dev/full/out.jsonl", None), ("/dev/full", None), ("/proc/version/x.jsonl", None),
                   (str(Path(tmp) / "claims.jsonl"), "ENOSPC")]
        for target, fault in targets:
            tried += 1
            with _disk_full(exporting) if fault else _nothing():
                try:
                    exporting.export(ledger, target, "jsonl", "claims")
                except LedgerError as exc:
                    leftovers = [p for p in Path(tmp).iterdir()]
                    clean += "\n" not in str(exc) and not leftovers
    return tried, clean


@contextmanager
def _disk_full(module):
    real = module._json

    def full(data):
        raise OSError(errno.ENOSPC, "No space left on device")

    module._json = full
    try:
        yield
    finally:
        module._json = real


@contextmanager
def _nothing():
    yield


# --- databases ---------------------------------------------------------------------------------
def sqlite_urls(root: Path):
    @contextmanager
    def make():
        yield f"sqlite:///{root / (uuid.uuid4().hex + '.sqlite')}"
    return make


def postgres_urls(server: str):
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    @contextmanager
    def make():
        name = f"detente_rel_{uuid.uuid4().hex[:10]}"
        admin = create_engine(server, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            yield make_url(server).set(database=name).render_as_string(hide_password=False)
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()
    return make


def _env() -> dict:
    src = Path(__file__).resolve().parents[1] / "src"
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(src), os.environ.get("PYTHONPATH", "")])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moments", type=int, default=6, help="kill -9 moments per database")
    parser.add_argument("--opens", type=int, default=3, help="two-process opens of a new ledger per database")
    parser.add_argument("--articles", type=int, default=8, help="articles in the killed batch")
    parser.add_argument("--postgres", default=os.environ.get("DETENTE_TEST_POSTGRES_URL"))
    args = parser.parse_args()
    from detente.extract import Extractor

    extractor = Extractor()
    rows = hostile_inputs(extractor)
    print("\n| input (beside a good article) | expected | what happened | good article stored |")
    print("|---|---|---|---|")
    for name, expected, happened, good in rows:
        mark = "" if _matches(expected, happened) else " **UNEXPECTED**"
        print(f"| {name} | {expected} | {happened}{mark} | {'yes' if good else '**NO**'} |")
    held = sum(_matches(e, h) and g for _, e, h, g in rows)
    print(f"\nhostile inputs: {len(rows)} tried, {held} ended as expected with the good article stored\n")

    databases = {"SQLite": None, "PostgreSQL": args.postgres}
    print("| fault injected | database | tried | held | lost |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "batch"
        articles(folder, args.articles)
        for db, server in databases.items():
            if db == "PostgreSQL" and not server:
                print("| (PostgreSQL not run: no --postgres or DETENTE_TEST_POSTGRES_URL) | | | | |")
                continue
            make = postgres_urls(server) if server else sqlite_urls(Path(tmp))
            kills, equal, problems = kill_runs(make, args.moments, folder)
            print(f"| kill -9 during ingest, then re-ingest | {db} | {kills} | {equal} equal a clean run, "
                  f"{problems} verify problems | {kills - equal} |")
            tries, ok = concurrent_opens(make, args.opens)
            print(f"| two processes open one new ledger and ingest | {db} | {tries} | {ok} | {tries - ok} |")
            with make() as url:
                bad, refused, rewrites, found = review_checks(url)
            print(f"| impossible review corrections | {db} | {bad} | {refused} refused | {bad - refused} stored |")
            print(f"| review trail UPDATE/DELETE, then a rewrite past the triggers | {db} | {rewrites} | "
                  f"{found} refused or found by verify | {rewrites - found} |")
            if db == "SQLite":
                with make() as url:
                    tried, clean = export_checks(url)
                print(f"| export to /dev/full, a file, /proc, a full disk | {db} | {tried} | "
                      f"{clean} one-line errors, no partial file | {tried - clean} |")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker(sys.argv[2], sys.argv[3])
    else:
        main()
