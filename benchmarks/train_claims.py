#!/usr/bin/env python3
"""Train the learned claim model (``src/detente/extract/claims/models/claims-<version>.json``).

usage: python benchmarks/train_claims.py [--out FILE] [--exclude-fold K ...] [--cv]

Training data: the sentences of the gold corpus (dev, dev2, dev3 under ../shared/corpus) and
of the project's own annotated articles (``training/articles``: real articles annotated by the
corpus guidelines, listed with their URLs in ``training/README.md``; they are only ever trained
on, never scored, and ``--no-training`` leaves them out). A
sentence is a claim sentence when a gold claim's evidence overlaps it (30% of the shorter
span, as score.py matches); its issue, stance and party come from the gold claim it overlaps
most. Position heads learn from the gold claims themselves. The event head learns the type of the
gold event a sentence reports ('none' for most), over the sentence's words alone
(``extract/learned_events.py``). Features keep only what occurs in
at least ``MIN_ARTICLES`` training articles, so no single article's wording is learned by
heart. ``--exclude-fold`` leaves folds of ``benchmarks/folds.json`` out (for held-apart
scoring); ``--cv`` prints GroupKFold (by article) sentence scores and writes them to the meta
file. Loading a model never downloads or unpickles anything: it is JSON.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared" / "corpus"
FOLDS = REPO_ROOT / "benchmarks" / "folds.json"
FOLDERS = ("dev", "dev2", "dev3")
TRAINING = REPO_ROOT / "training" / "articles"
MIN_ARTICLES = 3
C_CLAIM, C_LABELS, ALPHA_POSITION, C_EVENT = 0.3, 1.0, 0.3, 0.3
THRESHOLD = 0.5  # chosen on folds 0-2 (``--cv`` prints the sentence-F1 optimum beside it)
PLACE_THRESHOLD = 0.4  # chosen on folds 0-2 at stop 18 by positions MAE and recall15 (0.2-0.6 tried)
EVENT_THRESHOLD = 0.8  # chosen on folds 0-2 by events F1 (0.4-0.8 tried: 0.700-0.710; none 0.700)
VERSION = "1"
# The sentence vector (mean of the parse's token vectors) beside the words: scale chosen on folds
# 0-2 by claim-sentence F1 (0.5, 1, 2, 4, 8 tried); the heads that read it, by corpus_eval.
VECTOR_SCALE = 2.0
VECTOR_HEADS = ("claim", "event", "stance", "issue")
VECTOR_FAMILY = "vector"  # ``drop`` it to train on the words alone (an ablation arm)


@dataclass
class Sentence:
    sent: object
    speaker: object
    rules: list
    features: list[str]
    gold: dict | None = None  # the gold claim it states, if any
    words: list[str] = field(default_factory=list)  # what the event head reads
    event: str = "none"  # the type of the gold event it reports, if any
    vector: object = None  # the unit sentence vector (``model.sentence_vector``)
    source: list[str] | None = None  # what the source head reads of its gold claim, if any


@dataclass
class Article:
    id: str
    gold: dict
    document: object
    ctx: object
    quotes: list
    events: list
    doubts: list
    sentences: list[Sentence] = field(default_factory=list)
    pipeline: str = ""  # the spaCy pipeline that parsed it (``model.pipeline_name``)


def folds() -> dict:
    return json.loads(FOLDS.read_text(encoding="utf-8"))


def articles_of(fold_ids, data: dict) -> set[str]:
    """Article ids of the named folds ('dev' or a fold number)."""
    out = set()
    for f in fold_ids:
        out |= set(data["dev"]) if str(f) == "dev" else set(data["folds"][str(f)])
    return out


def corpus_paths(folders=FOLDERS, training: bool = True) -> list[Path]:
    """The gold folders' article files, then the project's training articles."""
    dirs = [SHARED / folder for folder in folders] + ([TRAINING] if training else [])
    return [path for d in dirs for path in sorted(d.glob("*.json"))]


def parse_corpus(extractor=None, folders=FOLDERS, only: set[str] | None = None,
                 training: bool = True) -> list[Article]:
    """Every gold article parsed once, with the rules' quotes, claims (per sentence) and events.
    ``only`` picks gold articles by id; training articles (in no fold) come with ``training``."""
    from detente.extract import Extractor
    from detente.extract.claims.model import article_words, pipeline_name, sentence_features, sentence_vector
    from detente.extract.mentions.speakers import sentence_speaker
    from detente.extract.claims.finder import _sentence_claims
    from detente.extract.context import ArticleContext
    from detente.extract.events.finder import find_events
    from detente.extract.claims.hedging import doubted_topics
    from detente.extract.quotes.finder import find_quotes
    from detente.records import Document
    from detente.sources import iter_documents

    extractor = extractor or Extractor(claim_model=None)  # the rules' findings are features
    golds, paths = {}, []
    for path in corpus_paths(folders, training):
        if only is None or path.stem in only or path.parent == TRAINING:
            try:
                golds[path.stem] = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:  # one line that names the file, not a traceback into json
                raise SystemExit(f"{path}: not a readable corpus article ({exc}); check it with "
                                 f"../shared/corpus/check_gold.py") from exc
            paths.append(path)
    docs = [d for d in iter_documents(paths) if isinstance(d, Document)]
    out = []
    for doc, document in extractor.nlp.pipe(((d.text, d) for d in docs), as_tuples=True, batch_size=16):
        gid = Path(document.path or "").stem if getattr(document, "path", None) else None
        gold = golds.get(gid) or next(g for g in golds.values() if g["url"] == document.url)
        ctx = ArticleContext(document=document, codebook=extractor.codebook, doc=doc,
                             reference_date=document.published)
        quotes = find_quotes(ctx)
        art = Article(gold["id"], gold, document, ctx, quotes, find_events(ctx), doubted_topics(doc),
                      pipeline=pipeline_name(extractor.nlp.meta))
        sents = list(doc.sents)
        for i, sent in enumerate(sents):
            follow = sents[i + 1] if i + 1 < len(sents) else None
            speaker = sentence_speaker(sent, ctx, quotes)
            rules = _sentence_claims(sent, follow, ctx, speaker, art.doubts, extractor.issue_classifier)
            words = article_words(sent, ctx)
            feats = sentence_features(sent, ctx.codebook, rules, speaker, words)
            claim = _gold_claim(sent, gold)
            source = _source_reading(sent, ctx, speaker, rules, claim, words) if claim else None
            art.sentences.append(Sentence(sent, speaker, rules, feats, claim, words, _gold_event(sent, gold),
                                          sentence_vector(sent), source))
        out.append(art)
    return out


def _source_reading(sent, ctx, speaker, rules, claim: dict, words: list[str]) -> list[str]:
    """The source head's features for a gold claim, as the pipeline will read them: the source of
    the rules' claim of the same side in the sentence, else the one a claim the model adds gets."""
    from detente.extract.claims.finder import _acting_party, _background
    from detente.extract.claims.model import source_features
    from detente.extract.claims.provenance import make_source, source_links

    rule = next((c for c in rules if c.party == claim["party"]), None)
    if rule is not None:
        kind = rule.source.type
    else:
        kind = make_source(source_links(sent.root, sent, ctx, speaker) or _acting_party(sent, claim["party"], ctx)).type
    return source_features(words, kind, _background(sent.root), speaker)


def _gold_claim(sent, gold: dict) -> dict | None:
    return _overlapping(sent, gold["text"], gold["gold"]["claims"])


def _gold_event(sent, gold: dict) -> str:
    """The type of the gold event the sentence reports ('none' if it reports none)."""
    event = _overlapping(sent, gold["text"], gold["gold"]["events"])
    return event["type"] if event else "none"


def _overlapping(sent, text: str, items: list[dict]) -> dict | None:
    """The gold item whose evidence overlaps the sentence most, as score.py matches spans."""
    best, best_ov = None, 0
    for c in items:
        i = text.find(c["evidence"])
        if i < 0:
            continue
        lo, hi = max(i, sent.start_char), min(i + len(c["evidence"]), sent.end_char)
        ov = hi - lo
        if ov > 0.3 * min(len(c["evidence"]), sent.end_char - sent.start_char) and ov > best_ov:
            best, best_ov = c, ov
    return best


def train(articles: list[Article], threshold: float | None = None, drop: tuple[str, ...] = ()):
    """A ClaimModel fitted on these articles (one BLAS thread: on a small shared machine more
    threads only contend, and a fit takes ten times longer)."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(1):
        return _train(articles, threshold, drop)


def _train(articles: list[Article], threshold: float | None, drop: tuple[str, ...] = ()):
    from scipy import sparse
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression, Ridge

    from detente.extract.claims.model import ClaimModel, Head, Vectors, claim_features, position_features

    sent_rows = [(a.id, s) for a in articles for s in a.sentences]
    pos_rows = [(a.id, c["evidence"], c) for a in articles for c in a.gold["gold"]["claims"]]
    claim_feats = [claim_features(e, c["party"], c["issue"], c["stance"]) for _, e, c in pos_rows]
    seen: dict[str, set] = {}
    for aid, s in sent_rows:
        for f in s.features:
            seen.setdefault(f, set()).add(aid)
    for (aid, _, _), feats in zip(pos_rows, claim_feats):
        for f in feats:
            seen.setdefault(f, set()).add(aid)
    for aid, s in sent_rows:
        for f in s.source or ():
            seen.setdefault(f, set()).add(aid)
    kept = (f for f, ids in seen.items() if len(ids) >= MIN_ARTICLES and not _dropped(f, drop))
    vocab = {f: i for i, f in enumerate(sorted(kept))}
    vec = DictVectorizer()
    vec.vocabulary_, vec.feature_names_ = vocab, sorted(vocab, key=vocab.get)

    def matrix(rows):
        return vec.transform([{f: 1 for f in feats} for feats in rows])

    dims = next((s.vector.shape[0] for _, s in sent_rows if s.vector is not None), 0)
    V = sparse.csr_matrix(np.array([s.vector if s.vector is not None else np.zeros(dims) for _, s in sent_rows])
                          * VECTOR_SCALE) if dims and VECTOR_FAMILY not in drop else None

    def reading(name, X, rows=slice(None)):
        """The words, and the sentence vector beside them where this head reads it."""
        return sparse.hstack([X, V[rows]]).tocsr() if V is not None and name in VECTOR_HEADS else X

    X = matrix([s.features for _, s in sent_rows])
    y = np.array([s.gold is not None for _, s in sent_rows])
    heads = {"claim": _logistic(LogisticRegression(C=C_CLAIM, max_iter=2000), reading("claim", X), y, binary=True)}
    pos = np.nonzero(y)[0]
    for name, key in (("issue", "issue"), ("stance", "stance"), ("party", "party")):
        labels = [sent_rows[i][1].gold[key] for i in pos]
        heads[name] = _logistic(LogisticRegression(C=C_LABELS, max_iter=2000), reading(name, X[pos], pos), labels)
    sourced = [i for i in pos if sent_rows[i][1].source is not None]
    heads["source"] = _logistic(LogisticRegression(C=C_LABELS, max_iter=2000),
                                matrix([sent_rows[i][1].source for i in sourced]),
                                [sent_rows[i][1].gold["source_type"] for i in sourced])
    Xc = matrix(claim_feats)
    placed = np.array([c.get("position") is not None for _, _, c in pos_rows])
    heads["placed"] = _logistic(LogisticRegression(C=C_LABELS, max_iter=2000), Xc, placed, binary=True)
    idx = np.nonzero(placed)[0]
    Xp = matrix([position_features(c["party"], c["issue"], c["stance"]) for _, _, c in pos_rows])
    ridge = Ridge(alpha=ALPHA_POSITION).fit(Xp[idx], [float(pos_rows[i][2]["position"]) for i in idx])
    heads["position"] = Head([None], ridge.coef_.reshape(-1, 1), np.array([ridge.intercept_]), "regression")
    events = [s.event for _, s in sent_rows]
    if len(set(events)) > 1:
        heads["event"] = _logistic(LogisticRegression(C=C_EVENT, max_iter=3000),
                                   reading("event", matrix([s.words for _, s in sent_rows])), events)
    vectors = None
    if V is not None:
        heads = {name: _split_dense(h, len(vocab)) for name, h in heads.items()}
        vectors = Vectors(articles[0].pipeline, dims, VECTOR_SCALE)
    return ClaimModel(VERSION, vocab, heads, THRESHOLD if threshold is None else threshold, PLACE_THRESHOLD,
                       EVENT_THRESHOLD, vectors)


def _split_dense(head, n_words: int):
    """A head fitted on words and vector together, as the model keeps it: the two weight blocks apart."""
    if head.coef.shape[0] == n_words:
        return head
    return replace(head, coef=head.coef[:n_words].copy(), dense=head.coef[n_words:].copy())


def _dropped(feature: str, drop: tuple[str, ...]) -> bool:
    """A feature of a family left out (an ablation arm): 'w:' also leaves out 'territory|w:'."""
    return any(feature.startswith(d) or f"|{d}" in feature for d in drop)


def _logistic(lr, X, y, binary: bool = False):
    from detente.extract.claims.model import Head

    lr.fit(X, y)
    classes = [bool(c) if binary else str(c) for c in lr.classes_]
    if binary:
        return Head(classes, lr.coef_.T.copy(), lr.intercept_.copy(), "binary")
    if len(classes) == 2:  # sklearn keeps one column for two classes
        coef = np.hstack([-lr.coef_.T, lr.coef_.T]) / 2
        return Head(classes, coef, np.array([-lr.intercept_[0], lr.intercept_[0]]) / 2, "multiclass")
    return Head(classes, lr.coef_.T.copy(), lr.intercept_.copy(), "multiclass")


def _best_threshold(probs, gold) -> float:
    """The claim threshold that maximises sentence F1 over out-of-fold probabilities."""
    best, best_f = 0.5, -1.0
    for t in np.arange(0.2, 0.81, 0.025):
        f = _f1(probs >= t, gold)
        if f > best_f:
            best, best_f = round(float(t), 3), f
    return best


def sentence_oof(articles: list[Article], n_splits: int = 5):
    """Out-of-fold claim probabilities of every sentence (GroupKFold by article)."""
    from sklearn.model_selection import GroupKFold

    groups = np.array([i for i, a in enumerate(articles) for _ in a.sentences])
    probs = np.zeros(len(groups))
    gold = np.array([s.gold is not None for a in articles for s in a.sentences])
    flat = [s for a in articles for s in a.sentences]
    for tr, te in GroupKFold(n_splits=n_splits).split(np.zeros(len(groups)), groups=groups):
        keep = sorted(set(groups[tr]))
        model = train([articles[i] for i in keep], threshold=0.5)
        head = model.heads["claim"]
        for j in te:
            probs[j] = head.probability(model.index(flat[j].features), model.vector(flat[j].sent))
    return probs, gold


def _f1(pred, gold) -> float:
    tp = float((pred & gold).sum())
    p = tp / max(1, pred.sum())
    r = tp / max(1, gold.sum())
    return 2 * p * r / (p + r) if p + r else 0.0


def _prf(pred, gold) -> dict:
    tp = float((pred & gold).sum())
    p, r = tp / max(1, pred.sum()), tp / max(1, gold.sum())
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4)}


def main(argv: list[str] | None = None) -> int:
    from detente.extract.claims.model import MODEL_DIR

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=MODEL_DIR / f"claims-{VERSION}.json")
    ap.add_argument("--exclude-fold", action="append", default=[], help="leave this fold of folds.json out")
    ap.add_argument("--cv", action="store_true", help="GroupKFold sentence scores into the meta file")
    ap.add_argument("--no-training", action="store_true", help="the gold corpus only, not training/articles")
    args = ap.parse_args(argv)
    data = folds()
    every = articles_of(["dev", *data["folds"]], data)
    only = every - articles_of(args.exclude_fold, data)
    articles = parse_corpus(only=only, training=not args.no_training)
    model = train(articles)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    model.save(args.out)
    meta = {"model": args.out.name, "version": VERSION, "trained": dt.date.today().isoformat(),
            "data": {"folders": list(FOLDERS), "articles": len(articles),
                     "training_articles": sum(a.id not in every for a in articles),
                     "sentences": sum(len(a.sentences) for a in articles),
                     "claim_sentences": sum(s.gold is not None for a in articles for s in a.sentences),
                     "excluded_folds": args.exclude_fold},
            "features": len(model.vocab), "min_articles_per_feature": MIN_ARTICLES,
            "hyperparameters": {"C_claim": C_CLAIM, "C_labels": C_LABELS, "alpha_position": ALPHA_POSITION,
                                "C_event": C_EVENT, "threshold": model.threshold,
                                "place_threshold": model.place_threshold, "event_threshold": model.event_threshold,
                                "vector_scale": VECTOR_SCALE, "vector_heads": list(VECTOR_HEADS)},
            "vectors": model.vectors.pipeline if model.vectors else None,
            "versions": _versions()}
    if args.cv:
        probs, gold = sentence_oof(articles)
        rules = np.array([bool(s.rules) for a in articles for s in a.sentences])
        meta["cv_sentences"] = {"learned": _prf(probs >= model.threshold, gold), "rules": _prf(rules, gold),
                                "best_threshold": _best_threshold(probs, gold),
                                "splits": "GroupKFold(5) by article"}
        print(json.dumps(meta["cv_sentences"]))
    meta_path = args.out.with_name(args.out.stem + ".meta.json")
    meta_path.write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(model.vocab)} features, threshold {model.threshold}) and {meta_path}")
    return 0


def _versions() -> dict:
    import sklearn
    import spacy

    return {"scikit-learn": sklearn.__version__, "spacy": spacy.__version__, "numpy": np.__version__,
            "python": sys.version.split()[0]}


if __name__ == "__main__":
    sys.exit(main())
