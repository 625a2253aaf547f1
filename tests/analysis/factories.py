"""Hand-made ledgers for analysis tests: one claim per article, dated, with chosen provenance."""
from __future__ import annotations

import datetime as dt
import itertools

from detente.ledger import Ledger
from detente.records import Claim, Document, Extraction, Source

DAY0 = dt.date(2026, 1, 1)
_n = itertools.count()


def day(k: int) -> dt.date:
    return DAY0 + dt.timedelta(days=k)


def add_claim(ledger: Ledger, party: str, issue: str, position: float | None, on: int, *, source: str = "official",
              name: str | None = None, hedged: bool = False, stance: str = "demand", anchored: bool = True) -> int:
    """Store one claim in an article of its own, published ``on`` days after DAY0; returns its id.

    ``anchored``: placed from its text (an anchor label, as a codebook cue gives); False for a
    placement by the learned head alone (no anchor, no cues)."""
    n = next(_n)
    text = f"Item {n}: the {party} side wants point {position} on {issue}."
    doc = Document(id=f"an-{n:05d}", text=text, title=f"Item {n}", published=day(on))
    claim = Claim(party=party, issue=issue, stance=stance, position=position, summary="test", evidence=text,
                  position_anchor=f"point {position}" if anchored and position is not None else None,
                  start=0, end=len(text), source=Source(type=source, name=name), hedged=hedged,
                  hedges=["reportedly"] if hedged else [])
    ledger.ingest(Extraction(document=doc, claims=[claim]))
    return max(c.id for c in ledger.claims())
