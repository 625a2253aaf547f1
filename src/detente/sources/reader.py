"""Dispatch files to readers by content first, extension second, and stream a batch."""
from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from detente.errors import SourceError
from detente.records import Document
from detente.sources.base import Item, Reader, ReadOptions, SourceFailure
from detente.sources.encoding import DEFAULT_MAX_BYTES, read_text
from detente.sources.feeds import read_feed
from detente.sources.html import read_html
from detente.sources.jsonfiles import read_json, read_jsonl
from detente.sources.sniff import sniff_format
from detente.sources.text import read_text_article

log = logging.getLogger(__name__)

READERS: dict[str, Reader] = {
    "text": read_text_article,
    "html": read_html,
    "json": read_json,
    "jsonl": read_jsonl,
    "feed": read_feed,
}
EXTENSIONS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
}

# Databases (a ledger kept beside its articles, with SQLite's -wal/-shm/-journal companions) are
# passed over in folder walks rather than reported as unreadable articles on every ingest;
# named explicitly, they are still tried and refused.
DATABASE_SUFFIXES = (".sqlite", ".sqlite3", ".db", ".duckdb", "-wal", "-shm", "-journal")


def read_items(path: Path, *, reference_date: dt.date | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Documents and per-entry failures of one file; raises ``SourceError`` if the file fails."""
    path = Path(path)
    text = read_text(path, max_bytes)
    expected = EXTENSIONS.get(path.suffix.lower(), "text")
    fmt = sniff_format(text, expected) or expected
    options = ReadOptions(path=path, reference_date=reference_date)
    try:
        yield from READERS[fmt](text, options)
    except SourceError:
        raise
    except Exception as exc:  # a third-party parser's own error: report it against the file
        raise SourceError(f"{path}: cannot be read as {fmt} ({type(exc).__name__}: {exc})") from exc


def read_file(path: str | os.PathLike, *, reference_date: dt.date | None = None,
              max_bytes: int = DEFAULT_MAX_BYTES) -> list[Document]:
    """All documents in one file; bad entries of a multi-article file are logged and skipped."""
    docs, failures = [], []
    for item in read_items(Path(path), reference_date=reference_date, max_bytes=max_bytes):
        (docs if isinstance(item, Document) else failures).append(item)
    for failure in failures:
        log.warning("skipped %s: %s", failure.path, failure.reason)
    if not docs and failures:
        raise SourceError(f"{path}: no readable article ({failures[0].path}: {failures[0].reason})")
    return docs


def iter_documents(paths: Iterable[str | os.PathLike], *, reference_date: dt.date | None = None,
                   max_bytes: int = DEFAULT_MAX_BYTES, keep_duplicates: bool = False,
                   ) -> Iterator[Document | SourceFailure]:
    """Stream documents from files and folders; failures are yielded, duplicates dropped
    (``keep_duplicates``: yielded too, for a caller that reports them)."""
    seen: set[str] = set()
    for path in iter_files(paths):
        try:
            for item in read_items(path, reference_date=reference_date, max_bytes=max_bytes):
                if isinstance(item, Document):
                    if item.id in seen and not keep_duplicates:
                        continue
                    seen.add(item.id)
                yield item
        except SourceError as exc:
            yield SourceFailure(path=str(path), reason=_reason(exc, path))


def iter_files(paths: Iterable[str | os.PathLike]) -> Iterator[Path]:
    """Files in the order given; folders walked recursively, sorted, hidden entries skipped."""
    if isinstance(paths, (str, os.PathLike)):  # one path, not an iterable of its characters
        paths = [paths]
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        else:
            yield path


def _walk(folder: Path) -> Iterator[Path]:
    """Depth-first in name order (a/c, a/z, b), one folder listing in memory at a time."""
    with os.scandir(folder) as entries:
        names = sorted((e.name, e.is_dir()) for e in entries
                       if not e.name.startswith(".") and not e.name.lower().endswith(DATABASE_SUFFIXES))
    for name, is_dir in names:
        yield from _walk(folder / name) if is_dir else [folder / name]


def _reason(exc: SourceError, path: Path) -> str:
    return str(exc).removeprefix(f"{path}: ")
