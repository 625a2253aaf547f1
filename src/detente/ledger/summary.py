"""The ledger at a glance, by effective (reviewed) values; rejected records are left out.

Counting runs in SQL for the records no analyst touched and in Python for the few reviewed
ones (whose values may have been corrected), so a large ledger is never loaded whole.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from detente.ledger.entries import Count, LedgerSummary
from detente.ledger.filters import field_value
from detente.ledger.models import ROWS, DocumentRow, ReviewRow
from detente.ledger.queries import columns, fetch, reviews_by_record

TOP = 10
UNNAMED = "(unnamed)"


def summarize(session: Session, latest: int = 5) -> LedgerSummary:
    documents, first, last = session.execute(
        select(func.count(DocumentRow.id), func.min(DocumentRow.published), func.max(DocumentRow.published))).one()
    speakers = by_person(count_by(session, "quote", ("speaker.actor_id", "speaker.name")))
    parties = count_by(session, "quote", ("speaker.party",))
    claims = count_by(session, "claim", ("party", "issue"))
    events = count_by(session, "event", ("type",))
    by_party_issue: dict[str, dict[str, int]] = defaultdict(dict)
    for (party, issue), n in sorted(claims.items()):
        by_party_issue[party][issue] = n
    return LedgerSummary(
        documents=documents, first_published=first, last_published=last,
        quotes=sum(parties.values()), claims=sum(claims.values()), events=sum(events.values()),
        reviews=session.scalar(select(func.count(ReviewRow.id))),
        quotes_by_speaker=_top(speakers), quotes_by_party=_top(parties),
        claims_by_party_issue=dict(by_party_issue), events_by_type=_top(events),
        latest_quotes=fetch(session, "quote", limit=latest), latest_claims=fetch(session, "claim", limit=latest),
        latest_events=fetch(session, "event", limit=latest),
    )


def count_by(session: Session, kind: str, fields: tuple[str, ...]) -> Counter:
    """Records (not rejected) per value of ``fields``, reviewed values counted as corrected."""
    reviewed = set(reviews_by_record(session, kind))
    row, cols = ROWS[kind], columns(kind)
    keys = [cols[f] for f in fields]
    stmt = select(*keys, func.count(row.id)).where(row.id.not_in(reviewed)).group_by(*keys)
    counts: Counter = Counter()
    for *values, n in session.execute(stmt):
        counts[_key(values)] += n
    if reviewed:
        for entry in fetch(session, kind, only_ids=reviewed):
            counts[_key([field_value(entry, f) for f in fields])] += 1
    return counts


def by_person(counts: Counter) -> Counter:
    """Counts per (actor id, written name) → per person: "Zelensky", "Zelenskyy" and "Zelenskiy"
    of one codebook actor are one row, under the spelling written most often."""
    groups: dict[str, Counter] = defaultdict(Counter)
    for (actor, name), n in counts.items():
        groups[name if actor == UNNAMED else actor][name] += n
    return Counter({names.most_common(1)[0][0]: sum(names.values()) for names in groups.values()})


def _key(values: list) -> tuple | str:
    values = [UNNAMED if v is None else v for v in values]
    return values[0] if len(values) == 1 else tuple(values)


def _top(counts: Counter) -> list[Count]:
    return [Count(key=str(k), count=n) for k, n in counts.most_common(TOP)]
