"""Wording shared by everything that writes for a reader (the brief, the command line)."""
from __future__ import annotations


def plural(n: int, word: str) -> str:
    """'1 meeting', '3 meetings'."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
