"""Positions over time: per party and issue, the position in force after each day's claims.

The estimate is a weighted mean of the claims in force, each weighted by provenance and hedging
(``weights.py``) and faded by age (a half-life); an unhedged statement on the party's own record
supersedes everything older. The band is one standard deviation of the weighted mixture (the
spread between claims plus each claim's own spread), so disagreeing or hedged sources widen it.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from itertools import groupby

from detente.analysis import weights
from detente.analysis.groups import Group, groups
from detente.analysis.records import PositionPoint, PositionSeries
from detente.codebook import Codebook


@dataclass
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

    def add(self, g: Group) -> None:
        w = g.w * g.n
        sd = weights.spread(g.source_type, g.hedged)
        self.w += w
        self.wp += w * g.position
        self.wq += w * (g.position ** 2 + sd ** 2)


@dataclass
class Step:
    """One day of one party on one issue: the state before, that day's claims, the state after."""

    day: dt.date
    before: State
    today: State
    after: State
    groups: list[Group]
    on_record: bool
    prior: tuple[list[Group], int, int] = ([], 0, 0)
    """The groups in force before the day, as (history, start, end): a view, not a copy."""

    def baseline_group(self) -> Group | None:
        """The claim group that weighs most in the baseline (its faded weight)."""
        history, start, end = self.prior
        best = max(history[start:end], default=None,
                   key=lambda g: (g.w * g.n * weights.decay((self.day - g.day).days), g.day))
        return best


def walk(day_groups: list[Group]) -> list[Step]:
    """Fold one party's groups on one issue (sorted by day) into daily steps."""
    steps: list[Step] = []
    state, last = State(), None
    history: list[Group] = []
    start = 0
    for day, todays in groupby(day_groups, key=lambda g: g.day):
        todays = list(todays)
        prior = (history, start, len(history))
        before = state.faded((day - last).days) if last else State()
        today = State()
        for g in todays:
            today.add(g)
        on_record = any(g.on_record for g in todays)
        base = State() if on_record else before
        after = State(base.w + today.w, base.wp + today.wp, base.wq + today.wq)
        steps.append(Step(day, before, today, after, todays, on_record, prior))
        if on_record:
            start = len(history)
        history.extend(todays)
        state, last = after, day
    return steps


def by_pair(gs: list[Group]):
    """Groups per (party, issue); ``gs`` is sorted by party, issue, day."""
    for key, items in groupby(gs, key=lambda g: (g.party, g.issue)):
        yield key, list(items)


def point(step: Step) -> PositionPoint:
    mean, sd = step.after.mean, step.after.sd
    return PositionPoint(date=step.day, position=round(mean, 2), low=round(max(mean - sd, 0.0), 2),
                         high=round(min(mean + sd, 100.0), 2), sd=round(sd, 2),
                         observed=round(step.today.mean, 2), weight=round(step.today.w, 3),
                         on_record=step.on_record, claim_ids=sorted(i for g in step.groups for i in g.ids))


def positions(ledger, *, party: str | None = None, issue: str | None = None, until: dt.date | None = None,
              codebook: Codebook | None = None) -> list[PositionSeries]:
    """Every party's position series on every issue it has positioned claims on (dated ones only)."""
    cb = codebook_of(ledger, codebook)
    out = []
    for (p, i), gs in by_pair(groups(ledger, cb, party=party, issue=issue, until=until)):
        points = [point(s) for s in walk(gs)]
        out.append(PositionSeries(party=p, issue=i, issue_name=cb.issue(i).name, points=points,
                                  current=points[-1] if points else None,
                                  claim_ids=sorted(x for pt in points for x in pt.claim_ids)))
    return out


def codebook_of(ledger, codebook: Codebook | None = None) -> Codebook:
    if codebook is not None:
        return codebook
    if getattr(ledger, "codebook", None) is not None:
        return ledger.codebook
    from detente import settings

    return settings.codebook(None)
