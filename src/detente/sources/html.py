"""HTML pages: trafilatura finds the article and its metadata; lxml is the fallback.

Without a date in the page's metadata, a dateline at the top of the text is used.
Malformed, truncated or absurdly deep markup still gives text when any is there; a page with
no text at all is a ``SourceError`` rather than an empty document.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser

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
# Deepest nesting lxml keeps with ``huge_tree`` (libxml2's limit); deeper pages are read as a stream.
MAX_TREE_DEPTH = 2048
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def read_html(text: str, options: ReadOptions) -> Iterator[Item]:
    tree, deep = parse(text)
    extracted = _trafilatura(tree) if tree is not None and not deep else None
    meta = extracted.as_dict() if extracted is not None else {}
    body = (meta.get("text") or "").strip() or html_to_text(text)
    if not body:
        raise SourceError(f"{options.path}: HTML page holds no article text")
    warnings = [f"page nests elements deeper than {MAX_TREE_DEPTH}: all its visible text was kept, "
                "without telling article from page furniture"] if deep else []
    published, date_warnings = published_from(meta.get("date") or find_dateline(body.split("\n")),
                                              options.reference_date)
    yield make_document(body, path=str(options.path), title=meta.get("title") or _html_title(text),
                        url=meta.get("url"), outlet=meta.get("sitename"),
                        published=published, warnings=warnings + date_warnings)


def parse(markup: str) -> tuple[lxml.html.HtmlElement | None, bool]:
    """The page's tree (None if lxml finds none) and whether it was cut at the depth limit.

    lxml keeps 256 levels by default and drops what lies deeper, silently; ``huge_tree`` lifts
    that to 2048, and past that the caller reads the text with a parser that keeps no tree.
    """
    markup = XML_DECLARATION.sub("", markup, count=1)  # lxml refuses str input that declares an encoding
    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        root = lxml.html.fromstring(markup, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None, False
    deep = any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)
    return root, deep


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page or fragment, one paragraph per line, however deep it nests."""
    root, deep = parse(markup)
    if deep:
        return _lines(_stream_text(markup))
    if root is None:
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
    return _lines("".join(parts))


def _lines(text: str) -> str:
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


class _TextStream(HTMLParser):
    """Visible text from a stream of tags: no tree, so no depth to run out of."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "body":
            self.hidden = 0  # an unclosed <head> ends where the body begins
        elif tag in DROP_TAGS:
            self.hidden += 1
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in DROP_TAGS and self.hidden:
            self.hidden -= 1
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def _stream_text(markup: str) -> str:
    stream = _TextStream()
    stream.feed(markup)
    stream.close()
    return "".join(stream.parts)


def _trafilatura(tree):
    try:
        return trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False,
                                           favor_precision=False)
    except Exception:  # trafilatura gives up on some broken trees; lxml takes over
        return None


def _html_title(markup: str) -> str | None:
    match = re.search(r"<title[^>]*>(.*?)</title>", markup, re.IGNORECASE | re.DOTALL)
    return re.sub(r"\s+", " ", match.group(1)).strip() if match else None
