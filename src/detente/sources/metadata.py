"""Turn loose metadata (JSON fields, feed entries) into ``Document`` arguments."""
from __future__ import annotations

import datetime as dt

from detente.sources.dateline import resolve


def published_from(value, reference: dt.date | None) -> tuple[dt.date | None, list[str]]:
    """A date from a string/date value, with the warnings resolving it produced."""
    if value is None or value == "":
        return None, []
    if isinstance(value, dt.datetime):
        return value.date(), []
    if isinstance(value, dt.date):
        return value, []
    date, warning = resolve(str(value), reference)
    return date, [warning] if warning else []
