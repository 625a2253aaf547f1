"""Wording shared by everything that writes for a reader (the brief, the command line)."""
from __future__ import annotations


def plural(n: int, word: str) -> str:
    """'1 meeting', '3 meetings'."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def points(x: float) -> str:
    """A position on an issue scale to the whole point ('95', not '95.15'): codebook scales are
    placed in steps of five or more, so decimals would claim a precision the text never gives."""
    return f"{x:.0f}"
