#!/usr/bin/env python3
"""What each component and feature family of claims adds, held apart.

usage: python benchmarks/ablation.py [--json]

Every gold article is parsed once; each arm changes one thing (how the learned model and the
rules combine, or a feature family left out of the model, retrained by folds) and is scored
like ``benchmarks/corpus_eval.py``: ``0-2`` is the mean over folds 0-2 (where rules may be
tuned), ``held-apart`` over the sealed folds 3-4, ``tuned-on`` dev; the learned model is always
trained without the fold it scores.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace

from corpus_eval import SEALED, mean_scores, score_set, train_claims, corpus_dev  # noqa: F401

KEYS = ("claims.p", "claims.r", "claims.f1", "claim_stance.acc", "claim_source_type.acc", "claim_hedged.acc",
        "claim_position.mae", "claim_position.recall15")
OPEN = ("0", "1", "2")
GOLD_ONLY = ("(gold corpus only)",)  # an arm whose models train without training/articles


def arms():
    """(name, blend, feature families left out of the model, or ``GOLD_ONLY``)."""
    from detente.extract.claims.finder import Blend

    full = Blend()
    return [
        ("rules alone", None, ()),
        ("full (shipped blend)", full, ()),
        ("- learned sentences added", replace(full, add=False), ()),
        ("+ learned stance over the rules'", replace(full, stance=True), ()),
        ("- learned positions", replace(full, positions=False), ()),
        ("+ learned issue over cues", replace(full, issue=True), ()),
        ("+ drop rule claims under p 0.2", replace(full, drop=0.2), ()),
        ("threshold 0.35", replace(full, threshold=0.35), ()),
        ("threshold 0.4", replace(full, threshold=0.4), ()),
        ("threshold 0.6", replace(full, threshold=0.6), ()),
        ("- second claim on a second issue the cues name", replace(full, second_issue=False), ()),
        ("added claims: model's party first", replace(full, speaker_party=False), ()),
        ("added claims: no subject's side", replace(full, subject_party=False), ()),
        ("added claims: model's stance, not the stance word's", replace(full, trigger_stance=False), ()),
        ("added claims: model's issue, not the cues'", replace(full, cue_issue=False), ()),
        ("- learned source (author / official)", replace(full, source=False), ()),
        ("model - words", full, ("w:", "b:")),
        ("model - word pairs", full, ("b:",)),
        ("model - codebook issue cues", full, ("cue:",)),
        ("model - rules' findings", full, ("rules:", "rs:", "ri:", "rp:", "rsrc:")),
        ("model - speaker", full, ("spk:", "spkp:")),
        ("model - sentence vector", full, (train_claims.VECTOR_FAMILY,)),
        ("model - the project's training articles", full, GOLD_ONLY),
    ]


def run(articles=None) -> dict:
    scorer = corpus_dev.load_scorer(train_claims.SHARED / "dev")
    data = train_claims.folds()
    articles = articles if articles is not None else train_claims.parse_corpus()
    by_id = {a.id: a for a in articles}
    fold_of = {aid: k for k, ids in data["folds"].items() for aid in ids}
    models: dict[tuple, dict] = {}
    out = {}
    for name, blend, drop in arms():
        if drop not in models:
            pool = [a for a in articles if drop != GOLD_ONLY or a.id in fold_of or a.id in data["dev"]]
            families = () if drop == GOLD_ONLY else drop
            fm = {k: train_claims.train([a for a in pool if fold_of.get(a.id) != k], drop=families)
                  for k in data["folds"]}
            fm["dev"] = train_claims.train(pool, drop=families)
            models[drop] = fm
        fm = models[drop]
        pick = (lambda a: None) if blend is None else (lambda a, fm=fm: fm[fold_of.get(a.id, "dev")])
        per = {k: score_set(scorer, [by_id[i] for i in ids if i in by_id], pick, blend) for k, ids in data["folds"].items()}
        dev = score_set(scorer, [by_id[i] for i in data["dev"] if i in by_id], pick, blend)
        out[name] = {"0-2": mean_scores([per[k] for k in OPEN]), "held-apart": mean_scores([per[k] for k in SEALED]),
                     "tuned-on": dev}
        print(f"done: {name}", file=sys.stderr)
    return out


def _get(scores, key):
    group, name = key.split(".")
    return (scores.get(group) or {}).get(name)


def print_table(out: dict) -> None:
    short = {"claims.p": "P", "claims.r": "R", "claims.f1": "F1", "claim_stance.acc": "stance",
             "claim_source_type.acc": "source", "claim_hedged.acc": "hedged", "claim_position.mae": "MAE",
             "claim_position.recall15": "rec15"}
    for col in ("held-apart", "0-2", "tuned-on"):
        print(f"\n[{col}]")
        print("arm".ljust(58) + "".join(short[k].rjust(8) for k in KEYS))
        for name, cols in out.items():
            cells = [_get(cols[col], k) for k in KEYS]
            print(name.ljust(58) + "".join(("-" if v is None else f"{v:.3f}").rjust(8) for v in cells))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    out = run()
    print(json.dumps(out) if args.json else "", end="")
    if not args.json:
        print_table(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
