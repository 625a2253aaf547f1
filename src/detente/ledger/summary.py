"""The ledger at a glance, by effective (reviewed) values; rejected records are left out."""
from __future__ import annotations

from collections import Counter, defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from detente.ledger.entries import Count, LedgerSummary
from detente.ledger.models import DocumentRow, ReviewRow
from detente.ledger.queries import fetch

TOP = 10


def summarize(session: Session, latest: int = 5) -> LedgerSummary:
    documents, first, last = session.execute(
        select(func.count(DocumentRow.id), func.min(DocumentRow.published), func.max(DocumentRow.published))).one()
    quotes, claims, events = (fetch(session, kind) for kind in ("quote", "claim", "event"))
    by_party_issue: dict[str, dict[str, int]] = defaultdict(dict)
    for (party, issue), n in sorted(Counter((c.party, c.issue) for c in claims).items()):
        by_party_issue[party][issue] = n
    return LedgerSummary(
        documents=documents, first_published=first, last_published=last,
        quotes=len(quotes), claims=len(claims), events=len(events),
        reviews=session.scalar(select(func.count(ReviewRow.id))),
        quotes_by_speaker=_top(q.speaker.name or "(unnamed)" for q in quotes),
        quotes_by_party=_top(q.speaker.party for q in quotes),
        claims_by_party_issue=dict(by_party_issue),
        events_by_type=_top(e.type for e in events),
        latest_quotes=quotes[:latest], latest_claims=claims[:latest], latest_events=events[:latest],
    )


def _top(keys) -> list[Count]:
    return [Count(key=k, count=n) for k, n in Counter(keys).most_common(TOP)]
