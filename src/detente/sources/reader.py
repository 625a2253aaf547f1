"""Dispatch files to readers by content first, extension second, and stream a batch."""
from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from detente.errors import SourceError
from detente.records import Document
from detente.sources.base import Item, PassedOver, Reader, ReadOptions, SourceFailure
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

# A folder walk reads only the documented article types; the other files a folder of articles
# holds (notes.md, a spreadsheet, images) are passed over rather than stored as articles or
# reported as failures on every re-run (Markdown is more often notes than an article). A file
# named explicitly is read whatever its suffix.
FOLDER_SUFFIXES = frozenset(EXTENSIONS) - {".md"}

# Databases (a ledger kept beside its articles, with SQLite's -wal/-shm/-journal companions and
# the -lock file detente migrates under) are passed over in folder walks rather than reported as
# unreadable articles on every ingest; named explicitly, they are still tried and refused.
DATABASE_SUFFIXES = (".sqlite", ".sqlite3", ".db", ".duckdb", "-wal", "-shm", "-journal", "-lock")


def read_items(path: Path, *, reference_date: dt.date | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Documents and per-entry failures of one file; raises ``SourceError`` if the file fails."""
    path = Path(path)
    text, warnings = read_text(path, max_bytes)
    expected = EXTENSIONS.get(path.suffix.lower(), "text")
    fmt = expected
    options = ReadOptions(path=path, reference_date=reference_date)
    try:
        fmt = sniff_format(text, expected) or expected
        for item in READERS[fmt](text, options):
            if warnings and isinstance(item, Document):
                item = item.model_copy(update={"warnings": [*warnings, *item.warnings]})
            yield item
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
                   report_passed_over: bool = False) -> Iterator[Document | SourceFailure | PassedOver]:
    """Stream documents from files and folders; failures are yielded, duplicates dropped
    (``keep_duplicates``: yielded too, for a caller that reports them), and files of a folder that
    are not articles passed over (``report_passed_over``: yielded as ``PassedOver``, else logged)."""
    seen: set[str] = set()
    for path in iter_files(paths):
        if isinstance(path, SourceFailure):
            yield path
            continue
        if isinstance(path, PassedOver):
            if report_passed_over:
                yield path
            else:
                log.info("passed over %s: %s", path.path, path.reason)
            continue
        try:
            for item in read_items(path, reference_date=reference_date, max_bytes=max_bytes):
                if isinstance(item, Document):
                    if item.id in seen and not keep_duplicates:
                        continue
                    seen.add(item.id)
                yield item
        except SourceError as exc:
            yield SourceFailure(path=str(path), reason=_reason(exc, path))


def iter_files(paths: Iterable[str | os.PathLike]) -> Iterator[Path | SourceFailure | PassedOver]:
    """Files in the order given; folders walked in name order, hidden entries skipped, and files
    in them that are not of an article type passed over.

    Each real folder is walked once (a symlink loop, or a folder given twice, ends there), and a
    folder that cannot be listed is a failure naming it while the walk goes on.
    """
    if isinstance(paths, (str, os.PathLike)):  # one path, not an iterable of its characters
        paths = [paths]
    walked: set[tuple[int, int]] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path, walked)
        else:
            yield path


def _walk(top: Path, walked: set[tuple[int, int]]) -> Iterator[Path | SourceFailure | PassedOver]:
    """Depth-first in name order (a/c, a/z, b) with a stack, not recursion: depth is unbounded."""
    stack = [iter([(top, True)])]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        path, is_dir = entry
        if not is_dir:
            yield _article(path)  # files that are not regular (a FIFO, a socket) are refused unopened
            continue
        listing = _listing(path, walked)
        if isinstance(listing, SourceFailure):
            yield listing
        else:
            stack.append(iter(listing))


def _listing(folder: Path, walked: set[tuple[int, int]]) -> list[tuple[Path, bool]] | SourceFailure:
    """(path, is folder) of the entries to read, sorted; empty when this folder was walked already."""
    try:
        info = folder.stat()
        if (info.st_dev, info.st_ino) in walked:
            return []
        walked.add((info.st_dev, info.st_ino))
        with os.scandir(folder) as entries:
            return sorted((folder / e.name, _is_dir(e)) for e in entries
                          if not e.name.startswith(".") and not e.name.lower().endswith(DATABASE_SUFFIXES))
    except OSError as exc:
        return SourceFailure(path=str(folder), reason=f"folder cannot be read ({exc.strerror or exc})")


def _article(path: Path) -> Path | PassedOver:
    """A file of a folder, if its suffix names an article type."""
    if path.suffix.lower() in FOLDER_SUFFIXES:
        return path
    return PassedOver(path=str(path), reason=f"not an article type: {path.suffix or 'no suffix'}")


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()  # follows a symlink; a broken one is a file that then fails by name
    except OSError:
        return False


def _reason(exc: SourceError, path: Path) -> str:
    return str(exc).removeprefix(f"{path}: ")
