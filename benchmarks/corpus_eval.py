#!/usr/bin/env python3
"""Score detente on the gold corpus with a held-apart column beside the tuned-on one.

usage: python benchmarks/corpus_eval.py [--json] [--folders dev2 dev3] [--no-training]

Protocol (``benchmarks/folds.json``): dev is tuned on; dev2+dev3 sit in five fixed folds.
Every article is parsed once. The learned claim model is retrained five times, each time on
dev plus four folds, and scores the fifth. Columns:

- ``tuned-on``: dev, with the model trained on everything (the shipped one);
- ``held-apart``: folds 3 and 4 (sealed: no rule or cue was written from them), each scored
  by the model that did not see it — the figure the gate pins;
- ``5-fold``: the mean over all five folds (rules were written from folds 0-2, so this is
  held apart for the learned parts only);
- ``rules held-apart``: folds 3-4 with the rules alone (the model off).

``--folders`` also scores whole folders (e.g. the first, before-tuning measurement).
Figures of a column are means over its folds of score.py's figures.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
BENCH = REPO_ROOT / "benchmarks"
SEALED = ("3", "4")
ITEMS = (("quotes P", "quotes.p"), ("quotes R", "quotes.r"), ("quotes F1", "quotes.f1"),
         ("quote speaker", "quote_speaker.acc"),
         ("claims P", "claims.p"), ("claims R", "claims.r"), ("claims F1", "claims.f1"),
         ("claim stance", "claim_stance.acc"), ("claim source type", "claim_source_type.acc"),
         ("claim hedged", "claim_hedged.acc"),
         ("positions MAE", "claim_position.mae"), ("positions within15", "claim_position.within15"),
         ("positions recall15", "claim_position.recall15"),
         ("events F1", "events.f1"), ("strike places F1", "strike_places.f1"))


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


train_claims = _load("train_claims")
corpus_dev = _load("corpus_dev")


def predict(article, model, blend=None) -> dict:
    """The article's extraction contract: claims and events from the rules plus ``model``
    (None: rules alone)."""
    from detente.extract.claims.finder import Blend, _learned
    from detente.extract.learned_events import learned_events
    from detente.records import Extraction

    claims = []
    for s in article.sentences:
        found = list(s.rules)
        if model is not None:
            found = _learned(s.sent, found, article.ctx, s.speaker, article.doubts, model, blend or Blend())
        claims += found
    events = learned_events(article.ctx, article.events, model)
    extraction = Extraction(document=article.document, quotes=article.quotes, claims=claims, events=events)
    return corpus_dev._quoted_only(extraction.contract())


def score_set(scorer, articles, model_for, blend=None) -> dict:
    """score.py's figures for these articles; ``model_for(article)`` picks each one's model."""
    preds = [predict(a, model_for(a), blend) for a in articles]
    return scorer.score([a.gold for a in articles], preds)


def metric(scores: dict, key: str) -> float | None:
    group, name = key.split(".")
    value = (scores.get(group) or {}).get(name)
    return None if value is None else float(value)


def mean_scores(runs: list[dict]) -> dict:
    """The mean of each item over folds (folds where it is undefined are left out)."""
    out: dict[str, dict] = {}
    for _, key in ITEMS:
        values = [v for v in (metric(r, key) for r in runs) if v is not None]
        group, name = key.split(".")
        out.setdefault(group, {})[name] = round(sum(values) / len(values), 4) if values else None
    return out


def evaluate(blend=None, articles=None, fold_models=None, full_model=None, folders=(),
             training: bool = True) -> dict:
    """Every column of the table, as {column: {group: {name: value}}}. The project's training
    articles sit in no fold: every model trains on them, none is scored on them."""
    scorer = corpus_dev.load_scorer(train_claims.SHARED / "dev")
    data = train_claims.folds()
    articles = articles if articles is not None else train_claims.parse_corpus(training=training)
    by_id = {a.id: a for a in articles}
    fold_of = {aid: k for k, ids in data["folds"].items() for aid in ids}
    if fold_models is None:
        fold_models = {k: train_claims.train([a for a in articles if fold_of.get(a.id) != k]) for k in data["folds"]}
    full_model = full_model or train_claims.train(articles)
    oof = lambda a: fold_models[fold_of[a.id]] if a.id in fold_of else full_model  # noqa: E731
    per_fold = {k: score_set(scorer, [by_id[i] for i in ids if i in by_id], oof, blend)
                for k, ids in data["folds"].items()}
    rules = {k: score_set(scorer, [by_id[i] for i in data["folds"][k] if i in by_id], lambda a: None)
             for k in SEALED}
    dev = [by_id[i] for i in data["dev"] if i in by_id]
    table = {"tuned-on": score_set(scorer, dev, lambda a: full_model, blend),
             "held-apart": mean_scores([per_fold[k] for k in SEALED]),
             "5-fold": mean_scores(list(per_fold.values())),
             "rules held-apart": mean_scores(list(rules.values()))}
    for folder in folders:
        ids = {p.stem for p in (train_claims.SHARED / folder).glob("*.json")}
        table[folder] = score_set(scorer, [a for a in articles if a.id in ids], oof, blend)
    return table


def print_table(table: dict) -> None:
    cols = list(table)
    print("item".ljust(22) + "".join(c.rjust(18) for c in cols))
    for label, key in ITEMS:
        cells = [metric(table[c], key) for c in cols]
        print(label.ljust(22) + "".join(("-" if v is None else f"{v:.3f}").rjust(18) for v in cells))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", action="store_true", help="print the table as one JSON object")
    ap.add_argument("--folders", nargs="*", default=[], help="also score these whole folders (out-of-fold models)")
    ap.add_argument("--no-training", action="store_true", help="train on the gold corpus only (not training/articles)")
    args = ap.parse_args(argv)
    table = evaluate(folders=args.folders, training=not args.no_training)
    if args.json:
        print(json.dumps(table))
    else:
        print_table(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
