"""Extraction in several processes, in input order, without holding the whole input.

Each worker loads its own spaCy pipeline once (a parsed ``Doc`` is costly to send between
processes, so whole extractions run in the worker). Documents go out in windows of
``workers × batch_size × 2`` so memory stays flat however long the stream.
"""
from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterable, Iterator
from itertools import islice

from detente.records import Document, Extraction

_EXTRACTOR = None


def pipe_parallel(extractor, documents: Iterable[Document], workers: int,
                  batch_size: int = 16) -> Iterator[Extraction]:
    """``Extractor.pipe`` over ``workers`` processes; the order of ``documents`` is kept."""
    model = extractor.nlp.meta.get("lang", "en") + "_" + extractor.nlp.meta.get("name", "")
    args = (extractor.codebook, model, extractor.components, extractor.issue_classifier, extractor.claim_model)
    window = max(1, workers * batch_size * 2)
    it = iter(documents)
    ctx = mp.get_context("spawn")
    with ctx.Pool(workers, initializer=_init, initargs=args) as pool:
        while True:
            chunk = list(islice(it, window))
            if not chunk:
                return
            batches = [chunk[i:i + batch_size] for i in range(0, len(chunk), batch_size)]
            for results in pool.imap(_extract_batch, batches):
                yield from results


def _init(codebook, model: str, components: tuple[str, ...], issue_classifier: str | None,
          claim_model=None) -> None:
    global _EXTRACTOR
    from detente.extract.pipeline import Extractor, load_nlp

    _EXTRACTOR = Extractor(codebook=codebook, nlp=load_nlp(model), components=components,
                           issue_classifier=issue_classifier, claim_model=claim_model)


def _extract_batch(batch: list[Document]) -> list[Extraction]:
    return list(_EXTRACTOR.pipe(batch, batch_size=len(batch)))
