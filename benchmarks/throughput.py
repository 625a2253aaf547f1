#!/usr/bin/env python3
"""Throughput of the full Extractor against bare spaCy parsing, and its memory as input grows.

usage: python benchmarks/throughput.py [--limit N] [--repeats R] [--components C ...]
                                       [--workers N] [--sizes A B] [--no-memory] [--breakdown] [--json]

On the PolNeAR dev texts (news of ordinary length), in one process pinned to one core, with
the same model and the same texts:
- bare: ``nlp.pipe`` alone; full: ``Extractor.pipe`` (quotes, claims, events as they exist);
  documents and characters per CPU second (wall seconds beside them) and the ratio full /
  bare. Both arms run warm (model, codebook and gazetteer loaded, one untimed pass each) and
  take turns batch by batch over ``--repeats`` rounds; the ratio is the median of the
  per-round ratios of CPU time, so other jobs on a shared machine cancel out (the wall-clock
  ratios are shown too);
- ``--breakdown``: seconds per component over the same parses (what each costs next to the parse);
- ``--workers N``: the Extractor over N processes (results in input order; includes starting
  the workers, each of which loads the model and the gazetteer);
- peak memory (ru_maxrss of a fresh process) streaming two corpus sizes (the dev texts repeated),
  for bare spaCy and the full Extractor: spaCy itself grows once while it warms up (its second
  pass over the texts); what matters is that the Extractor adds a constant, not a slope.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from itertools import cycle, islice
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEV = REPO_ROOT.parent / "shared" / "benchmarks" / "polnear" / "dev.jsonl"
BATCH = 16  # the Extractor's default batch size, used by both arms


def one_core() -> set[int] | None:
    """Pin this process (and its BLAS) to one core, before numpy is imported; returns the
    cores it had, for the parallel run."""
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    if not hasattr(os, "sched_setaffinity"):
        return None
    cores = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(cores)})
    return cores


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


def cpu_timed(run) -> tuple[float, float]:
    """(CPU seconds of this process, wall seconds): on a shared machine the CPU time of a
    one-core process is what the work cost; the wall clock also counts other people's jobs."""
    c0, t0 = time.process_time(), time.perf_counter()
    run()
    return time.process_time() - c0, time.perf_counter() - t0


def rate(n_docs: int, n_chars: int, seconds: float, wall: float | None = None) -> dict:
    out = {"seconds": round(seconds, 2), "docs_per_s": round(n_docs / seconds, 2),
           "chars_per_s": round(n_chars / seconds)}
    return out | ({"wall_seconds": round(wall, 2)} if wall is not None else {})


def warm_tables() -> None:
    """What loads once per process (gazetteer, country codes), so no arm pays for it."""
    from detente.extract.places.gazetteer import country_alpha3, gazetteer

    gazetteer()
    country_alpha3()


def compare(nlp, extractor, items: list[str], repeats: int) -> dict:
    """Bare and full take turns batch by batch (which goes first alternates too), after one
    untimed pass of each: a burst of load on the machine then hits both arms alike."""
    docs = list(documents(items, len(items)))
    chunks = [docs[i:i + BATCH] for i in range(0, len(docs), BATCH)]

    def bare(chunk):  # the very call the Extractor makes (as_tuples parses ~3% faster than plain)
        return [None for _ in nlp.pipe(((d.text, d) for d in chunk), as_tuples=True, batch_size=BATCH)]

    def full(chunk):
        return [None for _ in extractor.pipe(chunk, batch_size=BATCH)]

    for chunk in chunks:
        bare(chunk), full(chunk)
    rounds = []
    for k in range(repeats):
        total = {bare: [0.0, 0.0], full: [0.0, 0.0]}
        for j, chunk in enumerate(chunks):
            for arm in ((bare, full) if (j + k) % 2 == 0 else (full, bare)):
                cpu, wall = cpu_timed(lambda: arm(chunk))
                total[arm][0] += cpu
                total[arm][1] += wall
        rounds.append((*total[bare], *total[full]))  # bare cpu, bare wall, full cpu, full wall
    med = [statistics.median(r[k] for r in rounds) for k in range(4)]
    n, chars = len(items), sum(map(len, items))
    return {"bare_nlp_pipe": rate(n, chars, med[0], med[1]), "extractor": rate(n, chars, med[2], med[3]),
            "ratio_full_to_bare": round(statistics.median(r[0] / r[2] for r in rounds), 3),
            "ratio_per_round": [round(r[0] / r[2], 3) for r in rounds],
            "wall_ratio_per_round": [round(r[1] / r[3], 3) for r in rounds]}


def breakdown(nlp, extractor, items: list[str]) -> dict:
    """Seconds per component over the same (already parsed) documents, and the parse itself."""
    from detente.extract.claims.finder import find_claims
    from detente.extract.context import ArticleContext
    from detente.extract.events.finder import find_events
    from detente.extract.quotes.finder import find_quotes

    t0 = time.perf_counter()
    parsed = list(zip(documents(items, len(items)), nlp.pipe(items, batch_size=BATCH)))
    secs = {"parse": time.perf_counter() - t0, "quotes": 0.0, "claims": 0.0, "events": 0.0}
    for document, doc in parsed:
        ctx = ArticleContext(document=document, codebook=extractor.codebook, doc=doc,
                             reference_date=document.published)
        t0 = time.perf_counter()
        quotes = find_quotes(ctx)
        t1 = time.perf_counter()
        find_claims(ctx, quotes, extractor.issue_classifier)
        t2 = time.perf_counter()
        find_events(ctx)
        t3 = time.perf_counter()
        secs["quotes"] += t1 - t0
        secs["claims"] += t2 - t1
        secs["events"] += t3 - t2
    share = {f"{k}_share_of_parse": round(v / secs["parse"], 3) for k, v in secs.items() if k != "parse"}
    return {**{k: round(v, 2) for k, v in secs.items()}, **share}


def peak_memory(size: int, limit: int | None, mode: str) -> float:
    """Peak resident memory (MiB) of a fresh process streaming ``size`` documents."""
    cmd = [sys.executable, __file__, "--_memory", str(size), "--_mode", mode]
    cmd += ["--limit", str(limit)] if limit else []
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return float(out.strip().splitlines()[-1])


def _memory_child(size: int, limit: int | None, mode: str) -> None:
    import spacy

    from detente.extract import Extractor
    from detente.extract.pipeline import DEFAULT_MODEL

    stream = documents(texts(limit), size)
    if mode == "bare":
        run = spacy.load(DEFAULT_MODEL).pipe((d.text for d in stream), batch_size=BATCH)
    else:
        run = Extractor().pipe(stream)
    for _ in run:
        pass
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def parse_args(argv: list[str] | None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="first N dev texts only")
    ap.add_argument("--repeats", type=int, default=3, help="alternating timed rounds of both arms")
    ap.add_argument("--workers", type=int, default=2, help="processes for the parallel run (1: skip it)")
    ap.add_argument("--sizes", type=int, nargs=2, default=None, help="two corpus sizes for the memory check")
    ap.add_argument("--no-memory", action="store_true", help="skip the memory check")
    ap.add_argument("--components", nargs="+", default=["quotes", "claims", "events"],
                    help="what the full arm runs (quotes alone: the foundation)")
    ap.add_argument("--breakdown", action="store_true", help="also time each component")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--_memory", type=int, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--_mode", default="full", help=argparse.SUPPRESS)
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    cores = one_core()
    if args._memory is not None:
        _memory_child(args._memory, args.limit, args._mode)
        return 0
    import spacy

    from detente.extract import Extractor, load_nlp
    from detente.extract.pipeline import DEFAULT_MODEL

    items = texts(args.limit)
    n, chars = len(items), sum(map(len, items))
    nlp = spacy.load(DEFAULT_MODEL)  # bare: the model as installed, none of detente's components
    extractor = Extractor(nlp=load_nlp(), components=tuple(args.components))
    warm_tables()
    res = {"documents": n, "characters": chars, "components": args.components, **compare(nlp, extractor, items, args.repeats)}
    if args.breakdown:
        res["component_seconds"] = breakdown(nlp, extractor, items)
    if args.workers > 1:
        if cores:
            os.sched_setaffinity(0, cores)
        par = timed(lambda: [None for _ in extractor.pipe(documents(items, n), workers=args.workers)])
        res[f"extractor_workers_{args.workers}"] = rate(n, chars, par)
    if not args.no_memory:
        sizes = args.sizes or [2 * n, 8 * n]  # past spaCy's own warm-up on the first pass
        res["peak_rss_mib"] = {mode: {str(s): round(peak_memory(s, args.limit, mode), 1) for s in sizes}
                               for mode in ("bare", "full")}
    print(json.dumps(res) if args.json else "\n".join(f"{k:24} {json.dumps(v)}" for k, v in res.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
