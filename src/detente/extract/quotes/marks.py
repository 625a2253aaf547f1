"""Find quoted stretches of text from quotation marks alone, before any parsing.

Curly, guillemet and low-high („ “) marks pair by type. Straight marks pair by flanking
(an opener follows a space, a closer precedes one), so ``"Russia's "peace" last night"``
nests. A mark left open at a paragraph end continues when the next paragraph opens with a
mark (the newswire convention for quotes over several paragraphs); otherwise the quote ends
with its paragraph. Single marks must close in their paragraph: an unpaired ’ is an apostrophe.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from detente.extract.mentions.vocabulary import QUOTE_PAIRS

_SINGLE = {"‘", "'", "‹", "‚"}
_SINGLE_CLOSE = {"’", "'", "›", "‘"}
_OPEN_BEFORE = set(" \t\n([{—–-:/") | set(QUOTE_PAIRS)
_CLOSE_AFTER = set(" \t\n)]}.,;:!?—–-…/") | {"”", "’", "»", "›", '"', "'"}


# (open, close) pairs of two families that close each other when the close's own opener is not
# open: the second is that opener.
_CROSSED = {("“", "»"): "«", ("«", "”"): "“"}

_MARKS = frozenset("\n\"'") | set(QUOTE_PAIRS) | {c for closers in QUOTE_PAIRS.values() for c in closers}
_MARKS_OR_BREAK = re.compile("[" + re.escape("".join(sorted(_MARKS))) + "]")


@dataclass(frozen=True)
class Marked:
    """A top-level quoted stretch: ``text[start:end]`` is inside the marks."""

    open: int       # index of the opening mark
    start: int
    end: int
    close: int | None  # index of the closing mark; None when the paragraph ended it
    stop: int = -1     # end of the quote with its closing mark (``end`` when there is none)


def find_marked(text: str) -> list[Marked]:
    out: list[Marked] = []
    stack: list[tuple[str, int, int]] = []  # (mark, index, width)
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c not in _MARKS:  # only marks and line breaks matter: jump to the next one
            hit = _MARKS_OR_BREAK.search(text, i)
            if hit is None:
                break
            i, c = hit.start(), hit.group()
        if c == "\n":
            if stack:
                nxt = _next_paragraph(text, i)
                if nxt is not None and stack[0][0] not in _SINGLE and text[nxt] == text[stack[0][1]]:
                    stack = stack[:1]
                    i = nxt + stack[0][2]
                    continue
                if stack[0][0] not in _SINGLE:
                    out.append(_open_ended(text, stack[0], _rstrip(text, i)))
                stack = []
            i += 1
            continue
        width = 2 if text.startswith("''", i) else 1  # '' is a double mark in some archives
        while len(stack) > 1 and stack[-1][0] in _SINGLE and stack[0][0] not in _SINGLE \
                and _closes(stack[0][0], text, i):
            stack.pop()  # ‘That’s ridiculous,'” : inner marks left open end with the outer quote
        kind = _classify(text, i, stack, width)
        if kind == "close":
            opened = stack.pop()
            if not stack:
                out.append(Marked(opened[1], opened[1] + opened[2], i, i, i + width))
        elif kind == "open":
            stack.append(('"' if width == 2 else c, i, width))
        i += width if kind else 1
    if stack and stack[0][0] not in _SINGLE:
        out.append(_open_ended(text, stack[0], _rstrip(text, n)))
    return [m for m in out if m.end > m.start and text[m.start:m.end].strip()]


def _closes(opened: str, text: str, i: int) -> bool:
    """The mark at ``i`` is a closing mark for ``opened`` (curly or straight, as archives mix them)."""
    c = text[i]
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if c == '"':
        return opened in ('"', "“") and nxt in _CLOSE_AFTER
    return opened in QUOTE_PAIRS and c in QUOTE_PAIRS[opened] and c not in _SINGLE_CLOSE


def _open_ended(text: str, opened: tuple[str, int, int], end: int) -> Marked:
    return Marked(opened[1], opened[1] + opened[2], end, None, end)


def _classify(text: str, i: int, stack: list[tuple[str, int, int]], width: int = 1) -> str | None:
    c = '"' if width == 2 else text[i]
    prev = text[i - 1] if i else " "
    nxt = text[i + width] if i + width < len(text) else " "
    top = stack[-1][0] if stack else None
    if c in ('"', "'"):
        left = prev in _OPEN_BEFORE
        right = nxt in _CLOSE_AFTER
        if c == "'":
            if top in ("'", "‘") and not nxt.isalnum() and not prev.isspace():
                return "close"
            return "open" if left and nxt.isalnum() else None
        if (top == c or (top == "“" and c == '"')) and (right or not left):
            return "close"  # archives that mix marks: “…" closes like "…"
        if left and not nxt.isspace():
            return "open"
        return None
    if top == '"' and c == "”":
        return "close"  # "…” from archives that mix straight and curly marks
    if (top, c) in _CROSSED and nxt in _CLOSE_AFTER and not any(m[0] == _CROSSED[(top, c)] for m in stack):
        return "close"  # “…» and «…”: a typed quote closed with the other family's mark
    if top is not None and top in QUOTE_PAIRS and c in QUOTE_PAIRS[top]:
        if c == "’" and nxt.isalnum():
            return None
        return "close"
    if c in QUOTE_PAIRS:
        if c in _SINGLE and prev.isalnum():
            return None
        return "open"
    return None


def _next_paragraph(text: str, i: int) -> int | None:
    """Index of the first visible character of the next paragraph."""
    j = i
    while j < len(text) and text[j].isspace():
        j += 1
    return j if j < len(text) else None


def _rstrip(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end
