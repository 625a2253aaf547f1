"""Bytes on disk to text: size limit first, then binary refusal, then charset detection."""
from __future__ import annotations

import codecs
import os
import re
import stat
import threading
from typing import NamedTuple
from pathlib import Path

from charset_normalizer import from_bytes

from detente.errors import SourceError

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
# BOMs that name their encoding outright (longest first: UTF-32 LE starts like UTF-16 LE).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# On a tie between candidate encodings, the one news sites use most wins (cp1252 over cp1250).
COMMON_ENCODINGS = ("utf_8", "cp1252", "latin_1", "cp1251", "koi8_r", "koi8_u", "iso8859_15",
                    "utf_16", "utf_32")
# Share of control characters (other than whitespace) above which decoded text is binary noise.
MAX_CONTROL_SHARE = 0.01
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
NON_ASCII = re.compile(r"[^\x00-\x7f\ufffd]")
NOT_FILES = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
             (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
             (stat.S_ISDIR, "a folder"))


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes, refusing oversized files and anything but a regular file before reading.

    A named pipe (FIFO) or a device would block or never end: it is refused on its ``stat`` and
    never opened; the open itself is non-blocking and checked again, in case the path changed.
    """
    try:
        info = os.stat(path)
        _regular(path, info)
        size = info.st_size
        if size > max_bytes:
            raise SourceError(f"{path}: file is {size:,} bytes, over the limit of {max_bytes:,} bytes")
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "rb") as fh:
            _regular(path, os.fstat(fh.fileno()))
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise SourceError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    if len(data) > max_bytes:  # grew since stat
        raise SourceError(f"{path}: file is over the limit of {max_bytes:,} bytes")
    if not data:
        raise SourceError(f"{path}: file is empty")
    return data


def _regular(path: Path, info: os.stat_result) -> None:
    if stat.S_ISREG(info.st_mode):
        return
    kind = next((name for test, name in NOT_FILES if test(info.st_mode)), "not a file")
    raise SourceError(f"{path}: is {kind}, not a regular file; not read")


class Decoded(NamedTuple):
    text: str
    warnings: list[str]


def decode(data: bytes, path: Path | str) -> Decoded:
    """Text of ``data`` and what decoding had to guess or repair (never silently);
    raises ``SourceError`` for binary, undecodable or blank content."""
    text, warnings = _decode_bom(data), []
    if text is None:
        text, warnings = _decode_detected(data, path)
    if _looks_binary(text):
        raise SourceError(f"{path}: looks like a binary file, not text")
    if not text.strip():
        raise SourceError(f"{path}: file holds only whitespace")
    return Decoded(text, warnings)


def read_text(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Decoded:
    return decode(read_bytes(path, max_bytes), path)


def _decode_bom(data: bytes) -> str | None:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).lstrip("\ufeff")
            except UnicodeDecodeError:
                return None
    return None


def _decode_detected(data: bytes, path: Path | str) -> tuple[str, list[str]]:
    if b"\x00" not in data:
        text, bad = _utf8_replacing(data)
        if not bad:
            return text, []
        if _utf8_characters(text) >= bad:
            # Text that is mostly valid UTF-8 (its non-ASCII characters decode) with a few broken
            # bytes is UTF-8 with damage, not a single-byte encoding: guessing one would turn
            # every curly quote into two wrong characters.
            return text, [f"not valid UTF-8: {_bytes(bad)} could not be decoded and "
                          f"{'was' if bad == 1 else 'were'} replaced with U+FFFD"]
    best = _best_match(from_bytes(data))
    if best is None:
        raise SourceError(f"{path}: looks like a binary file (no text encoding fits)")
    if b"\x00" in data and not best.encoding.startswith(("utf_16", "utf_32")):
        raise SourceError(f"{path}: looks like a binary file (contains NUL bytes)")
    return str(best), [f"not UTF-8; decoded as {best.encoding} (a guess from the bytes)"]


def _utf8_replacing(data: bytes) -> tuple[str, int]:
    """UTF-8 text with each undecodable byte run replaced, and how many bytes were replaced."""
    bad = 0

    def count(exc: UnicodeDecodeError) -> tuple[str, int]:
        nonlocal bad
        bad += exc.end - exc.start
        return "\ufffd", exc.end

    text = codecs.getincrementaldecoder("utf-8")(errors=_handler(count)).decode(data, final=True)
    return text.removeprefix("\ufeff"), bad


def _handler(count) -> str:
    """A codecs error handler name that calls ``count`` in this thread."""
    _COUNTERS.current = count
    return "detente.count-undecodable"


def _count_undecodable(exc: UnicodeDecodeError) -> tuple[str, int]:
    return _COUNTERS.current(exc)


_COUNTERS = threading.local()
codecs.register_error("detente.count-undecodable", _count_undecodable)


def _utf8_characters(text: str) -> int:
    """Non-ASCII characters that decoded (each one a valid multi-byte UTF-8 sequence)."""
    return len(NON_ASCII.findall(text))


def _bytes(n: int) -> str:
    return f"{n} byte" if n == 1 else f"{n} bytes"


def _best_match(matches):
    """charset-normalizer's best guess, tie-broken towards common encodings."""
    best = matches.best()
    if best is None:
        return None
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    for encoding in COMMON_ENCODINGS:
        for match in tied:
            if encoding in match.could_be_from_charset:
                return match
    return best


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    return len(CONTROL_CHARS.findall(text)) > MAX_CONTROL_SHARE * max(len(text), 1)
