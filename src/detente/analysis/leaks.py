"""Leaks confirmed or denied: the lifecycle of anonymous and media claims, derived from the ledger.

A claim from anonymous sources or another outlet about a party's position is ``unconfirmed``
until the party's own record speaks on the issue (an unhedged official or document claim of a
speaker of that party, the same day or later). If that day's statements on record sit within
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
from detente.analysis.groups import Day, Group, claim_refs, days, details, leaked
from detente.analysis.positions import by_pair, codebook_of
from detente.analysis.records import Leak
from detente.codebook import Codebook


def _record_days(rows: list[Day]) -> dict[tuple[str, str], tuple[list[dt.date], list[Day]]]:
    """Per (party, issue): the days it spoke on record, sorted, with their sums."""
    out = {}
    for key, items in by_pair(rows):
        spoken = [r for r in items if r.on_record]
        if spoken:
            out[key] = ([r.day for r in spoken], spoken)
    return out


def _status(leak: Group, record: dict) -> tuple[str, Day | None]:
    found = record.get((leak.party, leak.issue))
    if not found:
        return "unconfirmed", None
    dates, spoken = found
    k = bisect.bisect_left(dates, leak.day)
    if k == len(dates):
        return "unconfirmed", None
    first = spoken[k]
    same = abs(first.record_mean - leak.position) < weights.SHIFT_THRESHOLD
    return ("confirmed" if same else "denied"), first


def leak_verdicts(rows: list[Day], claims: list[Group]) -> dict[int, tuple[str, dt.date | None]]:
    """Claim id -> (status, resolved on) for the leaked ones among ``claims``, given the days in ``rows``."""
    record = _record_days(rows)
    out = {}
    for g in claims:
        if g.source_type in weights.LEAKED:
            status, day = _status(g, record)
            out[g.id] = (status, day.day if day else None)
    return out


def leaks(ledger, *, party: str | None = None, issue: str | None = None, status: str | None = None,
          until: dt.date | None = None, codebook: Codebook | None = None, limit: int | None = None,
          rows: list[Day] | None = None) -> list[Leak]:
    """Leaked positions with their status, newest first (``limit`` keeps the newest).

    ``rows``: ``groups.days()`` already read for the same ledger and ``until``.
    """
    cb = codebook_of(ledger, codebook, party=party, issue=issue)
    if rows is None:
        rows = days(ledger, cb, party=party, issue=issue, until=until)
    record = _record_days([r for r in rows if r.on_record and (not party or r.party == party)
                           and (not issue or r.issue == issue)])
    rows = []
    for g in leaked(ledger, cb, party=party, issue=issue, until=until):
        st, by = _status(g, record)
        if status is None or st == status:
            rows.append((g, st, by))
            if limit is not None and len(rows) >= limit:
                break
    spoken = details(ledger, cb, {i for _, _, by in rows if by for i in by.ids})
    resolving = {}
    for g, _, by in rows:
        if by:
            on_record = [spoken[i] for i in by.ids if i in spoken and spoken[i].on_record]
            resolving[g.id] = min(on_record, key=lambda r: (abs(r.position - g.position), r.id), default=None)
    refs = claim_refs(ledger, {g.id for g, _, _ in rows} | {r.id for r in resolving.values() if r})
    out = []
    for g, st, by in rows:
        r = resolving.get(g.id)
        out.append(Leak(party=g.party, issue=g.issue, status=st, reported=g.day, resolved=by.day if by else None,
                        claim=refs[g.id], resolved_by=refs[r.id] if r else None,
                        claim_ids=[g.id] + ([r.id] if r else [])))
    return out
