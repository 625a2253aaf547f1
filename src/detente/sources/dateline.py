"""Publication dates from datelines ("6 February 09:17") and metadata strings.

A date without a year is resolved only against a reference date (the article's own, or one
the user gives); otherwise it is left empty with a warning, never guessed from today.
"""
from __future__ import annotations

import datetime as dt
import re
from itertools import islice

import dateparser

# English month and weekday names (not ``calendar``'s, which follow the process locale).
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December",
          "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
            "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
# Words a site may put before its dateline ("Updated: 6 February 2026").
DATELINE_PREFIXES = ("updated", "published", "posted", "last updated")

_MONTH = r"(?:%s)\.?" % "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = r"(?:(?:%s)\.?,?\s+)" % "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_PREFIX = r"(?:(?:%s)(?:\s+on)?:?\s+)" % "|".join(DATELINE_PREFIXES)
_ZONE = r"(?:\s*\(?[A-Za-z]{2,5}\)?(?:[+-]\d{1,2}(?::?\d{2})?)?)"
_TIME = rf"(?:,?\s*(?:at\s+)?\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?{_ZONE}?)"
_YEAR = r"(?:,?\s+\d{4})"
_DAY_MONTH = rf"{_WEEKDAY}?(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?){_YEAR}?{_TIME}?"
_ISO = r"\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}\S*)?"
DATELINE = re.compile(rf"^\s*{_PREFIX}?(?P<date>{_DAY_MONTH}|{_ISO})\s*$", re.IGNORECASE)
# How many non-empty lines after the title may hold the dateline.
DATELINE_SEARCH_LINES = 3


def find_dateline(lines: list[str]) -> str | None:
    """The first short line that is only a date (and maybe a time), near the top."""
    for line in islice((ln for ln in lines if ln.strip()), DATELINE_SEARCH_LINES):
        match = DATELINE.match(line)
        if match:
            return match.group("date").strip()
    return None


def resolve(value: str, reference: dt.date | None) -> tuple[dt.date | None, str | None]:
    """(date, warning): a yearless date needs ``reference``; unparseable text gives a warning."""
    value = value.strip()
    iso = _iso_date(value)
    if iso:
        return iso, None
    if not has_year(value) and reference is None:
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


def has_year(value: str) -> bool:
    return re.search(r"\b\d{4}\b", value) is not None
