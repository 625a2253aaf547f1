"""JSON readers: detente's corpus files, generic article objects/arrays, and JSON Lines.

An article object needs ``text``; ``title``, ``url``, ``outlet`` (or ``source``/``sitename``)
and ``published`` (or ``date``) are optional. Anything else (the corpus's ``gold``) is ignored.
"""
from __future__ import annotations

import json
from collections.abc import Iterator

from detente.errors import SourceError
from detente.sources.base import Item, ReadOptions, SourceFailure
from detente.sources.documents import clean_newlines, make_document
from detente.sources.metadata import published_from

OUTLET_KEYS = ("outlet", "sitename", "source")
DATE_KEYS = ("published", "date", "published_at")


def loads(text: str):
    """``json.loads``, with nesting too deep for Python's parser as a ``ValueError`` of its own."""
    try:
        return json.loads(text)
    except RecursionError:
        raise TooDeep("JSON nested too deeply to read (an article object is a few levels deep)") from None


class TooDeep(ValueError):
    pass


def read_json(text: str, options: ReadOptions) -> Iterator[Item]:
    """One article object, or an array of them (each bad entry is its own failure)."""
    try:
        data = loads(text)
    except TooDeep as exc:
        raise SourceError(f"{options.path}: {exc}") from None
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # one object per line in a .json file
            yield from read_jsonl(text, options)
            return
        raise SourceError(f"{options.path}: not valid JSON ({exc.msg}, line {exc.lineno})") from exc
    if isinstance(data, dict):
        yield article_from_object(data, options, where=str(options.path))
    elif isinstance(data, list):
        if not data:
            raise SourceError(f"{options.path}: JSON array holds no articles")
        for i, entry in enumerate(data):
            yield _entry_or_failure(entry, options, where=f"{options.path}[{i}]")
    else:
        raise SourceError(f"{options.path}: JSON holds neither an article object nor a list of them")


def read_jsonl(text: str, options: ReadOptions) -> Iterator[Item]:
    """One article object per line; a bad line is a failure of that line only."""
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{options.path}:{lineno}"
        try:
            entry = loads(line)
        except TooDeep as exc:
            yield SourceFailure(path=where, reason=str(exc))
            continue
        except json.JSONDecodeError as exc:
            yield SourceFailure(path=where, reason=f"not valid JSON ({exc.msg})")
            continue
        yield _entry_or_failure(entry, options, where=where)


def article_from_object(data: dict, options: ReadOptions, *, where: str):
    """A ``Document`` from one article object; raises ``SourceError`` without usable text."""
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        raise SourceError(f"{where}: article object has no 'text'")
    published, warnings = published_from(_first(data, DATE_KEYS), options.reference_date)
    return make_document(clean_newlines(text), path=where, title=data.get("title"),
                         url=data.get("url"), outlet=_first(data, OUTLET_KEYS),
                         published=published, warnings=warnings)


def _entry_or_failure(entry, options: ReadOptions, *, where: str) -> Item:
    if not isinstance(entry, dict):
        return SourceFailure(path=where, reason="entry is not a JSON object")
    try:
        return article_from_object(entry, options, where=where)
    except SourceError as exc:
        return SourceFailure(path=where, reason=str(exc).removeprefix(f"{where}: "))


def _first(data: dict, keys: tuple[str, ...]):
    for key in keys:
        value = data.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return None
