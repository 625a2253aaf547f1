"""Plain-text articles: title on the first non-empty line, an optional dateline below it.

The whole file (title line included) is the document text, so character offsets agree with
the gold corpus, which stores articles the same way.
"""
from __future__ import annotations

from collections.abc import Iterator

from detente.sources.base import Item, ReadOptions
from detente.sources.dateline import find_dateline, resolve
from detente.sources.documents import clean_newlines, make_document


def read_text_article(text: str, options: ReadOptions) -> Iterator[Item]:
    text = clean_newlines(text)
    lines = text.split("\n")
    title_at = next(i for i, line in enumerate(lines) if line.strip())
    published, warnings = None, []
    dateline = find_dateline(lines[title_at + 1:])
    if dateline:
        published, warning = resolve(dateline, options.reference_date)
        warnings = [warning] if warning else []
    yield make_document(text, path=str(options.path), title=lines[title_at].strip(),
                        published=published, warnings=warnings)
