#!/usr/bin/env python3
"""Score the shift detector on real timelines: ../shared/benchmarks/shifts/ (documented shifts and restatements).

usage: python benchmarks/shifts.py [--set DIR] [--db PATH] [--json]

The set's articles are ingested into an empty ledger by the real pipeline (sources → extract →
ledger), then ``detente.analysis.shifts`` runs over it. Scored as the set's README defines it:
- recall: a documented shift is found when a detected shift has the same party and issue, is
  dated at the later article's date, and has the documented direction (escalation/softening; a
  documented reversal or new demand must be detected as that kind);
- false alarms: a restatement (``no_change``) is a false alarm when any shift of that party and
  issue is detected at the later article's date.
Thresholds come from the issue's definition (``analysis/weights.py``), not from this set; a second
set of the same kind is kept apart by the issue's author and scored the same way.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SET = REPO_ROOT.parent / "shared" / "benchmarks" / "shifts"


def ingest(folder: Path, db: str, model: str | None = None) -> None:
    from detente import settings
    from detente.extract import Extractor
    from detente.ledger import Ledger
    from detente.ledger.intake import ingest_paths

    cb = settings.codebook(None)
    with Ledger(db, codebook=cb) as ledger:
        extractor = Extractor(cb) if model is None else Extractor(cb, claim_model=model)
        for outcome in ingest_paths(sorted(folder.glob("*.json")), ledger, extractor):
            if outcome.status == "failed":
                print(f"failed {outcome.path}: {outcome.reason}", file=sys.stderr)


def matches(expected: dict, found) -> bool:
    kind = expected["kind"]
    if kind in ("escalation", "softening"):
        return found.direction == kind
    return found.kind == kind


def score(entries: list[dict], detected: list) -> dict:
    by_key: dict[tuple, list] = {}
    for s in detected:
        by_key.setdefault((s.party, s.issue, s.date.isoformat()), []).append(s)
    rows, hits, alarms = [], 0, 0
    shifts = [e for e in entries if e["kind"] != "no_change"]
    restatements = [e for e in entries if e["kind"] == "no_change"]
    for e in entries:
        found = by_key.get((e["party"], e["issue"], e["after"]["date"]), [])
        if e["kind"] == "no_change":
            alarm = bool(found)
            alarms += alarm
            rows.append({"id": e["id"], "expected": "no_change", "detected": [s.kind for s in found],
                         "ok": not alarm})
        else:
            ok = any(matches(e, s) for s in found)
            hits += ok
            rows.append({"id": e["id"], "expected": e["kind"], "detected": [f"{s.kind}/{s.direction}" for s in found],
                         "ok": ok})
    return {"shifts": len(shifts), "found": hits, "recall": round(hits / len(shifts), 3) if shifts else None,
            "restatements": len(restatements), "false_alarms": alarms, "detected_total": len(detected),
            "per_entry": rows}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", type=Path, default=DEFAULT_SET)
    ap.add_argument("--db", default=None, help="ledger to build (default: a temporary file)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--model", default=None, help="claim model: a shipped name or a .json path (default: shipped)")
    args = ap.parse_args()
    entries = json.loads((args.set / "shifts.json").read_text(encoding="utf-8"))
    db = args.db or str(Path(tempfile.mkdtemp()) / "shifts.sqlite")
    if Path(db).exists():
        sys.exit(f"{db} exists: the benchmark needs an empty ledger")
    ingest(args.set / "articles", db, args.model)
    from detente import settings
    from detente.analysis import shifts
    from detente.ledger import Ledger

    with Ledger(db, codebook=settings.codebook(None)) as ledger:
        result = score(entries, shifts(ledger))
    result["set"] = str(args.set)
    result["date"] = dt.date.today().isoformat()
    if args.json:
        print(json.dumps(result, indent=1))
        return
    for row in result["per_entry"]:
        print(f"{row['id']:4s} {'ok ' if row['ok'] else 'MISS' if row['expected'] != 'no_change' else 'ALARM'} "
              f"expected {row['expected']:11s} detected {', '.join(row['detected']) or '-'}")
    print(f"recall {result['found']}/{result['shifts']} = {result['recall']}; false alarms "
          f"{result['false_alarms']}/{result['restatements']} restatements; {result['detected_total']} shifts "
          f"detected in all")


if __name__ == "__main__":
    main()
