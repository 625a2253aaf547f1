"""A paragraph break ends a sentence, and so does a dateline's dash: set before the parser, so no
parse runs across one.

The small model often joins a headline or a one-line paragraph to the next paragraph, and a
speaker or clause then reaches across the break. Registered as a spaCy component so the
pipeline stays one parse.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

PARAGRAPH_BREAKS = "detente_paragraph_breaks"
_DASHES = frozenset({"—", "–", "―", "--", "-"})


@Language.component(PARAGRAPH_BREAKS)
def paragraph_breaks(doc: Doc) -> Doc:
    """Mark sentence starts only: the parser keeps every boundary set before it."""
    for tok in doc[1:]:
        if "\n" in doc[tok.i - 1].text_with_ws and not tok.is_space:
            tok.is_sent_start = True
            _after_dateline(doc, tok.i)
    if len(doc):
        _after_dateline(doc, 0)
    return doc


def _after_dateline(doc: Doc, first: int) -> None:
    """"WASHINGTON (AP) — President Obama said …", "KYIV, March 3 (Reuters) - …": the dateline
    is not the sentence's subject."""
    for tok in doc[first:first + 8]:
        if tok.text in _DASHES:
            if tok.i > first and doc[first].is_upper and doc[first].is_alpha and tok.i + 1 < len(doc):
                doc[tok.i + 1].is_sent_start = True
            return
        if not (tok.is_upper or tok.is_punct or tok.text[:1].isupper() or tok.is_digit):
            return


_CLOSING = (".", "!", "?", '"', "”", "’", "'", "»", ")", "…", ",", ";", ":", "—")
# Titles run to about fifteen words; a longer line without closing punctuation is prose that lost
# its full stop (a cut excerpt, a scraped lead paragraph), not a heading.
HEADING_MAX_WORDS = 16


def headline(line: Span) -> bool:
    """A title or caption-like line: short, with no closing punctuation."""
    return heading_text(line.text)


def heading_text(text: str) -> bool:
    """The test of ``headline`` on plain text (a claim's evidence has no parse of its own)."""
    text = text.strip()
    return len(text.split()) <= HEADING_MAX_WORDS and not text.endswith(_CLOSING)


def heading_line(sent: Span) -> bool:
    """A sentence that is a whole line of its own with no closing punctuation: a title, a
    subheading, a caption ("Reply to Von der Leyen"), not part of the story's prose."""
    doc = sent.doc
    starts_line = sent.start == 0 or "\n" in doc[sent.start - 1].text_with_ws
    ends_line = sent.end >= len(doc) or "\n" in doc[sent.end - 1].text_with_ws or doc[sent.end].is_space
    return starts_line and ends_line and bool(sent.text.strip()) and headline(sent)


def with_paragraph_breaks(nlp: Language) -> Language:
    """``nlp`` with the component before its parser (once)."""
    if PARAGRAPH_BREAKS not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe(PARAGRAPH_BREAKS, before=before)
    return nlp
