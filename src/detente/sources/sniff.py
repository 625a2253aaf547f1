"""Recognise a file's format from its first characters (a .txt that is really HTML...)."""
from __future__ import annotations

import json
import re

SNIFF_CHARS = 2048
FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)
HTML_START = re.compile(r"^\s*(?:<\?xml.*?\?>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)
XML_DECL = re.compile(r"^\s*<\?xml\b", re.IGNORECASE)


def sniff_format(text: str, expected: str | None = None) -> str | None:
    """'feed', 'html', 'json' or 'jsonl' when the content says so clearly, else None.

    ``expected`` is what the extension says; JSON content of a JSON file is not parsed twice.
    """
    head = text[:SNIFF_CHARS].lstrip("\ufeff")
    if (XML_DECL.match(head) or head.lstrip().startswith("<")) and FEED_ROOT.search(head):
        return "feed"
    if HTML_START.match(head):
        return "html"
    stripped = head.lstrip()
    if stripped.startswith(("{", "[")):
        return expected if expected in ("json", "jsonl") else _json_kind(text)
    return None


def _json_kind(text: str) -> str | None:
    try:
        json.loads(text)
        return "json"
    except json.JSONDecodeError:
        pass
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    try:
        json.loads(first)
        return "jsonl"
    except json.JSONDecodeError:
        return None
