"""Plain-text articles: title on the first non-empty line, an optional dateline below it.

The whole file (title line included) is the document text, so character offsets agree with
the gold corpus, which stores articles the same way.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from detente.sources.base import Item, ReadOptions
from detente.sources.dateline import find_dateline, has_year, resolve
from detente.sources.documents import clean_newlines, make_document


def read_text_article(text: str, options: ReadOptions) -> Iterator[Item]:
    text = clean_newlines(text)
    lines = text.split("\n")
    title_at = next(i for i, line in enumerate(lines) if line.strip())
    published, warnings = None, []
    dateline = find_dateline(lines[title_at + 1:])
    if dateline:
        reference, warnings = options.reference_date, []
        if reference is None and not has_year(dateline):
            reference = name_date(options.path)
            if reference:
                warnings.append(f"year of dateline {dateline!r} taken from the file name's date {reference}")
        published, warning = resolve(dateline, reference)
        warnings += [warning] if warning else []
    yield make_document(text, path=str(options.path), title=lines[title_at].strip(),
                        published=published, warnings=warnings)


_NAME_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


def name_date(path: Path | str | None) -> dt.date | None:
    """An ISO date in the file name ('kremlin-2026-02-06.txt'): archives name files so, and it
    dates a yearless dateline better than nothing. Used only without --published, and said so."""
    match = _NAME_DATE.search(Path(path).name) if path else None
    if not match:
        return None
    try:
        return dt.date(*map(int, match.groups()))
    except ValueError:
        return None
