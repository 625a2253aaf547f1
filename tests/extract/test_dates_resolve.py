"""Date phrases resolved against the publication date, with their precision."""
import datetime as dt

import pytest

from detente.extract.dates import resolve

FRI = dt.date(2026, 2, 6)  # a Friday


@pytest.mark.parametrize("phrase, expected", [
    ("on Thursday", dt.date(2026, 2, 5)),
    ("Friday", FRI),                       # the day itself, on or before publication
    ("last Friday", dt.date(2026, 1, 30)),
    ("Monday morning", dt.date(2026, 2, 2)),
])
def test_weekday_is_the_latest_on_or_before_publication(phrase, expected):
    r = resolve(phrase, FRI)
    assert (r.date, r.precision) == (expected, "day")


def test_weekday_in_future_tense_looks_ahead():
    r = resolve("on Tuesday", FRI, future=True)
    assert (r.date, r.precision) == (dt.date(2026, 2, 10), "day")


@pytest.mark.parametrize("phrase, ref, expected", [
    ("January 22", FRI, dt.date(2026, 1, 22)),
    ("22 January", FRI, dt.date(2026, 1, 22)),
    ("on the night of Feb 5", FRI, dt.date(2026, 2, 5)),
    ("December 14", FRI, dt.date(2025, 12, 14)),        # last year's December, not next
    ("November 23, 2025", None, dt.date(2025, 11, 23)),  # a full date needs no reference
])
def test_month_day(phrase, ref, expected):
    r = resolve(phrase, ref)
    assert (r.date, r.precision) == (expected, "day")


@pytest.mark.parametrize("phrase, expected, precision", [
    ("yesterday", dt.date(2026, 2, 5), "day"),
    ("overnight", FRI, "day"),
    ("last week", dt.date(2026, 1, 26), "range"),
    ("over the weekend", dt.date(2026, 1, 31), "range"),
    ("last month", dt.date(2026, 1, 1), "month"),
    ("last August", dt.date(2025, 8, 1), "month"),
])
def test_relative_phrases(phrase, expected, precision):
    r = resolve(phrase, FRI)
    assert (r.date, r.precision) == (expected, precision)


def test_month_and_year_precision():
    r = resolve("in February 2022", FRI)
    assert (r.date, r.precision) == (dt.date(2022, 2, 1), "month")
    r = resolve("since 2014", FRI)
    assert (r.date, r.precision) == (dt.date(2014, 1, 1), "year")


def test_relative_phrase_without_reference_date_is_null():
    r = resolve("on Thursday", None)
    assert r.date is None


def test_not_a_date():
    assert resolve("nearly three hours", FRI).precision == "unknown"
    assert resolve("it may happen", FRI).precision == "unknown"  # the modal, not the month
