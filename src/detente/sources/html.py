"""HTML pages: trafilatura finds the article and its metadata; lxml is the fallback.

Without a date in the page's metadata, a dateline at the top of the text is used.
Malformed or truncated markup still gives text when any is there; a page with no text at all
is a ``SourceError`` rather than an empty document.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

import lxml.etree
import lxml.html
import trafilatura

from detente.errors import SourceError
from detente.sources.base import Item, ReadOptions
from detente.sources.dateline import find_dateline
from detente.sources.documents import make_document
from detente.sources.metadata import published_from

# Elements whose text is never article text.
DROP_TAGS = ("script", "style", "noscript", "template", "head", "nav", "footer", "form", "iframe", "svg")
# Elements that end a paragraph of plain text.
BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
              "article", "section", "tr", "pre", "ul", "ol", "table", "header", "main"}
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def read_html(text: str, options: ReadOptions) -> Iterator[Item]:
    extracted = _trafilatura(text)
    meta = extracted.as_dict() if extracted is not None else {}
    body = (meta.get("text") or "").strip() or html_to_text(text)
    if not body:
        raise SourceError(f"{options.path}: HTML page holds no article text")
    published, warnings = published_from(meta.get("date") or find_dateline(body.split("\n")),
                                         options.reference_date)
    yield make_document(body, path=str(options.path), title=meta.get("title") or _html_title(text),
                        url=meta.get("url"), outlet=meta.get("sitename"),
                        published=published, warnings=warnings)


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page or fragment, one paragraph per line."""
    markup = XML_DECLARATION.sub("", markup, count=1)  # lxml refuses str input that declares an encoding
    try:
        root = lxml.html.fromstring(markup)
    except (lxml.etree.ParserError, ValueError):
        return ""
    for bad in root.xpath("//" + "|//".join(DROP_TAGS)):
        bad.drop_tree()
    parts: list[str] = []
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in BLOCK_TAGS:
            parts.append("\n")
        if isinstance(element.tag, str) and element.text:
            parts.append(element.text)
        if element.tail and element is not root:
            parts.append(element.tail)
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _trafilatura(markup: str):
    try:
        return trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False,
                                           favor_precision=False)
    except Exception:  # trafilatura gives up on some broken trees; lxml takes over
        return None


def _html_title(markup: str) -> str | None:
    match = re.search(r"<title[^>]*>(.*?)</title>", markup, re.IGNORECASE | re.DOTALL)
    return re.sub(r"\s+", " ", match.group(1)).strip() if match else None
