"""What every extraction component reads: the parsed Doc, the Document and the case codebook."""
from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from detente.codebook import Codebook
from detente.records import Document


@dataclass
class ArticleContext:
    """One article under extraction. ``doc`` is parsed once and shared by every component."""

    document: Document
    codebook: Codebook
    doc: Doc
    reference_date: dt.date | None = None
    scratch: dict = field(default_factory=dict)  # components may cache shared work here (e.g. actor mentions)

    @property
    def text(self) -> str:
        return self.document.text

    def ents_in(self, span: Span) -> list[Span]:
        """Same as ``span.ents`` (the entities wholly inside), without ``Span.ents`` rescanning
        every entity of the Doc on each call."""
        found = self.scratch.get("ents")
        if found is None:
            found = self.scratch["ents"] = _sorted_ents(self.doc)
        ents, starts = found
        out = []
        for ent in ents[bisect_left(starts, span.start):]:
            if ent.end > span.end:
                break
            out.append(ent)
        return out


def _sorted_ents(doc: Doc) -> tuple[tuple[Span, ...], list[int]]:
    ents = tuple(doc.ents)
    return ents, [e.start for e in ents]
