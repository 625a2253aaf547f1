"""Resolve date phrases ('on Thursday', 'January 22', 'last week') against the publication date.

A small rule layer handles what news text says most often and knows the precision of each
answer (dateparser is slower per call and does not say how precise its answer is).
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from detente.records import DatePrecision

WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS |= {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
MONTHS["sept"] = 9
TODAY_WORDS = {"today", "tonight", "overnight", "this morning", "this afternoon", "this evening",
               "last night", "earlier today"}


@dataclass(frozen=True)
class Resolved:
    date: dt.date | None
    precision: DatePrecision


UNKNOWN = Resolved(None, "unknown")
UNDATED_DAY = Resolved(None, "day")  # a day is named but there is no publication date to place it
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}}))?", re.I)
_DAY_MONTH = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(?P<year>\d{{4}}))?", re.I)
_MONTH_YEAR = re.compile(rf"\b(?:(?P<rel>last|next|this)\s+)?{_MONTH}(?:\s+(?P<year>\d{{4}}))?\b", re.I)
_WEEKDAY = re.compile(r"\b(?P<rel>last|next|this)?\s*(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_YEAR = re.compile(r"\b(?P<year>19\d\d|20\d\d)\b")
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")


def resolve(phrase: str, ref: dt.date | None, future: bool = False) -> Resolved:
    """What day (or month, or week) ``phrase`` means, written on ``ref``; future tense looks ahead."""
    p = " ".join(phrase.lower().split())
    for rule in (_iso, _calendar_day, _weekday, _relative_day, _week, _month, _year):
        hit = rule(p, ref, future)
        if hit is not None:
            return hit
    return UNKNOWN


def _iso(p: str, ref, future) -> Resolved | None:
    m = _ISO.search(p)
    return Resolved(_safe(int(m["year"]), int(m["month"]), int(m["day"])), "day") if m else None


def _calendar_day(p: str, ref: dt.date | None, future: bool) -> Resolved | None:
    m = _MONTH_DAY.search(p) or _DAY_MONTH.search(p)
    if not m:
        return None
    month, day = MONTHS[m["month"].lower().rstrip(".")], int(m["day"])
    if m["year"]:
        return Resolved(_safe(int(m["year"]), month, day), "day")
    if ref is None:
        return UNDATED_DAY
    return Resolved(_nearest_year(ref, month, day, future), "day")


def _relative_day(p: str, ref: dt.date | None, future: bool) -> Resolved | None:
    if "day before yesterday" in p:
        offset = -2
    elif "yesterday" in p:
        offset = -1
    elif "tomorrow" in p:
        offset = 1
    elif any(w in p for w in TODAY_WORDS):
        offset = 0
    else:
        return None
    return Resolved(ref + dt.timedelta(days=offset), "day") if ref else UNKNOWN


def _weekday(p: str, ref: dt.date | None, future: bool) -> Resolved | None:
    m = _WEEKDAY.search(p)
    if not m:
        return None
    if ref is None:
        return UNDATED_DAY
    target = WEEKDAYS[m["wd"].lower()]
    rel = (m["rel"] or "").lower()
    if rel == "next" or (future and rel != "last"):
        return Resolved(ref + dt.timedelta(days=(target - ref.weekday()) % 7 or (7 if rel == "next" else 0)), "day")
    back = (ref.weekday() - target) % 7
    if rel == "last" and back == 0:
        back = 7
    return Resolved(ref - dt.timedelta(days=back), "day")


def _week(p: str, ref: dt.date | None, future: bool) -> Resolved | None:
    """'last week', 'this week', 'next week', 'over the weekend': the range's first day."""
    if "week" not in p:
        return None
    if ref is None:
        return Resolved(None, "range")
    monday = ref - dt.timedelta(days=ref.weekday())
    if "weekend" in p:
        sat = monday + dt.timedelta(days=5)
        if "next" in p or (future and "last" not in p) or ("this" in p and sat > ref and future):
            return Resolved(sat if sat > ref else sat + dt.timedelta(days=7), "range")
        return Resolved(sat if sat <= ref else sat - dt.timedelta(days=7), "range")
    if "last" in p or "previous" in p:
        return Resolved(monday - dt.timedelta(days=7), "range")
    if "next" in p:
        return Resolved(monday + dt.timedelta(days=7), "range")
    return Resolved(monday, "range")


def _month(p: str, ref: dt.date | None, future: bool) -> Resolved | None:
    if "last month" in p or "next month" in p or "this month" in p:
        if ref is None:
            return Resolved(None, "month")
        step = {"last": -1, "next": 1, "this": 0}[p.split(" month")[0].split()[-1]]
        y, mo = divmod(ref.year * 12 + ref.month - 1 + step, 12)
        return Resolved(dt.date(y, mo + 1, 1), "month")
    m = _MONTH_YEAR.search(p)
    if not m or m["month"].lower() == "may" and not (m["year"] or m["rel"]):
        return None  # bare 'may' is the modal verb far more often than the month
    month = MONTHS[m["month"].lower().rstrip(".")]
    if m["year"]:
        return Resolved(dt.date(int(m["year"]), month, 1), "month")
    if ref is None:
        return Resolved(None, "month")
    fut = future or (m["rel"] or "").lower() == "next"
    day = _nearest_year(ref, month, 1, fut)
    if (m["rel"] or "").lower() == "last" and day.year == ref.year and month >= ref.month:
        day = day.replace(year=day.year - 1)
    return Resolved(day, "month")


def _year(p: str, ref, future) -> Resolved | None:
    m = _YEAR.search(p)
    return Resolved(dt.date(int(m["year"]), 1, 1), "year") if m else None


def _nearest_year(ref: dt.date, month: int, day: int, future: bool) -> dt.date:
    """The year that puts month/day on or before ``ref`` (after it in future tense)."""
    d = _safe(ref.year, month, day) or dt.date(ref.year, month, 1)
    if future and d < ref - dt.timedelta(days=31):
        return _safe(ref.year + 1, month, day) or d
    if not future and d > ref + dt.timedelta(days=31):
        return _safe(ref.year - 1, month, day) or d
    return d


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None
