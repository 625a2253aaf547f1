"""Recognise a file's format from its first characters (a .txt that is really HTML...)."""
from __future__ import annotations

import json
import re

SNIFF_CHARS = 2048
FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)
HTML_START = re.compile(r"^\s*(?:<\?xml.*?\?>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                        re.IGNORECASE | re.DOTALL)
# A saved fragment without <html>: starts with a tag and holds paragraph-level markup.
HTML_FRAGMENT = re.compile(r"^\s*<[a-z!][^>]*>.*?<(?:p|div|article|section|h[1-6]|br)\b", re.IGNORECASE | re.DOTALL)
XML_DECL = re.compile(r"^\s*<\?xml\b", re.IGNORECASE)


def sniff_format(text: str, expected: str | None = None) -> str | None:
    """'feed', 'html', 'json' or 'jsonl' when the content says so clearly, else None.

    ``expected`` is what the extension says; JSON content of a JSON file is not parsed twice.
    """
    head = text[:SNIFF_CHARS].lstrip("\ufeff")
    if HTML_START.match(head):
        return "html"
    if (XML_DECL.match(head) or head.lstrip().startswith("<")) and FEED_ROOT.search(head):
        return "feed"
    if HTML_FRAGMENT.match(head):
        return "html"
    stripped = head.lstrip()
    if stripped.startswith(("{", "[")):
        if expected == "json" or (expected == "jsonl" and _parses(_first_line(text))):
            return expected  # read_json itself falls back to lines on "Extra data"
        return _json_kind(text)
    return None


def _json_kind(text: str) -> str | None:
    if _parses(text):
        return "json"
    return "jsonl" if _parses(_first_line(text)) else None


def _first_line(text: str) -> str:
    return next((ln for ln in text.splitlines() if ln.strip()), "")


def _parses(text: str) -> bool:
    """Valid JSON; JSON too deeply nested to load counts too, so its reader says why it fails."""
    try:
        json.loads(text)
    except json.JSONDecodeError:
        return False
    except RecursionError:
        return True
    return True
