#!/usr/bin/env python3
"""Quote extraction and attribution on PolNeAR (US political news, every attribution annotated).

usage: python benchmarks/polnear.py [--split dev|test] [--limit N] [--json]

Scoring (the Gender Gap Tracker's rule, as ../shared/benchmarks/README.md asks): a gold quote
is found when an unused predicted quote covers more than 30% (and, separately, 80%) of its
characters (its fragments, for discontinuous quotes); P/R/F1 over quotes; speaker accuracy over
found quotes, a speaker being right when the predicted and gold speaker spans overlap (or both
are absent). PolNeAR joins "“A,” said X. “B.”" into one quote of two fragments; detente gives
two quotes, so predictions on the fragments of one gold quote count together (see ``match``).
By kind: recall over gold quotes of the kind, precision over predictions of the kind (detente's
label), both from the one overall matching.
Tune on dev; the test split is for reporting.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
POLNEAR = REPO_ROOT.parent / "shared" / "benchmarks" / "polnear"
KINDS = ("direct", "mixed", "indirect")
RULES = (0.3, 0.8)


def load(split: str, limit: int | None = None) -> list[dict]:
    with (POLNEAR / f"{split}.jsonl").open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return rows[:limit] if limit else rows


def predict(rows: list[dict]) -> list[list[dict]]:
    """detente's quotes for each article (quotes component only: claims and events are not scored)."""
    from detente.extract import Extractor
    from detente.records import Document

    extractor = Extractor(components=("quotes",))
    docs = (Document(id=r["id"], text=r["text"]) for r in rows)
    return [[q.model_dump() for q in ex.quotes] for ex in extractor.pipe(docs)]


def _chars(gold: dict) -> set[int]:
    frags = gold.get("fragments") or [[gold["start"], gold["end"]]]
    return {i for s, e in frags for i in range(s, e)}


def _speaker_ok(gold: dict, pred: dict) -> bool:
    spk = pred["speaker"]
    gs, ge = gold.get("speaker_start"), gold.get("speaker_end")
    if gs is None or spk.get("start") is None:
        return gs is None and spk.get("start") is None
    return min(ge, spk["end"]) > max(gs, spk["start"])


def match(golds: list[dict], preds: list[dict], rule: float) -> list[tuple[dict, list[int], bool]]:
    """Greedy one-to-one matching: (gold, the predictions that found it, speaker right) per found gold.

    PolNeAR joins a quote interrupted by its attribution ("“A,” said X. “B.”") into one quote
    of two fragments, where detente (and the gold corpus) give two quotes: for such a gold quote
    the best unused prediction on each fragment counts together, and all of them are used.
    """
    used: set[int] = set()
    out = []
    for g in golds:
        chars = _chars(g)
        picked: list[int] = []
        for s, e in g.get("fragments") or [[g["start"], g["end"]]]:
            best, best_ov = None, 0
            for i, p in enumerate(preds):
                if i in used or i in picked:
                    continue
                ov = max(0, min(e, p["end"]) - max(s, p["start"]))
                if ov > best_ov:
                    best, best_ov = i, ov
            if best is not None:
                picked.append(best)
        cover = {i: sum(1 for c in chars if preds[i]["start"] <= c < preds[i]["end"]) for i in picked}
        covered = {c for i in picked for c in chars if preds[i]["start"] <= c < preds[i]["end"]}
        if picked and len(covered) > rule * len(chars):
            used.update(picked)
            main = max(picked, key=cover.get)
            out.append((g, picked, _speaker_ok(g, preds[main])))
    return out


def score(rows: list[dict], predictions: list[list[dict]]) -> dict:
    """Overall P/R/F1 and, by kind, recall over gold quotes of the kind and precision over
    predictions of the kind, both from the one overall matching (kinds are labelled differently:
    PolNeAR infers them from quotation marks)."""
    out: dict = {}
    for rule in RULES:
        c = {k: {"gold": 0, "pred": 0, "found": 0, "pred_ok": 0, "spk": 0} for k in ("all", *KINDS)}
        for row, preds in zip(rows, predictions):
            pairs = match(row["quotes"], preds, rule)
            ok_preds = {i for _, picked, _ in pairs for i in picked}
            for kind in ("all", *KINDS):
                c[kind]["gold"] += sum(1 for g in row["quotes"] if kind in ("all", g["kind"]))
                c[kind]["pred"] += sum(1 for p in preds if kind in ("all", p["kind"]))
                c[kind]["pred_ok"] += sum(1 for i in ok_preds if kind in ("all", preds[i]["kind"]))
                hits = [ok for g, _, ok in pairs if kind in ("all", g["kind"])]
                c[kind]["found"] += len(hits)
                c[kind]["spk"] += sum(hits)
        for kind, v in c.items():
            p = v["pred_ok"] / v["pred"] if v["pred"] else 0.0
            r = v["found"] / v["gold"] if v["gold"] else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            out[f"{kind}@{int(rule * 100)}"] = {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4),
                                                "speaker_acc": round(v["spk"] / v["found"], 4) if v["found"] else None,
                                                "gold": v["gold"], "pred": v["pred"], "found": v["found"]}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=("dev", "test"), default="dev")
    ap.add_argument("--limit", type=int, default=None, help="first N articles only")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    rows = load(args.split, args.limit)
    t0 = time.perf_counter()
    preds = predict(rows)
    res = score(rows, preds)
    res["articles"] = len(rows)
    res["seconds"] = round(time.perf_counter() - t0, 1)
    if args.json:
        print(json.dumps(res))
    else:
        print(f"PolNeAR {args.split}: {len(rows)} articles, {res['seconds']} s")
        for key, v in res.items():
            if isinstance(v, dict):
                print(f"  {key:13} P {v['p']:.3f}  R {v['r']:.3f}  F1 {v['f1']:.3f}  speaker {v['speaker_acc']}"
                      f"  (gold {v['gold']}, pred {v['pred']}, found {v['found']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
