"""/api/events: strikes, fighting, exchanges, meetings and agreements, with their places."""
import datetime as dt
from typing import get_args

from fastapi import Query, Request

from detente.api.records import router
from detente.codebook.codes import known
from detente.records import EventType


def criteria(request: Request,
             type: str | None = Query(None, description=f"{', '.join(get_args(EventType))} (any case)"),
             actor: str | None = None,
             place: str | None = Query(None, description="place name (part of it) or country code"),
             search: str | None = Query(None, description="words in the evidence"),
             document: str | None = None, outlet: str | None = None,
             since: dt.date | None = Query(None, description="the event's date, else its article's"),
             until: dt.date | None = None) -> dict:
    """An event type that does not exist is a 400 naming the types, as in the CLI (not a 422 that
    refuses "Strike")."""
    return known(request.app.state.ledger.codebook,
                 {"type": type, "actor": actor, "place": place, "text": search, "document": document,
                  "outlet": outlet, "since": since, "until": until})


api = router("event", criteria)
