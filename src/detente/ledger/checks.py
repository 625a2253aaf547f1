"""What a reviewed record must satisfy beyond its type: the codebook's parties, issues and
scales, and the span contract (``text``/``evidence`` is the article's text at ``[start, end)``).

Corrections pass through here before they are stored, so the ledger never holds a value the
extractor could not have produced.
"""
from __future__ import annotations

from typing import Any

from detente.codebook import Codebook
from detente.codebook.schema import NONE_PARTY
from detente.errors import LedgerError

SCALE = (0.0, 100.0)  # the contract's position range, for an issue without anchored points
SPAN_TEXT = {"quote": "text", "claim": "evidence", "event": "evidence"}


def check_record(kind: str, record: dict[str, Any], codebook: Codebook, text: str) -> None:
    """Raise ``LedgerError`` naming the first field that breaks the codebook or the article."""
    _span(record, SPAN_TEXT[kind], text, kind)
    if kind == "quote":
        speaker = record["speaker"]
        _party(speaker["party"], codebook, "speaker.party")
        if speaker.get("start") is not None or speaker.get("end") is not None:
            _offsets(speaker.get("start"), speaker.get("end"), len(text), "speaker.start/speaker.end")
    elif kind == "claim":
        _party(record["party"], codebook, "party")
        issue = codebook.issue(record["issue"])
        if issue is None:
            raise LedgerError(f"issue {record['issue']!r} is not in the codebook; issues: "
                              f"{', '.join(i.id for i in codebook.issues)}")
        low, high = _scale(issue)
        position = record.get("position")
        if position is not None and not low <= position <= high:
            raise LedgerError(f"position {position:g} is off the scale of {issue.id} ({low:g} to {high:g})")
    else:
        for where, loc in enumerate(record.get("locations") or []):
            if loc.get("lat") is not None and not -90 <= loc["lat"] <= 90:
                raise LedgerError(f"locations.{where}.lat {loc['lat']:g} is not a latitude")
            if loc.get("lon") is not None and not -180 <= loc["lon"] <= 180:
                raise LedgerError(f"locations.{where}.lon {loc['lon']:g} is not a longitude")


def _span(record: dict[str, Any], field: str, text: str, kind: str) -> None:
    start, end = record["start"], record["end"]
    _offsets(start, end, len(text), "start/end")
    if record[field] != text[start:end]:
        raise LedgerError(f"{kind} {field} must be the article's exact text at [{start}, {end}): "
                          f"{text[start:end]!r}, not {record[field]!r}")


def _offsets(start: int | None, end: int | None, length: int, what: str) -> None:
    if start is None or end is None or not 0 <= start <= end <= length:
        raise LedgerError(f"{what} {start}..{end} is not a span of the article (0..{length})")


def _party(code: str, codebook: Codebook, field: str) -> None:
    if code != NONE_PARTY and codebook.party(code) is None:
        raise LedgerError(f"{field} {code!r} is not a party of the codebook; parties: "
                          f"{', '.join([p.code for p in codebook.parties] + [NONE_PARTY])}")


def _scale(issue) -> tuple[float, float]:
    values = [point.value for point in issue.scale]
    return (min(values), max(values)) if len(values) > 1 else SCALE
