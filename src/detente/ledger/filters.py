"""Query filters that run in SQL on machine values and in Python on reviewed (corrected) values.

One definition, two interpreters: a corrected record must be found by its corrected value, and
its original value lives in the row while the correction lives in the reviews table.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import ColumnElement, false, func, or_, select, true

from detente.ledger.models import EventLocationRow, EventRow

Op = Literal["is", "eq", "contains", "prefix", "since", "until"]


@dataclass(frozen=True)
class Filter:
    """``field`` is a dotted record field (``speaker.name``) or ``published``/``when``."""

    field: str
    op: Op
    value: Any

    def sql(self, columns: dict[str, ColumnElement]) -> ColumnElement:
        col = columns[self.field]
        if self.op == "is":
            return col == self.value
        if self.op == "eq":
            return func.lower(col) == str(self.value).lower()
        if self.op == "contains":
            return func.lower(col).contains(str(self.value).lower(), autoescape=True)
        if self.op == "prefix":
            return col.startswith(str(self.value), autoescape=True)
        if self.op == "since":
            return col >= self.value
        return col <= self.value

    def test(self, entry) -> bool:
        value = field_value(entry, self.field)
        if self.op == "is":
            return value == self.value
        if value is None:
            return False
        if self.op == "eq":
            return str(value).lower() == str(self.value).lower()
        if self.op == "contains":
            return str(self.value).lower() in str(value).lower()
        if self.op == "prefix":
            return str(value).startswith(str(self.value))
        if self.op == "since":
            return value >= self.value
        return value <= self.value


@dataclass(frozen=True)
class AnyOf:
    """Matches when one of its filters does (a speaker by name or by codebook id)."""

    filters: tuple[Filter, ...]

    def sql(self, columns) -> ColumnElement:
        return or_(false(), *(f.sql(columns) for f in self.filters))

    def test(self, entry) -> bool:
        return any(f.test(entry) for f in self.filters)


@dataclass(frozen=True)
class Place:
    """An event with a location whose name contains ``value`` or whose country is ``value``."""

    value: str

    def sql(self, columns) -> ColumnElement:
        v = self.value.lower()
        hits = select(EventLocationRow.event_id).where(or_(
            func.lower(EventLocationRow.name).contains(v, autoescape=True),
            func.lower(EventLocationRow.country) == v))
        return EventRow.id.in_(hits) if v else true()

    def test(self, entry) -> bool:
        v = self.value.lower()
        return any(v in loc.name.lower() or (loc.country or "").lower() == v for loc in entry.locations)


def field_value(entry, field: str) -> Any:
    if field == "when":  # an event's own date, else its article's
        return entry.date or entry.published
    value = entry
    for part in field.split("."):
        value = getattr(value, part)
    return value


def dates(since: dt.date | None, until: dt.date | None, field: str = "published") -> list[Filter]:
    out = []
    if since:
        out.append(Filter(field, "since", since))
    if until:
        out.append(Filter(field, "until", until))
    return out
