"""Speed of positions, shifts and the brief on a generated ledger of 100,000 claims.

The ledger is written in bulk (SQLAlchemy core), 20 claims per article over two years, for the
main parties and issues, with mixed provenance. Times are wall seconds; the baseline, measured in
the same run, is reading every claim through ``Ledger.claims()`` (what a Python loop over rows
would start from). Usage: python benchmarks/analysis_speed.py [--claims N] [--db PATH]
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert

from detente.analysis import brief, positions, shifts
from detente.codebook import Codebook
from detente.ledger import Ledger
from detente.ledger.models import ClaimRow, DocumentRow

PARTIES = ["RUS", "UKR", "USA", "EU", "GBR", "TUR"]
SOURCES = ["official", "official", "anonymous", "media", "expert", "author", "document"]
STANCES = ["demand", "proposal", "acceptance", "assessment"]


def generate(ledger: Ledger, cb: Codebook, claims: int, per_doc: int = 20, seed: int = 0) -> None:
    rng = random.Random(seed)
    issues = [i for i in cb.issues if i.scale]
    start = dt.date(2025, 1, 1)
    now = dt.datetime.now(dt.timezone.utc)
    docs, rows = [], []
    for k in range(claims // per_doc):
        doc_id = f"gen-{k:07d}"
        docs.append(dict(id=doc_id, text="generated", published=start + dt.timedelta(days=rng.randrange(730)),
                         language="en", ingested_at=now))
        for _ in range(per_doc):
            issue = rng.choice(issues)
            src = rng.choice(SOURCES)
            rows.append(dict(document_id=doc_id, party=rng.choice(PARTIES), issue=issue.id, stance=rng.choice(STANCES),
                             position=rng.choice(issue.scale).value, position_cues=[], summary="g", evidence="generated",
                             start=0, end=9, source_type=src, source_name=None, source_chain=[],
                             hedged=rng.random() < 0.3, hedges=[], confidence=0.5))
    with ledger.session() as session:
        session.execute(insert(DocumentRow), docs)
        session.execute(insert(ClaimRow), rows)
        session.commit()


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--db", default=None)
    args = ap.parse_args()
    cb = Codebook.bundled()
    path = Path(args.db or Path(tempfile.mkdtemp()) / "speed.sqlite")
    fresh = not path.exists()
    with Ledger(str(path), codebook=cb) as ledger:
        if fresh:
            t = timed(lambda: generate(ledger, cb, args.claims))
            print(f"generated {args.claims} claims in {t:.1f} s at {path}")
        base = timed(lambda: ledger.claims())
        results = {"positions": timed(lambda: positions(ledger)), "shifts": timed(lambda: shifts(ledger)),
                   "brief": timed(lambda: brief(ledger))}
    print(f"baseline (Ledger.claims(), every claim as a record): {base:.2f} s")
    for name, t in results.items():
        print(f"{name:10s} {t:6.2f} s   ratio to baseline {t / base:.2f}   {'OK' if t < 2 else 'OVER 2 s'}")


if __name__ == "__main__":
    main()
