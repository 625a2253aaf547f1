"""Claims with a position, summed in SQL per party, issue and day; single claims fetched only when cited.

The analysis never loops over every claim in Python: the database weighs each claim by its
provenance (``weights.py``, written as SQL ``CASE`` expressions) and sums per party, issue and day
(Σw, Σw·p, Σw·(p² + sd²), and the same over statements on the party's own record), listing the
day's claim ids. Python walks the days, which are few beside the rows, and fetches single claims
only for what it cites (a shift's before and after, a leak). Whether a speaker belongs to the
claim's party is decided once per distinct source name (codebook lookup) and joined in as a
``VALUES`` table. Reviews count: rejected claims are left out; corrected ones are left out of the
SQL sums and added back with their corrected values (``ledger.queries.fetch``), few as they are.
"""
from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy import Float, String, and_, case, cast, column, func, literal, or_, select, values

from detente.analysis import weights
from detente.analysis.records import ClaimRef
from detente.cache import Cache
from detente.codebook import Codebook
from detente.ledger import queries
from detente.ledger.models import ClaimRow, DocumentRow


@dataclass(slots=True)
class Day:
    """One party's claims on one issue on one day, summed."""

    party: str
    issue: str
    day: dt.date
    w: float = 0.0
    wp: float = 0.0
    wq: float = 0.0
    n: int = 0
    rw: float = 0.0
    rwp: float = 0.0
    ids: list[int] = field(default_factory=list)
    lo: float | None = None
    hi: float | None = None
    """The lowest and highest position said that day: a leak can move a party even when a weaker
    reading of the same day pulls the day's mean back (see ``shifts``)."""
    aw: float = 0.0
    awp: float = 0.0
    arw: float = 0.0
    """The same sums over the claims the text places (``Group.anchored``): a shift's baseline."""
    rwq: float = 0.0
    arwp: float = 0.0
    """Σw·(p² + sd²) of the record's claims and Σw·p of its placed ones: on a day the party speaks
    on record, the walks keep only what it said (``positions.Walk``)."""

    @property
    def on_record(self) -> bool:
        """The party stated a position on its own record that day (official or document, unhedged)."""
        return self.rw > 0

    @property
    def record_mean(self) -> float | None:
        return self.rwp / self.rw if self.rw > 0 else None

    def add(self, c: "Group") -> None:
        w, sd = c.w, weights.spread(c.source_type, c.hedged)
        self.w += w
        self.wp += w * c.position
        self.wq += w * (c.position ** 2 + sd ** 2)
        self.n += 1
        if c.on_record:
            self.rw += w
            self.rwp += w * c.position
            self.rwq += w * (c.position ** 2 + sd ** 2)
        if c.anchored:
            self.aw += w
            self.awp += w * c.position
            if c.on_record:
                self.arw += w
                self.arwp += w * c.position
        self.ids.append(c.id)
        self.lo = c.position if self.lo is None else min(self.lo, c.position)
        self.hi = c.position if self.hi is None else max(self.hi, c.position)


@dataclass
class Group:
    """One claim with what the analysis needs of it (the name dates from grouping claims by value)."""

    id: int
    party: str
    issue: str
    day: dt.date
    source_type: str
    hedged: bool
    source_name: str | None
    stance: str
    position: float
    own: bool = True
    """False when the speaker belongs to another party (Zelensky telling what Moscow wants)."""
    anchored: bool = True
    """The text says why the claim sits where it does: a codebook anchor cue placed it, or a
    reviewer set it. False for a placement by the learned head alone, which reads only who takes
    which stance on which issue (the party's usual place for that stance), not the sentence."""

    @property
    def ids(self) -> list[int]:
        return [self.id]

    @property
    def n(self) -> int:
        return 1

    @property
    def on_record(self) -> bool:
        return self.own and self.source_type in weights.ON_RECORD and not self.hedged

    @property
    def w(self) -> float:
        return weights.weight(self.source_type, self.hedged, self.own)


def reviewed_ids(session) -> tuple[set[int], set[int]]:
    """(corrected, rejected) claim ids: claims whose values in force differ from the machine's row."""
    corrected, rejected = set(), set()
    for rid, rows in queries.reviews_by_record(session, "claim").items():
        if rows[-1].action == "reject":
            rejected.add(rid)
        elif any(r.action == "correct" for r in rows):
            corrected.add(rid)
    return corrected, rejected


def scaled_issues(cb: Codebook) -> list[str]:
    return [i.id for i in cb.issues if i.shared_scale and i.scale]


def claim_filters(c, d, reviewed: set[int], cb: Codebook, party, issue, since, until, placed: bool = True) -> list:
    """The claims the analysis reads: dated, of a party, on a scaled issue, not reviewed away,
    within the filters; with ``placed``, only those with a position."""
    where = [d.published.is_not(None), c.party != "NONE", c.issue.in_(scaled_issues(cb))]
    where += [c.position.is_not(None)] if placed else []
    where += [c.id.not_in(reviewed)] if reviewed else []
    where += [c.party == party] if party else []
    where += [c.issue == issue] if issue else []
    where += [d.published <= until] if until else []
    where += [d.published >= since] if since else []
    return where


def speaker_table(session, cb: Codebook, where: list):
    """A VALUES table (name, party) of the source names whose party the codebook knows, or None."""
    c, d = ClaimRow, DocumentRow
    names = session.scalars(select(c.source_name).join(d, c.document_id == d.id)
                            .where(*where, c.source_name.is_not(None)).distinct()).all()
    known = [(n, p) for n in names if (p := speaker_party(cb, n))]
    if not known:
        return None
    return values(column("name", String), column("party", String), name="speakers").data(known).cte("speakers")


def _weight_sql(c, own):
    by_source = case(*((c.source_type == k, literal(v)) for k, v in weights.SOURCE_WEIGHT.items()),
                     else_=literal(0.15))
    foreign = and_(c.source_type.in_(weights.ON_RECORD), ~own)
    base = case((foreign, literal(weights.OTHER_PARTY_WEIGHT)), else_=by_source)
    return cast(base, Float) * case((c.hedged, literal(weights.HEDGE_WEIGHT)), else_=literal(1.0))


def _sd2_sql(c):
    sd = case(*((c.source_type == k, literal(v)) for k, v in weights.SOURCE_SD.items()), else_=literal(15.0))
    sd = cast(sd, Float) * case((c.hedged, literal(weights.HEDGE_SPREAD)), else_=literal(1.0))
    return sd * sd


_KEPT: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
KEPT_PER_LEDGER = 8


def days(ledger, cb: Codebook, *, party: str | None = None, issue: str | None = None,
         until: dt.date | None = None, since: dt.date | None = None) -> list[Day]:
    """Every (party, issue, day) with positioned claims, sorted by party, issue, day.

    Kept per ledger version (``Ledger.version()``: anything ingested or reviewed changes it), so
    positions, shifts, leaks and the brief over one unchanged ledger read the claims once; the
    check is one light query. Callers get their own list; the ``Day`` records are not changed
    by the analysis."""
    version = ledger.version() if hasattr(ledger, "version") else None
    key = (id(cb), party, issue, until, since)
    kept = _KEPT.get(ledger) if version is not None else None
    hit = kept[1].get(key) if kept is not None and kept[0] == version else None
    if hit is not None and hit[0] is cb:
        return list(hit[1])
    rows = _read_days(ledger, cb, party, issue, until, since)
    if version is not None:
        if kept is None or kept[0] != version:
            kept = _KEPT[ledger] = (version, Cache(KEPT_PER_LEDGER))
        kept[1].put(key, (cb, rows))
    return list(rows)


def _read_days(ledger, cb: Codebook, party, issue, until, since) -> list[Day]:
    c, d = ClaimRow, DocumentRow
    with ledger.session() as session:
        corrected, rejected = reviewed_ids(session)
        where = claim_filters(c, d, corrected | rejected, cb, party, issue, since, until)
        sp = speaker_table(session, cb, where)
        own = or_(sp.c.party.is_(None), sp.c.party == c.party) if sp is not None else literal(True)
        w = _weight_sql(c, own)
        rec = case((and_(c.source_type.in_(weights.ON_RECORD), own, ~c.hedged), w), else_=literal(0.0))
        placed = _placed_sql(c)
        aw = case((placed, w), else_=literal(0.0))
        arec = case((placed, rec), else_=literal(0.0))
        keys = (c.party, c.issue, d.published)
        stmt = (select(*keys, func.sum(w), func.sum(w * c.position),
                       func.sum(w * (c.position * c.position + _sd2_sql(c))), func.count(),
                       func.sum(rec), func.sum(rec * c.position), func.aggregate_strings(cast(c.id, String), ","),
                       func.min(c.position), func.max(c.position), func.sum(aw), func.sum(aw * c.position),
                       func.sum(arec), func.sum(rec * (c.position * c.position + _sd2_sql(c))),
                       func.sum(arec * c.position))
                .select_from(c).join(d, c.document_id == d.id))
        if sp is not None:
            stmt = stmt.outerjoin(sp, sp.c.name == c.source_name)
        stmt = stmt.where(*where).group_by(*keys)
        found = {(p, i, day): Day(p, i, day, float(sw), float(swp), float(swq), n, float(rw or 0), float(rwp or 0),
                                  list(map(int, ids.split(","))), float(lo), float(hi), float(saw or 0),
                                  float(sawp or 0), float(sarw or 0), float(rwq or 0), float(sarwp or 0))
                 for p, i, day, sw, swp, swq, n, rw, rwp, ids, lo, hi, saw, sawp, sarw, rwq, sarwp
                 in session.connection().execute(stmt).all()}
        for g in _corrected(session, cb, corrected, party, issue, since, until):
            found.setdefault((g.party, g.issue, g.day), Day(g.party, g.issue, g.day)).add(g)
    out = sorted(found.values(), key=lambda x: (x.party, x.issue, x.day))
    for x in out:
        x.ids.sort()
    return out


def _corrected(session, cb: Codebook, ids: set[int], party, issue, since, until) -> list[Group]:
    if not ids:
        return []
    scaled = set(scaled_issues(cb))
    out = []
    for e in queries.fetch(session, "claim", (), only_ids=ids):
        if (e.position is None or e.published is None or e.party == "NONE" or e.issue not in scaled
                or (party and e.party != party) or (issue and e.issue != issue)
                or (until and e.published > until) or (since and e.published < since)):
            continue
        out.append(_group(cb, e.id, e.party, e.issue, e.published, e.source.type, e.hedged, e.source.name,
                          e.stance, e.position))   # reviewed: a person placed it, so anchored
    return out


def _group(cb: Codebook, *fields, speakers: dict | None = None) -> Group:
    """A claim with ``own`` set; ``speakers`` caches name -> party across many claims."""
    g = Group(*fields)
    if speakers is None:
        speakers = {}
    if g.source_name not in speakers:
        speakers[g.source_name] = speaker_party(cb, g.source_name)
    g.own = speakers[g.source_name] in (None, g.party)
    return g


def details(ledger, cb: Codebook, ids) -> dict[int, Group]:
    """Single claims by id with their values in force (corrections applied)."""
    ids = set(ids)
    if not ids:
        return {}
    c, d = ClaimRow, DocumentRow
    out: dict[int, Group] = {}
    with ledger.session() as session:
        corrected, _ = reviewed_ids(session)
        plain = sorted(ids - corrected)
        speakers: dict = {}
        for k in range(0, len(plain), 900):
            stmt = (select(c.id, c.party, c.issue, d.published, c.source_type, c.hedged, c.source_name, c.stance,
                           c.position, _placed_sql(c))
                    .join(d, c.document_id == d.id).where(c.id.in_(plain[k:k + 900])))
            for row in session.connection().execute(stmt).all():
                g = _group(cb, row[0], row[1], row[2], row[3], row[4], bool(row[5]), *row[6:8],
                           float(row[8]), speakers=speakers)
                g.anchored = bool(row[9])
                out[row[0]] = g
        for g in _corrected(session, cb, ids & corrected, None, None, None, None):
            out[g.id] = g
    return out


def _placed_sql(c):
    """A stored claim was placed from its text: the extractor records the anchor's label whenever
    its cues place a claim (``extract.positions.place``), and the learned head leaves it null.
    One null test per row, no JSON read."""
    return c.position_anchor.is_not(None)


def leaked(ledger, cb: Codebook, *, party: str | None = None, issue: str | None = None,
           until: dt.date | None = None) -> Iterator[Group]:
    """Positioned claims from anonymous sources or other outlets, newest first, streamed (a caller may stop early)."""
    c, d = ClaimRow, DocumentRow
    with ledger.session() as session:
        corrected, rejected = reviewed_ids(session)
        fixed = sorted((g for g in _corrected(session, cb, corrected, party, issue, None, until)
                        if g.source_type in weights.LEAKED), key=_newest)
        where = claim_filters(c, d, corrected | rejected, cb, party, issue, None, until)
        stmt = (select(c.id, c.party, c.issue, d.published, c.source_type, c.hedged, c.source_name, c.stance,
                       c.position).join(d, c.document_id == d.id).where(*where, c.source_type.in_(weights.LEAKED))
                .order_by(d.published.desc(), c.id.desc()))
        for i, p, iss, day, st, h, name, stance, pos in session.connection().execute(stmt):
            g = Group(i, p, iss, day, st, bool(h), name, stance, float(pos))
            while fixed and _newest(fixed[0]) <= _newest(g):
                yield fixed.pop(0)
            yield g
        yield from fixed


def _newest(g: Group) -> tuple:
    return (-g.day.toordinal(), -g.id)


def speaker_party(codebook: Codebook, name: str | None) -> str | None:
    """The party of a claim's source as named ('Volodymyr Zelensky' → UKR, 'the Kremlin' → RUS); None if unknown."""
    if not name:
        return None
    actor = codebook.find_actor(name)
    if actor:
        return actor.party
    found = codebook.party_for_mention(name)
    if found:
        return found
    first = name.split()[0] if name.split() else ""
    return codebook.party_for_mention(first) if first else None


def claim_refs(ledger, ids) -> dict[int, ClaimRef]:
    """The claims behind a result, with their values in force, by id (one light query; corrections applied)."""
    ids = set(ids)
    if not ids:
        return {}
    c, d = ClaimRow, DocumentRow
    out: dict[int, ClaimRef] = {}
    with ledger.session() as session:
        corrected, _ = reviewed_ids(session)
        plain = sorted(ids - corrected)
        for k in range(0, len(plain), 900):
            stmt = (select(c.id, d.published, c.party, c.issue, c.stance, c.position, c.evidence, c.source_type,
                           c.source_name, c.hedged, c.document_id, d.url, d.title)
                    .join(d, c.document_id == d.id).where(c.id.in_(plain[k:k + 900])))
            for row in session.connection().execute(stmt).all():
                out[row[0]] = ClaimRef(
                    id=row[0], date=row[1], party=row[2], issue=row[3], stance=row[4], position=row[5],
                    evidence=row[6], source_type=row[7], source_name=row[8], hedged=bool(row[9]),
                    document_id=row[10], url=row[11], title=row[12])
        if ids & corrected:
            for e in queries.fetch(session, "claim", (), only_ids=ids & corrected, include_rejected=True):
                out[e.id] = ClaimRef(id=e.id, date=e.published, party=e.party, issue=e.issue, stance=e.stance,
                                     position=e.position, evidence=e.evidence, source_type=e.source.type,
                                     source_name=e.source.name, hedged=e.hedged, document_id=e.document_id,
                                     url=e.url, title=e.title)
    return out
