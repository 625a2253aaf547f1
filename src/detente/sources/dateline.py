"""Publication dates from datelines ("6 February 09:17") and metadata strings.

A date without a year is resolved only against a reference date (the article's own, or one
the user gives); otherwise it is left empty with a warning, never guessed from today.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re

import dateparser

MONTHS = [m for m in calendar.month_name[1:]] + [m for m in calendar.month_abbr[1:]] + ["Sept"]
_MONTH = r"(?:%s)\.?" % "|".join(sorted(MONTHS, key=len, reverse=True))
_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?)"
_YEAR = r"(?:,?\s+(?P<year>\d{4}))"
_WEEKDAY = r"(?:(?:%s),?\s+)" % "|".join(calendar.day_name)
DATELINE = re.compile(
    rf"^\s*{_WEEKDAY}?(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?)"
    rf"{_YEAR}?{_TIME}?\s*$|^\s*(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})(?:[ T]\d{{2}}:\d{{2}}.*)?\s*$",
    re.IGNORECASE,
)
# How many non-empty lines after the title may hold the dateline.
DATELINE_SEARCH_LINES = 3


def find_dateline(lines: list[str]) -> str | None:
    """The first short line that is only a date (and maybe a time), near the top."""
    for line in [ln for ln in lines if ln.strip()][:DATELINE_SEARCH_LINES]:
        if DATELINE.match(line):
            return line.strip()
    return None


def resolve(value: str, reference: dt.date | None) -> tuple[dt.date | None, str | None]:
    """(date, warning): a yearless date needs ``reference``; unparseable text gives a warning."""
    value = value.strip()
    iso = _iso_date(value)
    if iso:
        return iso, None
    if not _has_year(value) and reference is None:
        return None, f"date {value!r} has no year and no reference date was given; published left empty"
    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if reference is not None:
        # End of the reference day, so a same-day time ("09:17") is not pushed a year back.
        settings["RELATIVE_BASE"] = dt.datetime.combine(reference, dt.time(23, 59, 59))
    parsed = dateparser.parse(value, languages=["en"], settings=settings)
    if parsed is None:
        return None, f"date {value!r} could not be understood; published left empty"
    return parsed.date(), None


def _iso_date(value: str) -> dt.date | None:
    match = re.match(r"^(\d{4}-\d{2}-\d{2})(?:$|[ T])", value)
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None


def _has_year(value: str) -> bool:
    return re.search(r"\b\d{4}\b", value) is not None
