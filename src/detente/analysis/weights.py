"""How much each claim counts, and how unsure it is: the analysis's documented choices in one place.

Provenance: a named official on record is the party speaking for itself; a plan's text
(``document``) nearly so; an anonymous source inside the talks is a leak worth half of that;
another outlet's report and an expert's reading are second hand; the author's own background
summary counts least. A hedged claim ("if confirmed", "may") counts half and its spread grows
by half: hedging is the writer saying they are not sure.

Fading: a statement's weight halves every ``HALF_LIFE_DAYS`` days, so last winter's leak does not
outvote this week's interview. Supersession: an unhedged statement on the party's own record
(official or document, not by another party's speaker) replaces everything older on that
issue, and that day's leaks and reports: a government that states its position has, from then
on, that position.

Shifts: a move is a change of at least ``SHIFT_THRESHOLD`` points between the position in force
before a day and what is said that day. The codebook's anchors are at least 10 points apart,
so a move of one anchor or more counts, while the blur of mixing neighbouring statements does
not. The same threshold decides whether an official statement repeats a leak (confirmed) or
states something else (denied).
"""
from __future__ import annotations

SOURCE_WEIGHT = {"official": 1.0, "document": 0.9, "anonymous": 0.5, "media": 0.4, "expert": 0.25, "author": 0.15}
"""Provenance weight by ``source.type``; official on record > document > anonymous > media > expert > author."""

SOURCE_SD = {"official": 5.0, "document": 5.0, "anonymous": 12.0, "media": 12.0, "expert": 15.0, "author": 15.0}
"""Spread (scale points, one standard deviation) of a single claim's placement, by provenance."""

OTHER_PARTY_WEIGHT = 0.4
"""An official of another party reporting this party's position counts like a media report."""

HEDGE_WEIGHT = 0.5
HEDGE_SPREAD = 1.5
HALF_LIFE_DAYS = 90.0
SHIFT_THRESHOLD = 10.0
ON_RECORD = ("official", "document")
LEAKED = ("anonymous", "media")


def weight(source_type: str, hedged: bool, own_record: bool = True) -> float:
    base = SOURCE_WEIGHT.get(source_type, 0.15)
    if source_type in ON_RECORD and not own_record:
        base = OTHER_PARTY_WEIGHT
    return base * (HEDGE_WEIGHT if hedged else 1.0)


def spread(source_type: str, hedged: bool) -> float:
    return SOURCE_SD.get(source_type, 15.0) * (HEDGE_SPREAD if hedged else 1.0)


def decay(days: float) -> float:
    return 0.5 ** (max(days, 0.0) / HALF_LIFE_DAYS)
