"""Claim counts per (party, issue, stance, source type, outlet), held in memory for facets.

Counting a million claims per facet in SQL takes seconds; this tally is built once (one grouped
scan) and then brought up to date by id, since new claims only ever get higher ids. Whenever claims were
added, a count checks the rest (a write committed out of id order, an article deleted meanwhile):
the tally is then rebuilt. (The ledger itself never deletes; a deletion made by hand shows once
the next article is stored.) Facets under equality filters on these five fields are sums over the tally
(numpy, a few thousand cells); reviewed records are moved from their machine values to their
reviewed ones, as everywhere else in the ledger.
"""
from __future__ import annotations

import threading
from collections import Counter

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from detente.ledger.filters import Filter
from detente.ledger.models import ClaimRow, DocumentRow

FIELDS = ("party", "issue", "stance", "source.type", "outlet")
COLUMNS = (ClaimRow.party, ClaimRow.issue, ClaimRow.stance, ClaimRow.source_type, DocumentRow.outlet)
NONE = "(none)"


class ClaimTally:
    def __init__(self):
        self.upto = 0
        self.total = 0
        self.counts: Counter = Counter()
        self.lock = threading.Lock()
        self.built = False
        self._arrays: tuple | None = None

    @staticmethod
    def serves(filters, fields) -> bool:
        """Whether facets of ``fields`` under ``filters`` can be read from the tally."""
        return all(f in FIELDS for f in fields) and all(
            isinstance(f, Filter) and f.op == "eq" and f.field in FIELDS for f in filters)

    def refresh(self, session: Session) -> None:
        """Add the claims stored since; checked by a count whenever claims were added (not on every call)."""
        with self.lock:
            top = session.scalar(select(func.max(ClaimRow.id))) or 0
            if top == self.upto and self.built:
                return
            if top > self.upto:
                self._add(session, self.upto, top)
            self.built = True
            held = session.scalar(select(func.count(ClaimRow.id)).where(ClaimRow.id <= self.upto)) if self.upto else 0
            if held != self.total:  # something arrived out of order or went away: count afresh
                self.counts, self.total, self.upto = Counter(), 0, 0
                self._add(session, 0, top)

    def _add(self, session: Session, after: int, upto: int) -> None:
        stmt = (select(*COLUMNS, func.count()).join(DocumentRow, ClaimRow.document_id == DocumentRow.id)
                .where(ClaimRow.id > after, ClaimRow.id <= upto).group_by(*COLUMNS))
        for *key, n in session.execute(stmt):
            self.counts[tuple(NONE if v is None else str(v) for v in key)] += n
            self.total += n
        self.upto = upto
        self._arrays = None

    def facets(self, fields, filters, removed: list[tuple] = ()) -> dict[str, Counter]:
        """Counts per value of each field under equality filters, less the ``removed`` machine keys."""
        with self.lock:
            if self._arrays is None:
                self._arrays = _arrays(self.counts)
            values, codes, weights = self._arrays
        keep = np.ones(len(weights), bool)
        for f in filters:
            at = FIELDS.index(f.field)
            wanted = [k for k, v in enumerate(values[at]) if v.lower() == str(f.value).lower()]
            keep &= np.isin(codes[at], wanted)
        out = {}
        for field in fields:
            at = FIELDS.index(field)
            sums = np.bincount(codes[at][keep], weights=weights[keep], minlength=len(values[at]))
            counts = Counter({values[at][k]: int(n) for k, n in enumerate(sums) if n})
            for key in removed:
                if all(str(key[FIELDS.index(f.field)]).lower() == str(f.value).lower() for f in filters):
                    counts[key[at]] -= 1
            out[field] = +counts
        return out


def _arrays(counts: Counter) -> tuple[list[list[str]], list[np.ndarray], np.ndarray]:
    keys = list(counts)
    values, codes = [], []
    for at in range(len(FIELDS)):
        uniq, inverse = np.unique(np.array([k[at] for k in keys] or [""], dtype=object), return_inverse=True)
        values.append([str(v) for v in uniq])
        codes.append(inverse[:len(keys)])
    return values, codes, np.array([counts[k] for k in keys], dtype=np.int64)
