#!/usr/bin/env python3
"""Extract every article of the gold dev corpus and score it with the corpus's own score.py.

usage: python benchmarks/corpus_dev.py [--gold DIR] [--out FILE] [--json] [--per-doc]

Articles are read through ``detente.sources`` (as a user's files would be), predictions are
written as JSONL in the extraction contract, and ``../shared/corpus/score.py`` scores them;
it is imported from the shared folder, never copied, so the scoring rules stay one.

The gold corpus annotates only words inside quotation marks (its README: "every DIRECT
quote"), so quotes are scored on the predictions whose words are quoted — kinds ``direct``
and ``mixed``; indirect speech has no gold there and would count as false positives. The
score over every kind is printed beside it as ``quotes_all_kinds``.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = REPO_ROOT.parent / "shared"
DEFAULT_GOLD = SHARED_DIR / "corpus" / "dev"
DEFAULT_OUT = REPO_ROOT / "out" / "corpus_dev.jsonl"
GOLD_QUOTE_KINDS = ("direct", "mixed")  # what the gold annotates: words inside quotation marks


def load_scorer(gold_dir: Path):
    """The ``score.py`` module that sits beside the gold folder."""
    script = Path(gold_dir).resolve().parent / "score.py"
    if not script.is_file():
        raise FileNotFoundError(f"no score.py beside {gold_dir} (looked for {script})")
    spec = importlib.util.spec_from_file_location("corpus_score", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_predictions(gold_dir: Path, out: Path, extractor=None) -> int:
    """Extract every gold article into ``out`` (JSONL); returns how many were written."""
    from detente.extract import Extractor
    from detente.records import Document
    from detente.sources import iter_documents

    extractor = extractor or Extractor()
    paths = sorted(Path(gold_dir).glob("*.json"))
    documents = (d for d in iter_documents(paths) if _usable(d, Document))
    out.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with out.open("w", encoding="utf-8") as fh:
        for extraction in extractor.pipe(documents):
            fh.write(json.dumps(extraction.contract(), ensure_ascii=False) + "\n")
            count += 1
    return count


def score_dev(gold_dir: Path | str = DEFAULT_GOLD, out: Path | str = DEFAULT_OUT, extractor=None) -> dict:
    """Scores of the current extractor on ``gold_dir`` (the dict score.py returns)."""
    gold_dir, out = Path(gold_dir), Path(out)
    scorer = load_scorer(gold_dir)
    write_predictions(gold_dir, out, extractor)
    gold, preds = scorer.load_gold(str(gold_dir)), scorer.load_preds(str(out))
    scores = scorer.score(gold, [_quoted_only(p) for p in preds])
    scores["quotes_all_kinds"] = scorer.score(gold, preds)["quotes"]
    return scores


def _quoted_only(prediction: dict) -> dict:
    """The prediction with only the quote kinds the gold annotates."""
    quotes = [q for q in prediction.get("quotes") or [] if q.get("kind") in GOLD_QUOTE_KINDS]
    return {**prediction, "quotes": quotes}


def per_document(gold_dir: Path | str = DEFAULT_GOLD, out: Path | str = DEFAULT_OUT) -> dict[str, dict]:
    """Scores of each gold article alone, from predictions already written to ``out``."""
    scorer = load_scorer(Path(gold_dir))
    preds = [_quoted_only(p) for p in scorer.load_preds(str(out))]
    return {g["id"]: scorer.score([g], preds) for g in scorer.load_gold(str(gold_dir))}


def _usable(item, document_type) -> bool:
    if isinstance(item, document_type):
        return True
    print(f"skipped {item.path}: {item.reason}", file=sys.stderr)
    return False


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold corpus folder")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write predictions JSONL")
    ap.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    ap.add_argument("--per-doc", action="store_true", help="also print tp/fp/fn per article")
    args = ap.parse_args(argv)
    scores = score_dev(args.gold, args.out)
    if args.json:
        print(json.dumps(scores))
    else:
        for key, value in scores.items():
            print(f"{key:18} {json.dumps(value)}")
    if args.per_doc:
        _print_per_document(per_document(args.gold, args.out))
    return 0


def _print_per_document(table: dict[str, dict]) -> None:
    kinds = ("quotes", "claims", "events")
    print("\n" + "doc".ljust(6) + "".join(f"{k + ' tp/fp/fn':>22}" for k in kinds))
    for doc_id, scores in table.items():
        cells = (f"{scores[k]['tp']}/{scores[k]['fp']}/{scores[k]['fn']}" for k in kinds)
        print(doc_id.ljust(6) + "".join(f"{c:>22}" for c in cells))


if __name__ == "__main__":
    sys.exit(main())
