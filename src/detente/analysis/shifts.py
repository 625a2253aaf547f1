"""Shifts: per party, per issue, per day, did the position move, which way, and how sure are we?

Like ACLED's trend alerts and CrisisWatch's monthly verdicts, a change is measured against a
baseline with a threshold, but here per day and with the claims on both sides:

- baseline: the position in force before the day (``positions.walk``: provenance-weighted,
  faded, superseded by the party's own record);
- a move: that day's claims (weighted mean) sit at least ``weights.SHIFT_THRESHOLD`` points
  from the baseline, and the claims on the moving side weigh at least as much as one hedged
  anonymous claim (an author's background sentence alone does not move a party);
- direction: escalation = farther from the other side's position in force that day, softening =
  closer. The other side of a belligerent is the codebook's other belligerent; a mediator or
  any other party is measured against the belligerent farther from its baseline (the side it
  leans against). Where the other side has said nothing on the issue, the scale's end farther
  from the baseline stands in for it;
- reversal: a move against the direction of the party's previous shift on the issue;
- new demand: the first positioned claim of a party on an issue, when it is a demand;
- restating the position in force (a move under the threshold) is no shift;
- confirmed: stated that day on the party's own record, or a leak of that day later confirmed on
  record (``leaks``); otherwise "reported, not confirmed", naming who reported it.

Issues flagged ``process`` in the codebook (how the talks go) carry assessments, not demands:
they are left to ``talks_vs_war``.
"""
from __future__ import annotations

import datetime as dt

from detente.analysis import weights
from detente.analysis.groups import Group, claim_refs, groups
from detente.analysis.leaks import leak_verdicts
from detente.analysis.positions import Step, by_pair, codebook_of, walk
from detente.analysis.records import Shift
from detente.codebook import Codebook

REPORTERS = {"anonymous": "anonymous sources", "media": "another outlet", "expert": "an expert",
             "author": "the article's author", "official": "an official of another party",
             "document": "a document"}
MIN_EVIDENCE = weights.weight("anonymous", hedged=True)


def shifts(ledger, *, party: str | None = None, issue: str | None = None, since: dt.date | None = None,
           until: dt.date | None = None, codebook: Codebook | None = None) -> list[Shift]:
    """Every shift found, oldest first."""
    cb = codebook_of(ledger, codebook)
    process = {i.id for i in cb.issues if i.process}
    gs = [g for g in groups(ledger, cb, issue=issue, until=until) if g.issue not in process]
    tracks = {key: walk(items) for key, items in by_pair(gs)}
    found: list[tuple[tuple, Step, dict]] = []
    for (p, i), steps in tracks.items():
        if party and p != party:
            continue
        last_direction = None
        for k, step in enumerate(steps):
            verdict = _verdict(p, i, k, steps, tracks, cb, last_direction)
            if verdict is None:
                continue
            if verdict["direction"]:
                last_direction = verdict["direction"]
            if since is None or step.day >= since:
                found.append(((p, i), step, verdict))
    return _records(ledger, cb, found, until)


def _verdict(party: str, issue: str, k: int, steps: list[Step], tracks: dict, cb: Codebook,
             last_direction: str | None) -> dict | None:
    step = steps[k]
    base = step.before.mean if k else None
    if base is None:
        demands = [g for g in step.groups if g.stance == "demand"]
        if not demands:
            return None
        return {"kind": "new_demand", "direction": None, "baseline": None, "moving": demands,
                "other": None, "other_position": None}
    delta = step.today.mean - base
    if abs(delta) < weights.SHIFT_THRESHOLD:
        return None
    sign = 1 if delta > 0 else -1
    moving = [g for g in step.groups if (g.position - base) * sign >= weights.SHIFT_THRESHOLD]
    if sum(g.w * g.n for g in moving) < MIN_EVIDENCE - 1e-9:
        return None
    other, other_pos = _other_side(party, issue, step.day, base, tracks, cb)
    direction = "escalation" if abs(step.today.mean - other_pos) > abs(base - other_pos) else "softening"
    kind = "reversal" if last_direction and direction != last_direction else direction
    return {"kind": kind, "direction": direction, "baseline": base, "moving": moving,
            "other": other, "other_position": other_pos}


def _other_side(party: str, issue: str, day: dt.date, base: float, tracks: dict, cb: Codebook) -> tuple[str, float]:
    """Who the direction is measured against, and where they stand on ``day``."""
    def standing(code: str) -> float | None:
        steps = [s for s in tracks.get((code, issue), []) if s.day <= day]
        return steps[-1].after.mean if steps else None

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


def _records(ledger, cb: Codebook, found: list, until: dt.date | None) -> list[Shift]:
    """Shift records with their before/after claims fetched in one query."""
    wanted: set[int] = set()
    for (p, i), step, v in found:
        wanted.update(_ids(v["moving"]))
        wanted.update(_before_ids(step))
    refs = claim_refs(ledger, wanted)
    confirmations = leak_verdicts(ledger, cb, until=until)
    out = []
    for (p, i), step, v in found:
        moving = sorted(v["moving"], key=lambda g: -g.w)
        after = refs[moving[0].ids[0]]
        before_ids = _before_ids(step)
        before = refs[before_ids[0]] if before_ids and v["baseline"] is not None else None
        confirmed, status = _status(moving, confirmations)
        out.append(Shift(
            party=p, issue=i, kind=v["kind"], direction=v["direction"], date=step.day, confirmed=confirmed,
            status=status, baseline=_round(v["baseline"]), position=round(sum(g.position * g.w * g.n for g in moving)
                                                                        / sum(g.w * g.n for g in moving), 2),
            delta=_round(step.today.mean - v["baseline"]) if v["baseline"] is not None else None,
            other_side=v["other"], other_position=_round(v["other_position"]), before=before, after=after,
            claim_ids=sorted(set(_ids(moving)) | ({before.id} if before else set()))))
    out.sort(key=lambda s: (s.date, s.party, s.issue))
    return out


def _status(moving: list[Group], confirmations: dict[int, tuple[str, dt.date | None]]) -> tuple[bool, str]:
    if any(g.on_record for g in moving):
        return True, "stated on record"
    for g in moving:
        for cid in g.ids:
            state, day = confirmations.get(cid, ("unconfirmed", None))
            if state == "confirmed":
                return True, f"reported by {REPORTERS[g.source_type]}, confirmed on record on {day}"
    top = moving[0]
    hedge = ", hedged" if top.hedged else ""
    return False, f"reported by {REPORTERS.get(top.source_type, top.source_type)}{hedge}; not confirmed"


def _before_ids(step: Step) -> list[int]:
    """The claim that stood for the baseline: the heaviest in force before the day, faded by age."""
    g = step.baseline_group()
    return g.ids if g else []


def _ids(gs: list[Group]) -> list[int]:
    return [i for g in gs for i in g.ids]


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 2)
