"""Build ``Document`` records: one id per article, whatever the format it came in."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata

from detente.records import Document

ID_LENGTH = 16


def normalise_text(text: str) -> str:
    """NFC, whitespace collapsed, stripped: what makes two copies of an article the same."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def document_id(text: str) -> str:
    """Hash of the normalised text, so line endings, BOMs or the file format do not matter."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:ID_LENGTH]


def clean_newlines(text: str) -> str:
    """Drop a BOM and turn CRLF/CR into LF, as Python's text mode would."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def make_document(text: str, *, path: str | None = None, title: str | None = None,
                  url: str | None = None, outlet: str | None = None,
                  published: dt.date | None = None, warnings: list[str] | None = None) -> Document:
    """A ``Document`` whose id is the hash of its text; empty strings count as missing."""
    return Document(id=document_id(text), text=text, title=_blank_none(title), url=_blank_none(url),
                    outlet=_blank_none(outlet), published=published, path=path,
                    warnings=list(warnings or []))


def _blank_none(value: str | None) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None
