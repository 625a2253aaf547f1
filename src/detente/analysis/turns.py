"""Stance turns: a party that rejected something on its own record and now accepts, on its record.

The numeric detector (``shifts``) needs a position before and after. A rejection often has
none: "Kyiv rejects any deal that cedes land" says where Kyiv is not, and the corpus guidelines
leave such claims unplaced. Yet "rejects X" followed months later by "is willing to Y" is the
commonest way a softening reads in the news. So a turn is found from stances alone:

- the party's latest statement on the issue on its own record (official or document, unhedged,
  not another party's speaker) within the look-back was a rejection, and on the day an
  acceptance on its own record follows: a softening (a reversal if the party's previous shift on
  the issue was an escalation). The shift cites the acceptance's placed claim where it has one,
  so that it says where the party now stands; an unplaced acceptance still turns ("open to
  meeting him" after "rules out talking to him" places nothing on a scale, yet it is the move);
- process issues count here, though the numeric detector leaves them to ``talks_vs_war``:
  refusing talks and then agreeing to them is a position on the process, not an assessment of it;
- a day that already holds a numeric shift of the pair is left to it.

Restating a rejection, or a rejection after an acceptance, is no turn here: a rejection has no
place to measure an escalation by, and the numeric detector reads placed ones.
SQL groups the stances per party, issue and day; Python walks those days, few beside the claims.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import case, func, literal, or_, select

from detente.analysis import weights
from detente.analysis.groups import claim_filters, claim_refs, reviewed_ids, speaker_table
from detente.analysis.positions import LOOKBACK_HALF_LIVES
from detente.analysis.records import Shift
from detente.codebook import Codebook
from detente.ledger.models import ClaimRow, DocumentRow

TURNING = ("rejection", "acceptance")


@dataclass(frozen=True)
class StanceDay:
    """A party's on-record rejections or acceptances on one issue on one day."""

    party: str
    issue: str
    day: dt.date
    stance: str
    first: int                 # the day's first such claim
    placed: int | None         # the first one with a position, if any
    position: float | None     # the mean position of the placed ones


def stance_days(ledger, cb: Codebook, *, party: str | None = None, issue: str | None = None,
                until: dt.date | None = None) -> list[StanceDay]:
    """On-record rejections and acceptances per (party, issue, day, stance), oldest first."""
    c, d = ClaimRow, DocumentRow
    with ledger.session() as session:
        corrected, rejected = reviewed_ids(session)
        where = claim_filters(c, d, corrected | rejected, cb, party, issue, None, until, placed=False)
        where += [c.stance.in_(TURNING), c.source_type.in_(weights.ON_RECORD), ~c.hedged]
        sp = speaker_table(session, cb, where)
        placed_id = case((c.position.is_not(None), c.id), else_=literal(None))
        keys = (c.party, c.issue, d.published, c.stance)
        stmt = (select(*keys, func.min(c.id), func.min(placed_id), func.avg(c.position))
                .select_from(c).join(d, c.document_id == d.id))
        if sp is not None:  # another party's official telling this party's stance is not its record
            stmt = stmt.outerjoin(sp, sp.c.name == c.source_name)
            where.append(or_(sp.c.party.is_(None), sp.c.party == c.party))
        rows = session.connection().execute(stmt.where(*where).group_by(*keys)).all()
    out = [StanceDay(p, i, day, s, int(first), int(pid) if pid is not None else None,
                     float(pos) if pos is not None else None) for p, i, day, s, first, pid, pos in rows]
    return sorted(out, key=lambda x: (x.party, x.issue, x.day, TURNING.index(x.stance)))


def turns(ledger, days: list[StanceDay], taken: dict[tuple[str, str], list[tuple[dt.date, str]]],
          since: dt.date | None = None) -> list[Shift]:
    """Softenings read from stance turns; ``taken``: the numeric shifts per pair, (day, direction)."""
    found = []
    by_pair: dict[tuple[str, str], list[StanceDay]] = defaultdict(list)
    for x in days:
        by_pair[(x.party, x.issue)].append(x)
    reach = LOOKBACK_HALF_LIVES * weights.HALF_LIFE_DAYS
    for pair, seq in by_pair.items():
        last = None
        for x in seq:
            if x.stance == "acceptance" and last is not None and last.stance == "rejection" \
                    and last.day < x.day and (x.day - last.day).days <= reach \
                    and not any(day == x.day for day, _ in taken.get(pair, [])):
                found.append((pair, last, x))
            last = x
    found = [f for f in found if since is None or f[2].day >= since]
    refs = claim_refs(ledger, {f[1].first for f in found} | {_cited(f[2]) for f in found})
    out = []
    for (p, i), before, after in found:
        previous = [direction for day, direction in taken.get((p, i), []) if day < after.day]
        kind = "reversal" if previous and previous[-1] == "escalation" else "softening"
        out.append(Shift(
            party=p, issue=i, kind=kind, direction="softening", date=after.day, confirmed=True,
            status="stated on record: a rejection on record turned into an acceptance",
            baseline=None, position=_rounded(after.position), delta=None, other_side=None,
            other_position=None, before=refs[before.first], after=refs[_cited(after)],
            claim_ids=sorted({before.first, _cited(after)})))
    return out


def _cited(day: StanceDay) -> int:
    """The acceptance a turn cites: the placed one where the day has one."""
    return day.placed if day.placed is not None else day.first


def _rounded(value: float | None) -> float | None:
    return round(value, 2) if value is not None else None
