"""Leaks confirmed or denied: the lifecycle of anonymous and media claims, derived from the ledger.

A claim from anonymous sources or another outlet about a party's position is ``unconfirmed``
until the party's own record speaks on the issue (an unhedged official or document claim of a
speaker of that party, the same day or later). If that statement sits within
``weights.SHIFT_THRESHOLD`` points of the leak it is ``confirmed``, otherwise the party has stated
something else and the leak is ``denied``; the date and the statement are given. Nothing is
stored: the lifecycle is recomputed from the claims, so a review or a new article changes it at
once. (Rejections carry no position in the ledger, so an official "no" to a leak without a
position of its own is not yet read as a denial.)
"""
from __future__ import annotations

import bisect
import datetime as dt

from detente.analysis import weights
from detente.analysis.groups import Group, claim_refs, groups
from detente.analysis.positions import by_pair, codebook_of
from detente.analysis.records import Leak
from detente.codebook import Codebook


def _lifecycle(gs: list[Group]) -> list[tuple[Group, str, dt.date | None, Group | None]]:
    """(leak group, status, resolved on, resolving group) for one party's groups on one issue."""
    record = [g for g in gs if g.on_record]
    days = [g.day for g in record]
    out = []
    for g in gs:
        if g.source_type not in weights.LEAKED:
            continue
        k = bisect.bisect_left(days, g.day)
        if k == len(record):
            out.append((g, "unconfirmed", None, None))
            continue
        first = record[k]
        same = [r for r in record[k:] if r.day == first.day]
        mean = sum(r.position * r.w * r.n for r in same) / sum(r.w * r.n for r in same)
        nearest = min(same, key=lambda r: abs(r.position - g.position))
        status = "confirmed" if abs(mean - g.position) < weights.SHIFT_THRESHOLD else "denied"
        out.append((g, status, first.day, nearest))
    return out


def leak_verdicts(ledger, cb: Codebook, *, until: dt.date | None = None) -> dict[int, tuple[str, dt.date | None]]:
    """Claim id -> (status, resolved on) for every leaked claim."""
    out = {}
    for _, gs in by_pair(groups(ledger, cb, until=until)):
        for g, status, day, _ in _lifecycle(gs):
            out.update({i: (status, day) for i in g.ids})
    return out


def leaks(ledger, *, party: str | None = None, issue: str | None = None, status: str | None = None,
          until: dt.date | None = None, codebook: Codebook | None = None, limit: int | None = None) -> list[Leak]:
    """Leaked positions with their status, newest first (``limit`` keeps the newest)."""
    cb = codebook_of(ledger, codebook)
    rows = []
    for _, gs in by_pair(groups(ledger, cb, party=party, issue=issue, until=until)):
        rows += [r for r in _lifecycle(gs) if status is None or r[1] == status]
    rows.sort(key=lambda r: (r[0].day, r[0].ids[0]), reverse=True)
    rows = rows[:limit] if limit is not None else rows
    refs = claim_refs(ledger, {r[0].ids[0] for r in rows} | {r[3].ids[0] for r in rows if r[3]})
    return [Leak(party=g.party, issue=g.issue, status=st, reported=g.day, resolved=day, claim=refs[g.ids[0]],
                 resolved_by=refs[by.ids[0]] if by else None, claim_ids=g.ids + (by.ids if by else []))
            for g, st, day, by in rows]
