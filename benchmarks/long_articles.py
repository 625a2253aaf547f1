#!/usr/bin/env python3
"""What a long article costs next to its bare spaCy parse, and what happens to very long ones.

usage: python benchmarks/long_articles.py [--sizes 100000 200000] [--repeats 3] [--huge 900000]
                                          [--quotes 50000] [--budget 120] [--json]

- ratio: a generated live-blog-like article (``live_blog.py``) of each ``--sizes`` length, CPU
  seconds of ``Extractor.extract`` (in this process: parse, quotes, claims, events) over CPU
  seconds of ``nlp(text)`` of the model as installed (``spacy.load``), the same text in the same
  run; both warm, taking turns over ``--repeats`` rounds; the median of the per-round ratios.
- huge: a ``--huge``-character live blog between two short articles through ``Extractor.pipe``
  with the default time budget (supervised worker): the outcome of each and the wall time.
- quotes: ``--quotes`` characters of '"' alone through ``Extractor.extract`` (CPU seconds).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from live_blog import live_blog  # noqa: E402

SHORT = "Talks\n\nSergey Lavrov said on Friday that Moscow would not accept foreign troops in Ukraine.\n"


def cpu(run) -> float:
    c0 = time.process_time()
    run()
    return time.process_time() - c0


def ratio(nlp, extractor, size: int, repeats: int) -> dict:
    from detente.records import Document

    text = live_blog(size)
    document = Document(id=f"blog{size}", text=text)
    rounds = []
    for k in range(repeats):
        arms = [lambda: nlp(text), lambda: extractor.extract(document)]
        if k % 2:
            arms.reverse()
        times = [cpu(a) for a in arms]
        bare, full = times if k % 2 == 0 else times[::-1]
        rounds.append((bare, full))
    return {"chars": len(text), "bare_parse_s": round(statistics.median(r[0] for r in rounds), 2),
            "extractor_s": round(statistics.median(r[1] for r in rounds), 2),
            "ratio": round(statistics.median(r[1] / r[0] for r in rounds), 3),
            "ratio_per_round": [round(r[1] / r[0], 3) for r in rounds]}


def huge(extractor, size: int, budget: float) -> dict:
    from detente.extract import ExtractionFailure
    from detente.records import Document

    docs = [Document(id="before", text=SHORT), Document(id="huge", text=live_blog(size, seed=1)),
            Document(id="after", text=SHORT)]
    t0 = time.perf_counter()
    out = {}
    for item in extractor.pipe(docs, budget=budget):
        out[item.document.id] = (f"failed: {item.reason}" if isinstance(item, ExtractionFailure)
                                 else f"{len(item.quotes)} quotes, {len(item.claims)} claims, {len(item.events)} events")
    return {"chars": len(docs[1].text), "budget_s": budget, "outcomes": out,
            "batch_wall_s": round(time.perf_counter() - t0, 1)}


def quotes(extractor, size: int) -> dict:
    from detente.records import Document

    document = Document(id="quotes", text='"' * size)
    return {"chars": size, "extractor_cpu_s": round(cpu(lambda: extractor.extract(document)), 2)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="*", default=[100_000])
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--huge", type=int, default=900_000, help="0: skip")
    ap.add_argument("--quotes", type=int, default=50_000, help="0: skip")
    ap.add_argument("--budget", type=float, default=None, help="for the huge article [default: the setting]")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    import spacy

    from detente import settings
    from detente.extract import Extractor
    from detente.extract.pipeline import DEFAULT_MODEL
    from detente.records import Document

    nlp = spacy.load(DEFAULT_MODEL)
    extractor = Extractor()
    warm = live_blog(5000, seed=9)
    nlp(warm), extractor.extract(Document(id="warm", text=warm))  # model, gazetteer, tables
    report = {"ratio": [ratio(nlp, extractor, size, args.repeats) for size in args.sizes]}
    if args.quotes:
        report["quotes"] = quotes(extractor, args.quotes)
    if args.huge:
        report["huge"] = huge(extractor, args.huge, settings.extraction_budget(args.budget))
    if args.json:
        print(json.dumps(report, indent=1))
        return 0
    for r in report["ratio"]:
        print(f"{r['chars']:>9,} chars: bare parse {r['bare_parse_s']} s, extractor {r['extractor_s']} s, "
              f"ratio {r['ratio']} (rounds {', '.join(map(str, r['ratio_per_round']))})")
    if "quotes" in report:
        q = report["quotes"]
        print(f"{q['chars']:>9,} chars of '\"': extractor {q['extractor_cpu_s']} s CPU")
    if "huge" in report:
        h = report["huge"]
        print(f"{h['chars']:>9,} chars between two short articles, budget {h['budget_s']:g} s: "
              f"batch done in {h['batch_wall_s']} s wall")
        for doc_id, outcome in h["outcomes"].items():
            print(f"    {doc_id}: {outcome}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
