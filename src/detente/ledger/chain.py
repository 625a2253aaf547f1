"""The review trail as a hash chain: each review carries the SHA-256 of the one before.

A review's hash covers its canonical JSON (sorted keys, UTC time to the microsecond, no NaN)
with the previous review's hash inside it, so changing, removing or inserting a review breaks
every link after it. The form is a contract: ledgers already written are verified against it.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from typing import Any

GENESIS = "0" * 64  # the "previous hash" of the first review
FIELDS = ("kind", "record_id", "action", "reviewer", "created_at", "note", "changes")


def canonical(review: Any, prev_hash: str) -> str:
    """The JSON text a review's hash is taken over (its database id is not in it: ids are
    assigned on insert, and the order is the chain itself)."""
    data = {name: getattr(review, name) for name in FIELDS}
    data["created_at"] = utc_text(data["created_at"])
    data["prev_hash"] = prev_hash
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def review_hash(review: Any, prev_hash: str) -> str:
    return hashlib.sha256(canonical(review, prev_hash).encode("utf-8")).hexdigest()


def utc_text(when: dt.datetime) -> str:
    """One text for one instant: SQLite hands back naive UTC, PostgreSQL an aware time."""
    if when.tzinfo is not None:
        when = when.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return when.isoformat(timespec="microseconds")


def first_break(reviews: Iterable[Any]) -> tuple[int | None, str | None, int, str]:
    """(id of the first review whose link is broken, why, reviews checked, last good hash);
    the id is None when the whole trail holds. ``reviews`` in id order."""
    expected, count = GENESIS, 0
    for review in reviews:
        count += 1
        if review.prev_hash != expected:
            return review.id, "does not follow the review before it (one was removed, inserted or reordered)", \
                count, expected
        if review_hash(review, review.prev_hash) != review.hash:
            return review.id, "was changed after it was written (its hash does not match)", count, expected
        expected = review.hash
    return None, None, count, expected
