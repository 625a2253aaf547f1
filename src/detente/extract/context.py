"""What every extraction component reads: the parsed Doc, the Document and the case codebook."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Doc

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
