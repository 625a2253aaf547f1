#!/usr/bin/env python3
"""Throughput of the full Extractor against bare spaCy parsing, and its memory as input grows.

usage: python benchmarks/throughput.py [--limit N] [--workers N] [--sizes A B] [--json]

On the PolNeAR dev texts (news of ordinary length), in one run and with the same model:
- bare: ``nlp.pipe`` alone; full: ``Extractor.pipe`` (quotes, claims, events as they exist);
  documents/s, characters/s and the ratio full / bare (one process each);
- ``--workers N``: the Extractor over N processes (results in input order);
- peak memory (ru_maxrss of a fresh process) streaming two corpus sizes (the dev texts repeated),
  for bare spaCy and the full Extractor: spaCy itself grows once while it warms up (its second
  pass over the texts); what matters is that the Extractor adds a constant, not a slope.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from itertools import cycle, islice
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEV = REPO_ROOT.parent / "shared" / "benchmarks" / "polnear" / "dev.jsonl"


def texts(limit: int | None = None) -> list[str]:
    with DEV.open(encoding="utf-8") as fh:
        out = [json.loads(line)["text"] for line in fh if line.strip()]
    return out[:limit] if limit else out


def documents(items: list[str], n: int):
    from detente.records import Document

    for k, text in enumerate(islice(cycle(items), n)):
        yield Document(id=f"doc{k}", text=text)


def timed(run) -> float:
    t0 = time.perf_counter()
    run()
    return time.perf_counter() - t0


def rate(n_docs: int, n_chars: int, seconds: float) -> dict:
    return {"seconds": round(seconds, 2), "docs_per_s": round(n_docs / seconds, 2),
            "chars_per_s": round(n_chars / seconds)}


def peak_memory(size: int, limit: int | None, mode: str) -> float:
    """Peak resident memory (MiB) of a fresh process streaming ``size`` documents."""
    cmd = [sys.executable, __file__, "--_memory", str(size), "--_mode", mode]
    cmd += ["--limit", str(limit)] if limit else []
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return float(out.strip().splitlines()[-1])


def _memory_child(size: int, limit: int | None, mode: str) -> None:
    from detente.extract import Extractor, load_nlp

    stream = documents(texts(limit), size)
    if mode == "bare":
        run = load_nlp().pipe((d.text for d in stream), batch_size=16)
    else:
        run = Extractor().pipe(stream)
    for _ in run:
        pass
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="first N dev texts only")
    ap.add_argument("--workers", type=int, default=2, help="processes for the parallel run (1: skip it)")
    ap.add_argument("--sizes", type=int, nargs=2, default=None, help="two corpus sizes for the memory check")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--_memory", type=int, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--_mode", default="full", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args._memory is not None:
        _memory_child(args._memory, args.limit, args._mode)
        return 0

    from detente.extract import Extractor, load_nlp

    items = texts(args.limit)
    n, chars = len(items), sum(map(len, items))
    nlp = load_nlp()
    extractor = Extractor(nlp=nlp)
    list(extractor.pipe(documents(items[:2], 2)))  # warm up lazy tables outside the timing
    bare = timed(lambda: [None for _ in nlp.pipe(items, batch_size=16)])
    full = timed(lambda: [None for _ in extractor.pipe(documents(items, n))])
    res = {"documents": n, "characters": chars, "bare_nlp_pipe": rate(n, chars, bare),
           "extractor": rate(n, chars, full), "ratio_full_to_bare": round(bare / full, 3)}
    if args.workers > 1:
        par = timed(lambda: [None for _ in extractor.pipe(documents(items, n), workers=args.workers)])
        res[f"extractor_workers_{args.workers}"] = rate(n, chars, par)
    sizes = args.sizes or [2 * n, 8 * n]  # past spaCy's own warm-up on the first pass
    res["peak_rss_mib"] = {mode: {str(s): round(peak_memory(s, args.limit, mode), 1) for s in sizes}
                           for mode in ("bare", "full")}
    if args.json:
        print(json.dumps(res))
    else:
        for key, value in res.items():
            print(f"{key:24} {json.dumps(value)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
