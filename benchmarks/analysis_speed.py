"""Speed of positions, shifts and the brief on a generated ledger of 100,000 claims.

The ledger is written in bulk (SQLAlchemy core), 20 claims per article over two years, for six
parties and every issue with a scale, with mixed provenance. Each party holds a position per issue
that moves one anchor now and then (about every two months); 10% of claims are misplaced by one
anchor (an extractor's error), so shifts, restatements and noise all occur; 30% carry no anchor
(placed by the learned head), so the analysis's anchored baselines are exercised. Times are wall seconds; the baseline, measured in
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
NAMES = [None, None, "Vladimir Putin", "Volodymyr Zelensky", "Marco Rubio", "a senior official", "Dmitry Peskov"]


def generate(ledger: Ledger, cb: Codebook, claims: int, per_doc: int = 20, seed: int = 0) -> None:
    rng = random.Random(seed)
    issues = [i for i in cb.issues if i.scale]
    start, span = dt.date(2025, 1, 1), 730
    now = dt.datetime.now(dt.timezone.utc)
    # each (party, issue): the anchor index it holds on each day, moving one step about every 60 days
    held = {}
    for p in PARTIES:
        for issue in issues:
            k, path = rng.randrange(len(issue.scale)), []
            for _ in range(span):
                if rng.random() < 1 / 60:
                    k = min(max(k + rng.choice((-1, 1)), 0), len(issue.scale) - 1)
                path.append(k)
            held[(p, issue.id)] = path
    docs, rows = [], []
    for n in range(claims // per_doc):
        doc_id, day = f"gen-{n:07d}", rng.randrange(span)
        docs.append(dict(id=doc_id, text="generated", published=start + dt.timedelta(days=day),
                         language="en", ingested_at=now))
        for _ in range(per_doc):
            issue, party = rng.choice(issues), rng.choice(PARTIES)
            k = held[(party, issue.id)][day]
            if rng.random() < 0.1:
                k = min(max(k + rng.choice((-1, 1)), 0), len(issue.scale) - 1)
            anchor = issue.scale[k].label if rng.random() < 0.7 else None   # else placed by the learned head
            rows.append(dict(document_id=doc_id, party=party, issue=issue.id, stance=rng.choice(STANCES),
                             position=issue.scale[k].value, position_anchor=anchor, position_cues=[],
                             summary="g", evidence="generated",
                             start=0, end=9, source_type=rng.choice(SOURCES), source_name=rng.choice(NAMES),
                             source_chain=[], hedged=rng.random() < 0.3, hedges=[], confidence=0.5))
    with ledger.session() as session:
        session.execute(insert(DocumentRow), docs)
        session.execute(insert(ClaimRow), rows)
        session.commit()


def timed(fn) -> tuple[float, float]:
    """(wall, CPU) seconds: on a shared machine wall time measures the neighbours too; CPU time is ours."""
    t, c = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - t, time.process_time() - c


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
            t, _ = timed(lambda: generate(ledger, cb, args.claims))
            print(f"generated {args.claims} claims in {t:.1f} s at {path}")
        base = timed(lambda: ledger.claims())
        results = {"positions": timed(lambda: positions(ledger)), "shifts": timed(lambda: shifts(ledger)),
                   "brief": timed(lambda: brief(ledger))}
    print(f"baseline (Ledger.claims(), every claim as a record): wall {base[0]:.2f} s, CPU {base[1]:.2f} s")
    for name, (wall, cpu) in results.items():
        print(f"{name:10s} wall {wall:6.2f} s  CPU {cpu:6.2f} s   CPU ratio to baseline {cpu / base[1]:.3f}   "
              f"{'under' if cpu < 2 else 'OVER'} 2 s CPU")


if __name__ == "__main__":
    main()
