"""/api/quotes: who said what, with the CLI's filters (speaker in any spelling the codebook knows)."""
import datetime as dt
from typing import Literal

from fastapi import Query, Request

from detente.api.records import router
from detente.codebook.codes import known


def criteria(request: Request,
             speaker: str | None = Query(None, description="name (any spelling) or codebook actor id"),
             party: str | None = Query(None, description="RUS, UKR, USA, EU, NONE, ... (any case)"),
             search: str | None = Query(None, description="words in the quote"),
             kind: Literal["direct", "indirect", "mixed"] | None = None,
             document: str | None = Query(None, description="article id or its prefix"),
             outlet: str | None = None, since: dt.date | None = None, until: dt.date | None = None) -> dict:
    """A party the case does not define is a 400 naming the parties, as in the CLI, not an empty list."""
    return known(request.app.state.ledger.codebook,
                 {"speaker": speaker, "party": party, "text": search, "quote_kind": kind, "document": document,
                  "outlet": outlet, "since": since, "until": until}, unattributed=True)


api = router("quote", criteria)
