"""Shifts: per party, per issue, per day, did the position move, which way, and how sure are we?

Like ACLED's trend alerts and CrisisWatch's monthly verdicts, a change is measured against a
baseline with a threshold, but here per day and with the claims on both sides:

- baseline: the position in force before the day (``positions.walk``: provenance-weighted,
  faded, superseded by the party's own record), over the claims the text places (an anchor cue,
  or a reviewer) when any are in force within the look-back, else over all (``PlacedWalk``); the
  other side's standing is read the same way;
- a move: what the day's best-placed source says (its claims' weighted mean: claims the text
  places first, then official over document over anonymous over media over expert over author;
  weaker sources are not averaged against it within the day) sits at least ``weights.SHIFT_THRESHOLD`` points from the
  baseline, and the claims on the moving side weigh at least as much as one hedged anonymous
  claim (an author's background sentence alone does not move a party);
- direction: escalation = farther from the other side's position in force that day, softening =
  closer. The other side of a belligerent is the codebook's other belligerent; a mediator or
  any other party is measured against the belligerent farther from its baseline (the side it
  leans against). Where the other side has said nothing on the issue, the scale's end farther
  from the baseline stands in for it;
- reversal: a move against the direction of the party's previous shift on the issue;
- new demand: the first positioned claim of a party on an issue, when it is a demand;
- restating the position in force (a move under the threshold) is no shift; nor is a move that
  rests on the learned head's placements (no anchor cue in the text), before or after, unless
  the stance turns with it: an acceptance where the party had accepted nothing (softening), a
  rejection of what it had accepted (escalation). The head places a party by its stance alone,
  so without a turn two of its placements differ by the stance word, not by the position;
- confirmed: stated that day on the party's own record, or a leak of that day later confirmed on
  record (``leaks``); otherwise "reported, not confirmed", naming who reported it;
- a stance turn (``turns``): a rejection on the party's record followed by an acceptance on its
  record is a softening even where the rejection placed nothing to measure from.

Issues flagged ``process`` in the codebook (how the talks go) carry assessments, not demands:
the numeric detector leaves them to ``talks_vs_war``; only stance turns read them.
"""
from __future__ import annotations

import bisect
import datetime as dt

from detente.analysis import weights
from detente.analysis.groups import Day, Group, claim_refs, days, details
from detente.analysis.leaks import leak_verdicts
from detente.analysis.positions import LOOKBACK_HALF_LIVES, Step, Walk, by_pair, codebook_of, walk
from detente.analysis.records import Shift
from detente.analysis.turns import stance_days, turns
from detente.codebook import Codebook

REPORTERS = {"anonymous": "anonymous sources", "media": "another outlet", "expert": "an expert",
             "author": "the article's author", "official": "an official of another party",
             "document": "a document"}
MIN_EVIDENCE = weights.weight("anonymous", hedged=True)


def shifts(ledger, *, party: str | None = None, issue: str | None = None, since: dt.date | None = None,
           until: dt.date | None = None, codebook: Codebook | None = None, latest: int | None = None,
           rows: list | None = None) -> list[Shift]:
    """Every shift found, oldest first (``latest``: only the newest N, for a brief).

    ``rows``: ``groups.days()`` already read for the same ledger and ``until``.
    """
    cb = codebook_of(ledger, codebook, party=party, issue=issue)
    process = {i.id for i in cb.issues if i.process}
    if rows is None:
        rows = days(ledger, cb, issue=issue, until=until)
    rows = [r for r in rows if r.issue not in process and (not issue or r.issue == issue)]
    tracks = {key: walk(items) for key, items in by_pair(rows)}
    placed = {key: PlacedWalk(track) for key, track in tracks.items()}
    candidates = []   # (pair, index) of days that may hold a shift: a first claim, or a day far from the baseline
    for (p, i), track in tracks.items():
        if party and p != party:
            continue
        anchored = placed[(p, i)]
        for k in range(len(track)):
            if k == 0:
                candidates.append(((p, i), k))
                continue
            r = track.rows[k]
            base = anchored.before(k) if anchored.fresh(k, r.day) else track.before_mean(k)
            if base is not None and _far(r, base):
                candidates.append(((p, i), k))
    wanted, bases = set(), {}
    for pair, k in candidates:
        bases[(pair, k)] = _baseline(tracks[pair][k], placed[pair], k) if k else (None, None)
        base = bases[(pair, k)][1]
        wanted.update(tracks[pair].rows[k].ids)
        wanted.update(base.ids if base else [])
    claims = details(ledger, cb, wanted)
    index = {key: track.days for key, track in tracks.items()}
    found, last_direction = [], {}
    for pair, k in candidates:
        steps = tracks[pair]
        verdict = _verdict(pair[0], pair[1], steps[k], bases[(pair, k)], (tracks, index, placed), cb,
                           last_direction.get(pair), claims)
        if verdict is None:
            continue
        if verdict["direction"]:
            last_direction[pair] = verdict["direction"]
        if since is None or steps[k].day >= since:
            found.append((pair, steps[k], verdict))
    taken: dict[tuple[str, str], list] = {}
    for pair, step, verdict in found:
        taken.setdefault(pair, []).append((step.day, verdict["direction"]))
    turned = turns(ledger, stance_days(ledger, cb, party=party, issue=issue, until=until), taken, since)
    if latest is not None:  # only the shifts shown are fetched and cited
        found = sorted(found, key=lambda f: (f[1].day, f[0]))[-latest:] if latest else []
    out = sorted(_records(ledger, found, rows) + turned, key=lambda s: (s.date, s.party, s.issue))
    if latest is not None:
        out = out[-latest:] if latest else []
    return out


def _far(day, base: float) -> bool:
    """Some claim of the day sits a shift away from the baseline (the verdict then weighs it)."""
    return max(day.hi - base, base - day.lo) >= weights.SHIFT_THRESHOLD


def _voice(today: list[Group]) -> list[Group]:
    """The day's claims of its strongest provenance: what the best-placed source said that day.

    Sources of different standing are not averaged against each other within a day: a leak from
    inside the talks is not cancelled by an outside expert's reading of the same day, and an
    official statement is not blurred by a leak. Weaker sources speak only when stronger ones
    are silent; across days, every claim keeps counting in the position (``positions.walk``).
    Claims the text places (``Group.anchored``) speak first, whatever their source's standing:
    the learned head's placements carry no more than the party's usual place for a stance, so
    they say where a party stands only when nothing in the text does. The weight floor of a
    move (``MIN_EVIDENCE``) still keeps an author's background line from moving a party.
    """
    pool = [g for g in today if g.anchored] or today
    top = max(weights.weight(g.source_type, False, g.own) for g in pool)
    return [g for g in pool if weights.weight(g.source_type, False, g.own) == top]


class PlacedWalk:
    """The position in force over anchored claims only (``Group.anchored``: ``Day.aw``…), before
    each day of the full walk: faded and superseded as in ``positions.Walk``, kept as plain lists."""

    def __init__(self, track: Walk):
        self.rows = rows = track.rows
        self.means: list[float | None] = [None] * (len(rows) + 1)   # the last: after every day
        self.starts = [0] * (len(rows) + 1)
        self.latest: list[int | None] = [None] * (len(rows) + 1)   # the last anchored day in force (ordinal)
        w = wp = 0.0
        start, last, latest = 0, None, None
        for k, r in enumerate(rows):
            t = r.day.toordinal()
            if last is not None and w > 0:
                f = weights.decay(t - last)
                w, wp = w * f, wp * f
            self.means[k] = wp / w if w > 0 else None
            self.starts[k], self.latest[k] = start, latest
            if r.arw > 0:
                w, wp, start = r.arw, r.arwp, k
            else:
                w, wp = w + r.aw, wp + r.awp
            last = t
            latest = t if r.aw > 0 else latest
        self.means[-1], self.starts[-1], self.latest[-1] = (wp / w if w > 0 else None), start, latest

    def fresh(self, k: int, day: dt.date) -> bool:
        """Anchored claims are in force before day ``k`` and the latest is within the look-back."""
        return self.means[k] is not None and \
            day.toordinal() - self.latest[k] <= LOOKBACK_HALF_LIVES * weights.HALF_LIFE_DAYS

    def before(self, k: int) -> float | None:
        """The anchored position in force before day ``k`` (``len(rows)``: after the last day)."""
        return self.means[k]

    def baseline_day(self, k: int, day: dt.date) -> Day | None:
        """The earlier day whose anchored claims weigh most in force before ``day``, within the look-back."""
        if self.means[k] is None:
            return None
        best, best_w = None, 0.0
        for m in range(k - 1, self.starts[k] - 1, -1):
            r = self.rows[m]
            age = (day - r.day).days
            if age > LOOKBACK_HALF_LIVES * weights.HALF_LIFE_DAYS:
                break
            if r.aw > 0 and r.aw * weights.decay(age) > best_w:
                best, best_w = r, r.aw * weights.decay(age)
        return best


def _baseline(step: Step, placed: PlacedWalk, k: int) -> tuple[float | None, Day | None]:
    """The position in force before the day, and the earlier day that weighs most in it.

    Counted over anchored claims when any are in force within the look-back: the learned head's
    placements are the party's usual place for a stance, a prior rather than a statement, so a
    move is measured against what the party was read to say. With none in force, every claim
    counts."""
    if placed.fresh(k, step.day):
        return placed.before(k), placed.baseline_day(k, step.day)
    return step.before.mean, step.baseline_day()


def _verdict(party: str, issue: str, step: Step, baseline: tuple, tracks: tuple, cb: Codebook,
             last_direction: str | None, claims: dict[int, Group]) -> dict | None:
    """``baseline``: ``_baseline()`` of the step, (None, None) on the party's first day."""
    today = [claims[i] for i in step.sums.ids if i in claims]
    base, base_day = baseline
    if base is None:
        demands = [g for g in today if g.stance == "demand"]
        if not demands:
            return None
        demands = _voice(demands)  # an official demand is not averaged with a leak (or a leak it denies)
        return {"kind": "new_demand", "direction": None, "baseline": None, "moving": demands,
                "other": None, "other_position": None}
    voice = _voice(today) if today else []
    if not voice:
        return None
    said = sum(g.position * g.w for g in voice) / sum(g.w for g in voice)
    delta = said - base
    sign = 1 if delta > 0 else -1
    moving = [g for g in voice if (g.position - base) * sign >= weights.SHIFT_THRESHOLD]
    if abs(delta) < weights.SHIFT_THRESHOLD or sum(g.w for g in moving) < MIN_EVIDENCE - 1e-9:
        return None
    other, other_pos = _other_side(party, issue, step.day, base, tracks, cb)
    direction = "escalation" if abs(said - other_pos) > abs(base - other_pos) else "softening"
    earlier = [claims[i] for i in (base_day.ids if base_day else []) if i in claims]
    grounded = base_day is not None and base_day.aw > 0 and any(g.anchored for g in moving)
    if not grounded and not _turned(earlier, moving, direction):
        return None
    kind = "reversal" if last_direction and direction != last_direction else direction
    return {"kind": kind, "direction": direction, "baseline": base, "moving": moving,
            "other": other, "other_position": other_pos,
            "before": _nearest(earlier, base)}


TURNS = {"softening": ("acceptance", "rejection"), "escalation": ("rejection", "acceptance")}
"""A move's stance turn: (what the party now says, what it did not say before)."""


def _turned(earlier: list[Group], moving: list[Group], direction: str) -> bool:
    """A move resting on the learned head's placements, on either side, is a change of stance, so
    the words must turn the same way as the numbers: the party now accepts where before it had accepted
    nothing (softening), or now rejects what it had accepted (escalation, a concession withdrawn).
    The head places a party by who takes which stance on which issue, not by what the sentence
    says, so two such placements can differ while the party repeats itself ("we reject X" after
    "X would mean war"): a demand restated, an assessment turned into a rejection, is no shift."""
    now, before = TURNS[direction]
    return any(g.stance == now for g in moving) and not any(g.stance == now for g in earlier) \
        and (direction == "softening" or any(g.stance == before for g in earlier))


def _nearest(claims: list[Group], base: float) -> Group | None:
    """The heaviest claim of the baseline's day, the nearest to the baseline among equals."""
    return min(claims, key=lambda g: (-g.w, abs(g.position - base), g.id), default=None)


def _other_side(party: str, issue: str, day: dt.date, base: float, tracks: dict, cb: Codebook) -> tuple[str, float]:
    """Who the direction is measured against, and where they stand on ``day``."""
    tracks, index, placed = tracks

    def standing(code: str) -> float | None:
        """Where ``code`` stands after ``day``: its anchored claims in force, else all its claims."""
        track = tracks.get((code, issue))
        k = bisect.bisect_right(index[(code, issue)], day) if track else 0
        if not k:
            return None
        if placed[(code, issue)].fresh(k, day):
            return placed[(code, issue)].before(k)
        return track.after_mean(k - 1)

    opponent = cb.opponent(party)
    if opponent:
        pos = standing(opponent)
        if pos is not None:
            return opponent, pos
    elif party not in cb.belligerents:
        known = [(abs(pos - base), code, pos) for code in cb.belligerents if (pos := standing(code)) is not None]
        if known:
            _, code, pos = max(known)
            return code, pos
    return "pole", 0.0 if base >= 50 else 100.0


def _records(ledger, found: list, rows: list) -> list[Shift]:
    """Shift records with their before/after claims fetched in one query."""
    cited = set()
    for _, _, v in found:
        v["moving"] = sorted(v["moving"], key=lambda g: (-g.w, g.id))
        cited.add(v["moving"][0].id)
        if v["baseline"] is not None and v.get("before"):
            cited.add(v["before"].id)
    refs = claim_refs(ledger, cited)
    confirmations = leak_verdicts(rows, [g for _, _, v in found for g in v["moving"]])
    out = []
    for (p, i), step, v in found:
        moving = v["moving"]
        before = refs[v["before"].id] if v["baseline"] is not None and v.get("before") else None
        confirmed, status = _status(moving, confirmations)
        weight = sum(g.w for g in moving)
        position = round(sum(g.position * g.w for g in moving) / weight, 2)
        out.append(Shift(
            party=p, issue=i, kind=v["kind"], direction=v["direction"], date=step.day, confirmed=confirmed,
            status=status, baseline=_round(v["baseline"]),
            position=position,  # the delta is the move shown, from the baseline to the moving claims
            delta=_round(position - v["baseline"]) if v["baseline"] is not None else None,
            other_side=v["other"], other_position=_round(v["other_position"]), before=before,
            after=refs[moving[0].id],
            claim_ids=sorted({g.id for g in moving} | ({before.id} if before else set()))))
    out.sort(key=lambda s: (s.date, s.party, s.issue))
    return out


def _status(moving: list[Group], confirmations: dict[int, tuple[str, dt.date | None]]) -> tuple[bool, str]:
    if any(g.on_record for g in moving):
        return True, "stated on record"
    for g in moving:
        state, day = confirmations.get(g.id, ("unconfirmed", None))
        if state == "confirmed":
            return True, f"reported by {_reporter(g)}, confirmed on record on {day}"
    top = moving[0]
    hedge = ", hedged" if top.hedged else ""
    return False, f"reported by {_reporter(top)}{hedge}; not confirmed"


def _reporter(g: Group) -> str:
    """Who the text says reported it: an official of the party itself is off the record only
    because the words are hedged, not because someone else spoke."""
    if g.source_type == "official" and g.own:
        return "an official"
    return REPORTERS.get(g.source_type, g.source_type)


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 2)
