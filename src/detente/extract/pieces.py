"""Long texts are parsed in pieces cut at paragraph boundaries and joined back into one ``Doc``.

spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters) and its parser's memory
grows with the length of a ``Doc``; a long run without whitespace (50 KB of quotation marks)
is split by the tokenizer one affix at a time, each time rescanning the rest of the run, so its
cost grows with the square of the run. Cutting the text into pieces that concatenate back to it
exactly keeps every character offset of the whole text: a span of the joined ``Doc`` is the
same substring of the document text.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

PIECE_CHARS = 100_000  # longest piece parsed at once; well below spaCy's max_length
MAX_RUN = 100  # longest run of non-space characters tokenized at once
_LONG_RUN = re.compile(r"\S{%d,}" % (MAX_RUN + 1))


def cuts(text: str, limit: int = PIECE_CHARS, max_run: int = MAX_RUN) -> list[int]:
    """Offsets where ``text`` is cut (0 and ``len(text)`` included): at a paragraph break where
    one lies within ``limit``, else a line break, a sentence end, a space, or ``limit`` itself;
    and every ``max_run`` characters inside a longer run without whitespace."""
    out = [0]
    runs = [(m.start(), m.end()) for m in _LONG_RUN.finditer(text)] if len(text) > max_run else []
    for start, end in runs:
        out += range(start, end, max_run)
    out.append(len(text))
    out = sorted(set(out))
    pieces = [0]
    for a, b in zip(out, out[1:]):
        while b - a > limit:
            a = _cut_before(text, a, a + limit)
            pieces.append(a)
        pieces.append(b)
    return pieces


def _cut_before(text: str, start: int, stop: int) -> int:
    """The best cut in (start, stop]: after a blank line, a line break, a full stop or a space."""
    for mark in ("\n\n", "\n", ". ", " "):
        k = text.rfind(mark, start + 1, stop)
        if k > start:
            return min(k + len(mark), stop)
    return stop


def parse(nlp: Language, texts: Iterable[tuple[str, object]], batch_size: int = 16) -> Iterator[tuple[Doc, object]]:
    """``nlp.pipe(texts, as_tuples=True)``, with long texts parsed piece by piece and joined."""
    limit = min(PIECE_CHARS, nlp.max_length)

    def flat():
        for text, context in texts:
            at = cuts(text, limit)
            for k, (a, b) in enumerate(zip(at, at[1:])):
                yield text[a:b], (context, k == len(at) - 2)
            if len(at) == 1:  # the empty text
                yield text, (context, True)

    parts: list[Doc] = []
    for doc, (context, last) in nlp.pipe(flat(), as_tuples=True, batch_size=batch_size):
        parts.append(doc)
        if last:
            yield (parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)), context
            parts = []
