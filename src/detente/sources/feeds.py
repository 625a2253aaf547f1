"""RSS/Atom feed files: each entry becomes a document of its own.

An entry's ``<source>`` names its outlet; the feed's own title is the fallback.
"""
from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator

import feedparser

from detente.errors import SourceError
from detente.sources.base import Item, ReadOptions, SourceFailure
from detente.sources.documents import make_document
from detente.sources.html import html_to_text


def read_feed(text: str, options: ReadOptions) -> Iterator[Item]:
    feed = feedparser.parse(text)
    if not feed.entries:
        problem = getattr(feed, "bozo_exception", None)
        detail = f" ({problem})" if problem else ""
        raise SourceError(f"{options.path}: feed has no entries{detail}")
    outlet = feed.feed.get("title")
    for i, entry in enumerate(feed.entries):
        yield _entry_document(entry, outlet, options, where=f"{options.path}#{i + 1}")


def _entry_document(entry, outlet: str | None, options: ReadOptions, *, where: str) -> Item:
    markup = _entry_html(entry)
    body = html_to_text(markup) if markup.strip() else ""
    if not body:
        return SourceFailure(path=where, reason="feed entry has no content or summary")
    source = entry.get("source") or {}
    return make_document(body, path=where, title=entry.get("title"), url=entry.get("link"),
                         outlet=source.get("title") or outlet, published=_entry_date(entry))


def _entry_html(entry) -> str:
    for content in entry.get("content") or []:
        if content.get("value", "").strip():
            return content["value"]
    return entry.get("summary") or ""


def _entry_date(entry) -> dt.date | None:
    parsed: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None
