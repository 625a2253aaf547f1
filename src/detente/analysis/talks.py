"""Talks against the war: per week (or day), the talks' activity and tone beside the strikes and fighting.

Tone comes from claims on the codebook's ``process`` issues (how close a deal is, 0–100): at or
above ``PROGRESS`` a claim says progress, at or below ``DEADLOCK`` it says deadlock. Activity is
meetings and agreements. The war is strikes and ground fighting, with their places. A bucket where
progress claims outnumber deadlock claims while strikes rise over the bucket before is flagged as
a divergence, with the claims and events behind it. The database groups by day; days are folded
into weeks here.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict

from pydantic import BaseModel, Field
from sqlalchemy import String, cast, func, select

from detente.analysis.groups import reviewed_ids
from detente.analysis.positions import codebook_of
from detente.codebook import Codebook
from detente.ledger.models import ClaimRow, DocumentRow, EventLocationRow, EventRow

PROGRESS, DEADLOCK = 60.0, 40.0
WAR = ("strike", "ground_fighting")
TALKS = ("meeting", "agreement")


class Bucket(BaseModel):
    start: dt.date
    end: dt.date
    meetings: int = 0
    progress: int = 0
    deadlock: int = 0
    tone: dict[str, float] = Field(default_factory=dict, description="party -> mean process position")
    strikes: int = 0
    fighting: int = 0
    places: list[str] = Field(default_factory=list)
    claim_ids: list[int] = Field(default_factory=list)
    event_ids: list[int] = Field(default_factory=list)


class Divergence(BaseModel):
    start: dt.date
    text: str
    claim_ids: list[int]
    event_ids: list[int]


class TalksVsWar(BaseModel):
    freq: str
    buckets: list[Bucket]
    divergences: list[Divergence]


def talks_vs_war(ledger, *, freq: str = "week", since: dt.date | None = None, until: dt.date | None = None,
                 codebook: Codebook | None = None) -> TalksVsWar:
    if freq not in ("week", "day"):
        raise ValueError(f"freq must be 'week' or 'day', not {freq!r}")
    cb = codebook_of(ledger, codebook)
    process = [i.id for i in cb.issues if i.process]
    buckets: dict[dt.date, Bucket] = {}

    def bucket(day: dt.date) -> Bucket:
        start = day - dt.timedelta(days=day.weekday()) if freq == "week" else day
        end = start + dt.timedelta(days=6 if freq == "week" else 0)
        return buckets.setdefault(start, Bucket(start=start, end=end))

    tone: dict[tuple[dt.date, str], list[float]] = defaultdict(lambda: [0.0, 0])
    c, d, e, loc = ClaimRow, DocumentRow, EventRow, EventLocationRow
    with ledger.session() as session:
        _, rejected = reviewed_ids(session)
        where = [c.issue.in_(process), c.position.is_not(None), d.published.is_not(None), c.id.not_in(rejected)]
        where += [d.published >= since] if since else []
        where += [d.published <= until] if until else []
        ids = func.aggregate_strings(cast(c.id, String), ",")
        stmt = (select(d.published, c.party, func.count(), func.sum(c.position),
                       func.sum((c.position >= PROGRESS).cast(c.id.type)), func.sum((c.position <= DEADLOCK).cast(c.id.type)), ids)
                .join(d, c.document_id == d.id).where(*where).group_by(d.published, c.party))
        for day, party, n, total, up, down, cids in session.execute(stmt):
            b = bucket(day)
            b.progress += int(up or 0)
            b.deadlock += int(down or 0)
            b.claim_ids += [int(x) for x in cids.split(",")]
            tone[(b.start, party)][0] += float(total)
            tone[(b.start, party)][1] += n
        when = func.coalesce(e.date, d.published)
        ewhere = [e.type.in_(WAR + TALKS), when.is_not(None)]
        ewhere += [when >= since] if since else []
        ewhere += [when <= until] if until else []
        estmt = (select(when, e.type, func.count(), func.aggregate_strings(cast(e.id, String), ","))
                 .join(d, e.document_id == d.id).where(*ewhere).group_by(when, e.type))
        for day, kind, n, eids in session.execute(estmt):
            day = day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day))
            b = bucket(day)
            if kind == "strike":
                b.strikes += n
            elif kind == "ground_fighting":
                b.fighting += n
            else:
                b.meetings += n
            b.event_ids += [int(x) for x in eids.split(",")]
        pstmt = (select(when, loc.name).join(d, e.document_id == d.id).join(loc, loc.event_id == e.id)
                 .where(e.type.in_(WAR), when.is_not(None), *ewhere[2:]).group_by(when, loc.name))
        for day, name in session.execute(pstmt):
            day = day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day))
            places = bucket(day).places
            if name not in places:
                places.append(name)
    for (start, party), (total, n) in tone.items():
        buckets[start].tone[party] = round(total / n, 1)
    ordered = [buckets[k] for k in sorted(buckets)]
    for b in ordered:
        b.claim_ids.sort()
        b.event_ids.sort()
        b.places.sort()
    return TalksVsWar(freq=freq, buckets=ordered, divergences=_divergences(ordered))


def _divergences(buckets: list[Bucket]) -> list[Divergence]:
    out = []
    for prev, b in zip([None, *buckets], buckets):
        rising = b.strikes > (prev.strikes if prev else 0)
        if b.progress > b.deadlock and rising:
            where = f" ({', '.join(b.places[:5])})" if b.places else ""
            out.append(Divergence(start=b.start, text=f"progress claimed ({b.progress} vs {b.deadlock} deadlock) while "
                                  f"strikes rose to {b.strikes}{where}", claim_ids=b.claim_ids, event_ids=b.event_ids))
    return out
