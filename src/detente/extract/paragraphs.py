"""A paragraph break ends a sentence: set before the parser, so no parse runs across one.

The small model often joins a headline or a one-line paragraph to the next paragraph, and a
speaker or clause then reaches across the break. Registered as a spaCy component so the
pipeline stays one parse.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

PARAGRAPH_BREAKS = "detente_paragraph_breaks"


@Language.component(PARAGRAPH_BREAKS)
def paragraph_breaks(doc: Doc) -> Doc:
    for tok in doc[1:]:
        if "\n" in doc[tok.i - 1].text_with_ws and not tok.is_space:
            tok.is_sent_start = True
    return doc


def with_paragraph_breaks(nlp: Language) -> Language:
    """``nlp`` with the component before its parser (once)."""
    if PARAGRAPH_BREAKS not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe(PARAGRAPH_BREAKS, before=before)
    return nlp
