"""/api/quotes: who said what, with the CLI's filters (speaker in any spelling the codebook knows)."""
import datetime as dt
from typing import Literal

from fastapi import Query

from detente.api.records import router


def criteria(speaker: str | None = Query(None, description="name (any spelling) or codebook actor id"),
             party: str | None = Query(None, description="RUS, UKR, USA, EU, NONE, ..."),
             search: str | None = Query(None, description="words in the quote"),
             kind: Literal["direct", "indirect", "mixed"] | None = None,
             document: str | None = Query(None, description="article id or its prefix"),
             outlet: str | None = None, since: dt.date | None = None, until: dt.date | None = None) -> dict:
    return {"speaker": speaker, "party": party, "text": search, "quote_kind": kind, "document": document,
            "outlet": outlet, "since": since, "until": until}


api = router("quote", criteria)
