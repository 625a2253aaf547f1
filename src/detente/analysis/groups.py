"""Claims with a position, grouped in SQL by party, issue, day and provenance.

The analysis never loops over every claim in Python: the database sums positions per group
(party, issue, day, source type, hedged, source name, stance, position) and lists the group's claim ids; Python
then walks the groups, which are few beside the rows. Reviews count: rejected claims are left
out and corrected ones come back with their corrected values (``ledger.queries.fetch``).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import String, cast, func, select

from detente.analysis import weights
from detente.codebook import Codebook
from detente.ledger import queries
from detente.ledger.models import ClaimRow, DocumentRow, ReviewRow
from detente.analysis.records import ClaimRef


@dataclass
class Group:
    party: str
    issue: str
    day: dt.date
    source_type: str
    hedged: bool
    source_name: str | None
    stance: str
    position: float
    n: int
    ids: list[int] = field(default_factory=list)
    own: bool = True
    """False when the speaker belongs to another party (Zelensky telling what Moscow wants)."""

    @property
    def on_record(self) -> bool:
        return self.own and self.source_type in weights.ON_RECORD and not self.hedged

    @property
    def w(self) -> float:
        """Weight of one claim of the group."""
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


def groups(ledger, codebook: Codebook, *, party: str | None = None, issue: str | None = None,
           until: dt.date | None = None, since: dt.date | None = None) -> list[Group]:
    """Every group of positioned, dated claims of a party on an issue with a shared scale, oldest day first."""
    c, d = ClaimRow, DocumentRow
    with ledger.session() as session:
        corrected, rejected = reviewed_ids(session)
        where = [c.position.is_not(None), d.published.is_not(None), c.party != "NONE"]
        if corrected | rejected:
            where.append(c.id.not_in(corrected | rejected))
        if party:
            where.append(c.party == party)
        if issue:
            where.append(c.issue == issue)
        if until:
            where.append(d.published <= until)
        if since:
            where.append(d.published >= since)
        keys = (c.party, c.issue, d.published, c.source_type, c.hedged, c.source_name, c.stance, c.position)
        stmt = (select(*keys, func.count(), func.aggregate_strings(cast(c.id, String), ","))
                .join(d, c.document_id == d.id).where(*where).group_by(*keys))
        out = [Group(p, i, day, st, bool(h), name, stance, float(pos), n, sorted(int(x) for x in ids.split(",")))
               for p, i, day, st, h, name, stance, pos, n, ids in session.execute(stmt)]
        if corrected:
            for e in queries.fetch(session, "claim", (), only_ids=corrected):
                if (e.position is None or e.published is None or e.party == "NONE" or (party and e.party != party)
                        or (issue and e.issue != issue) or (until and e.published > until)
                        or (since and e.published < since)):
                    continue
                out.append(Group(e.party, e.issue, e.published, e.source.type, e.hedged, e.source.name,
                                 e.stance, e.position, 1, [e.id]))
    scaled = {i.id for i in codebook.issues if i.shared_scale and i.scale}
    out = [g for g in out if g.issue in scaled]
    speakers = {name: speaker_party(codebook, name) for name in {g.source_name for g in out}}
    for g in out:
        g.own = speakers[g.source_name] in (None, g.party)
    out.sort(key=lambda g: (g.party, g.issue, g.day, min(g.ids)))
    return out


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
    """The claims behind a result, with their values in force, by id."""
    ids = set(ids)
    if not ids:
        return {}
    with ledger.session() as session:
        entries = queries.fetch(session, "claim", (), only_ids=ids, include_rejected=True)
    return {e.id: ClaimRef(id=e.id, date=e.published, party=e.party, issue=e.issue, stance=e.stance,
                           position=e.position, evidence=e.evidence, source_type=e.source.type,
                           source_name=e.source.name, hedged=e.hedged, document_id=e.document_id,
                           url=e.url, title=e.title) for e in entries}
