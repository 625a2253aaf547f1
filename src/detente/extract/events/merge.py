"""One event per happening: mentions of the same strike or the same round of talks are merged.

Two mentions are one happening when they share a type, their dates do not contradict each
other, and they share a place; a meeting named without a place joins one held the same day.
Prisoner exchanges merge by date alone: an article rarely reports two at once.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from spacy.tokens import Span

from detente.extract.dates import Resolved
from detente.extract.events.places import PlaceHit, place_id
from detente.records import Event, EventType

NEAR_KM = 25     # a city and its districts
MAX_DAY_GAP = 1  # 'overnight' in one time zone is 'Saturday' in another


@dataclass
class Mention:
    type: EventType
    actor: str | None
    places: list[PlaceHit]
    when: Resolved
    participants: list[str]
    line: Span
    damage: bool = False
    headline: bool = False
    placeless: bool = False
    counted: bool = False  # 'fired 37 missiles at Ukraine overnight': a wave of its own, though no town is named
    anaphor: bool = False
    entry: int = 0  # the live-blog entry (timestamp line) it is reported under
    merged: list["Mention"] = field(default_factory=list)

    def weight(self) -> tuple:
        """Which mention states the happening best: a body line over a headline; for talks, the
        one that places and dates them; otherwise the first report (news leads with the whole
        attack, then goes place by place)."""
        meeting = self.type == "meeting"
        return (not self.headline, bool(self.places) and meeting,
                self.when.precision != "unknown" and meeting,
                -self.line.start_char)

    def to_event(self) -> Event:
        every = [self, *self.merged]
        best = max(every, key=Mention.weight)
        actor = best.actor or next((m.actor for m in every if m.actor), None)
        when = next((m.when for m in sorted(every, key=_precision_rank) if m.when.date), best.when)
        return Event(type=self.type, actor=actor, locations=_union_places(every),
                     date=when.date, date_precision=when.precision if when.date else "unknown",
                     participants=_union(m.participants for m in every),
                     evidence=best.line.text, start=best.line.start_char, end=best.line.end_char)


def merge(mentions: list[Mention]) -> list[Mention]:
    """Cluster until nothing changes; a shared place beats a shared date as the reason to join.
    Headlines and captions only add to what the body reports: alone they repeat or tease it."""
    events: list[Mention] = []
    for m in sorted(mentions, key=lambda x: (x.headline, x.placeless)):
        into = next((e for e in events if _same_happening(e, m, by_place=True)), None)
        into = into or next((e for e in events if _same_happening(e, m)), None)
        into = into or _antecedent(events, m)
        if into is None and not (m.headline or m.placeless and not m.counted):
            events.append(m)
        elif into is None or m.headline and into.entry != m.entry:
            continue  # a live blog's title sums up its entries: it adds no place to one of them
        else:
            into.merged.append(m)
    return _merge_events(events)


def _antecedent(events: list[Mention], m: Mention) -> Mention | None:
    """'The talks lasted five hours': talks named with 'the' and nothing new (no place, no day)
    are the latest ones reported before, when their dates do not contradict."""
    if not m.anaphor:
        return None
    before = [e for e in events if e.type == m.type and e.line.start_char < m.line.start_char
              and _dates_agree(e, m)]
    return before[-1] if before else None


def _merge_events(events: list[Mention]) -> list[Mention]:
    """Second round: a happening dated by one mention and placed by another comes together now."""
    i = 0
    while i < len(events):
        e = events[i]
        j = next((k for k in range(i + 1, len(events)) if _clusters_meet(e, events[k])), None)
        if j is None:
            i += 1
            continue
        other = events.pop(j)
        e.merged += [other, *other.merged]
        other.merged = []
    return events


def _clusters_meet(e: Mention, other: Mention) -> bool:
    """One member of ``other`` is the same happening as ``e`` and none contradicts it."""
    members = [other, *other.merged]
    if not any(_same_happening(e, x) for x in members):
        return False
    return all(x.type == e.type and _dates_agree(e, x) and not (x.actor and e.actor and x.actor != e.actor)
               for x in members)


def _same_happening(e: Mention, m: Mention, by_place: bool = False) -> bool:
    if e.type != m.type or not _dates_agree(e, m):
        return False
    if e.actor and m.actor and e.actor != m.actor:
        return False
    every = [e, *e.merged]
    # a headline joins the body's report of its place but bridges no two reports: 'Drones hit
    # Odesa and Sumy' atop an entry on Odesa and a later one on Sumy
    if any(_places_overlap(x, m) for x in every if not (x.headline and m.entry != e.entry)):
        return True
    if by_place:
        return False
    if m.type == "prisoner_exchange":
        return True
    if m.type == "strike":
        return _one_wave(e, m)
    if m.type == "meeting" and (not m.places or not any(x.places for x in every)):
        # dates agree (checked above): the same day, or a day of the week the talks were set for
        return (_day_known(m) and any(_day_known(x) for x in every)
                or m.when.precision == "day" and any(x.when.precision == "range" for x in every))
    return False


def _one_wave(e: Mention, m: Mention) -> bool:
    """'Russian drones hit Kyiv overnight … In Odesa, a block was hit … Sumy also faced attacks':
    the strikes one side made on the same day (dates agree, checked before) are one attack
    reported place by place; a strike by the other side is another happening."""
    if m.headline or e.headline:
        return False
    if any(x.entry != m.entry for x in [e, *e.merged]):
        return False  # a live blog's entries, each under its own time, report attacks one by one
    if m.placeless:  # 'a widespread bombardment killed three': the wave the placed reports name
        return m.actor is not None and any(x.actor == m.actor and x.places for x in [e, *e.merged])  # a headline joins only the body's report of its own place
    return m.actor is not None and any(x.actor == m.actor for x in [e, *e.merged])


def _day_known(m: Mention) -> bool:
    return m.when.date is not None and m.when.precision == "day"


def _dates_agree(e: Mention, m: Mention) -> bool:
    """Unknown agrees with anything; 'Wednesday' and 'last month' never agree, even undated."""
    a = next((x.when for x in [e, *e.merged] if x.when.precision != "unknown"), None)
    b = m.when
    if a is None or b.precision == "unknown":
        return True
    if a.date is None or b.date is None:  # undated: a named day may fall in the week named
        return a.precision == b.precision or {a.precision, b.precision} == {"day", "range"}
    if a.precision == "day" and b.precision == "day":
        gap = MAX_DAY_GAP if m.type == "strike" else 0
        return abs((a.date - b.date).days) <= gap
    if {a.precision, b.precision} == {"day", "range"}:  # 'next week' and 'on Tuesday': a day of that week
        week, day = (a.date, b.date) if a.precision == "range" else (b.date, a.date)
        return 0 <= (day - week).days < 7
    return _same_month(a.date, b.date) if "month" in {a.precision, b.precision} else a.date == b.date


def _same_month(a: dt.date, b: dt.date) -> bool:
    return (a.year, a.month) == (b.year, b.month)


def _places_overlap(a: Mention, b: Mention) -> bool:
    """Shared place; for meetings a city inside a country the other names ('in the UAE' and
    'the talks in Abu Dhabi')."""
    if _keys(a) & _keys(b):
        return True
    if a.type == "strike":
        return _near(a, b)
    if a.type != "meeting":
        return False
    return bool(_countries(a) & {p.location.country for p in b.places}
                or _countries(b) & {p.location.country for p in a.places})


def _countries(m: Mention) -> set[str | None]:
    return {p.location.country for p in m.places if p.kind == "country"}


def _near(a: Mention, b: Mention) -> bool:
    """A strike on Darnytsia is a strike on Kyiv: places a few kilometres apart are one target."""
    pa = [p.location for p in a.places if p.location.lat is not None]
    pb = [p.location for p in b.places if p.location.lat is not None]
    return any(_km(x, y) <= NEAR_KM for x in pa for y in pb)


def _km(x, y) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (x.lat, x.lon, y.lat, y.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def _keys(m: Mention) -> set[str]:
    return {place_id(p.location) for p in m.places}


def _union_places(mentions: list[Mention]):
    seen, out = set(), []
    for m in mentions:
        for p in m.places:
            k = place_id(p.location)
            if k not in seen:
                seen.add(k)
                out.append(p.location)
    return out


def _union(lists) -> list[str]:
    out: list[str] = []
    for names in lists:
        out += [n for n in names if n not in out]
    return out


def _precision_rank(m: Mention) -> int:
    return ["day", "month", "range", "year", "unknown"].index(m.when.precision)
