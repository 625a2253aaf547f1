"""Positions over time: per party and issue, the position in force after each day's claims.

The estimate is a weighted mean of the claims in force, each weighted by provenance and hedging
(``weights.py``) and faded by age (a half-life); an unhedged statement on the party's own record
supersedes everything older and the same day's second-hand reports (a leak that day is confirmed
or denied by it: ``leaks``). The band is one standard deviation of the weighted mixture (the
spread between claims plus each claim's own spread), so disagreeing or hedged sources widen it.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from itertools import groupby

from detente.analysis import weights
from detente.analysis.groups import Day, days
from detente.analysis.records import PositionPoint, PositionSeries
from detente.codebook import Codebook
from detente.codebook.codes import UnknownFilterError, code


@dataclass(slots=True)
class State:
    """Running sums over the claims in force: Σw, Σw·p, Σw·(p² + sd²)."""

    w: float = 0.0
    wp: float = 0.0
    wq: float = 0.0

    @property
    def mean(self) -> float | None:
        return self.wp / self.w if self.w > 0 else None

    @property
    def sd(self) -> float:
        if self.w <= 0:
            return 0.0
        return math.sqrt(max(self.wq / self.w - (self.wp / self.w) ** 2, 0.0))

    def faded(self, days: int) -> "State":
        f = weights.decay(days)
        return State(self.w * f, self.wp * f, self.wq * f)


LOOKBACK_HALF_LIVES = 4
"""Past this many half-lives (a sixteenth of its weight) a day no longer stands for the baseline."""


@dataclass(slots=True)
class Step:
    """One day of one party on one issue: the state before, that day's claims, the state after."""

    day: dt.date
    before: State
    today: State
    after: State
    sums: Day
    prior: tuple[list[Day], int, int] = ([], 0, 0)
    """The days in force before this one, as (history, start, end): a view, not a copy."""

    @property
    def on_record(self) -> bool:
        return self.sums.on_record

    def baseline_day(self) -> Day | None:
        """The earlier day in force that weighs most in the baseline (its weight faded by age)."""
        history, start, end = self.prior
        best, best_w = None, 0.0
        for k in range(end - 1, start - 1, -1):
            age = (self.day - history[k].day).days
            if age > LOOKBACK_HALF_LIVES * weights.HALF_LIFE_DAYS:
                break
            w = history[k].w * weights.decay(age)
            if w > best_w:
                best, best_w = history[k], w
        return best


class Walk:
    """One party's days on one issue (sorted by day) folded into sums before, on and after each day:
    fade by age, supersede on record, add. Plain lists, not objects per day, because a big ledger has
    tens of thousands of days; ``walk[k]`` builds the ``Step`` of day k when a caller needs it."""

    def __init__(self, rows: list[Day]):
        self.rows = rows
        self.days = [r.day for r in rows]
        n = len(rows)
        self.before = [(0.0, 0.0, 0.0)] * n
        self.after = [(0.0, 0.0, 0.0)] * n
        self.starts = [0] * n
        w = wp = wq = 0.0
        start, last = 0, None
        for k, r in enumerate(rows):
            t = r.day.toordinal()
            if last is not None:
                f = 0.5 ** ((t - last) / weights.HALF_LIFE_DAYS)
                w, wp, wq = w * f, wp * f, wq * f
            self.before[k] = (w, wp, wq)
            self.starts[k] = start
            if r.rw > 0:   # the party's own record supersedes the past and the day's reports
                w, wp, wq = r.rw, r.rwp, r.rwq
                start = k
            else:
                w, wp, wq = w + r.w, wp + r.wp, wq + r.wq
            self.after[k] = (w, wp, wq)
            last = t

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, k: int) -> Step:
        r = self.rows[k]
        return Step(r.day, State(*self.before[k]), State(r.w, r.wp, r.wq), State(*self.after[k]), r,
                    (self.rows, self.starts[k], k))

    def before_mean(self, k: int) -> float | None:
        w, wp, _ = self.before[k]
        return wp / w if w > 0 else None

    def today_mean(self, k: int) -> float:
        return self.rows[k].wp / self.rows[k].w

    def after_mean(self, k: int) -> float:
        w, wp, _ = self.after[k]
        return wp / w

    def point(self, k: int) -> PositionPoint:
        r = self.rows[k]
        w, wp, wq = self.after[k]
        mean = wp / w
        sd = math.sqrt(max(wq / w - mean * mean, 0.0))
        # built from floats this walk computed: validating tens of thousands of points again
        # would be half the time of ``positions`` on a big ledger
        return PositionPoint.model_construct(
            date=r.day, position=round(mean, 2), low=round(max(mean - sd, 0.0), 2),
            high=round(min(mean + sd, 100.0), 2), sd=round(sd, 2), observed=round(r.wp / r.w, 2),
            weight=round(r.w, 3), on_record=r.rw > 0, claim_ids=list(r.ids))


def walk(rows: list[Day]) -> Walk:
    return Walk(rows)


def by_pair(rows: list):
    """Rows per (party, issue); ``rows`` are sorted by party, issue, day."""
    for key, items in groupby(rows, key=lambda g: (g.party, g.issue)):
        yield key, list(items)


def positions(ledger, *, party: str | None = None, issue: str | None = None, until: dt.date | None = None,
              codebook: Codebook | None = None, rows: list[Day] | None = None) -> list[PositionSeries]:
    """Every party's position series on every issue it has positioned claims on (dated ones only).

    ``rows``: ``groups.days()`` already read for the same ledger and ``until`` (the brief reads them once).
    """
    cb = codebook_of(ledger, codebook, party=party, issue=issue)
    out = []
    if rows is None:
        rows = days(ledger, cb, party=party, issue=issue, until=until)
    rows = [r for r in rows if (not party or r.party == party) and (not issue or r.issue == issue)]
    for (p, i), rows in by_pair(rows):
        track = walk(rows)
        points = [track.point(k) for k in range(len(track))]
        out.append(PositionSeries(
            party=p, issue=i, issue_name=cb.issue(i).name, points=points, current=points[-1] if points else None,
            claim_ids=sorted(x for pt in points for x in pt.claim_ids)))
    return out


def codebook_of(ledger, codebook: Codebook | None = None, *, party: str | None = None,
                issue: str | None = None) -> Codebook:
    """The case the analysis reads by; a ``party`` or ``issue`` filter it does not know is an
    error, not an empty answer (a typo would otherwise read as "no position, no shift")."""
    if codebook is None and getattr(ledger, "codebook", None) is not None:
        codebook = ledger.codebook
    if codebook is None:
        from detente import settings

        codebook = settings.codebook(None)
    for what, given in (("issue", issue), ("party", party)):
        spelt = code(codebook, what, given)  # an unknown one raises, naming the case's codes
        if spelt != given:  # the interfaces resolve any case first; here a code is the case's own
            raise UnknownFilterError(f"{what} {given!r} is written {spelt!r} in the case")
    return codebook
