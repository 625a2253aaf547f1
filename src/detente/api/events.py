"""/api/events: strikes, fighting, exchanges, meetings and agreements, with their places."""
import datetime as dt

from fastapi import Query

from detente.api.records import router
from detente.records import EventType


def criteria(type: EventType | None = None, actor: str | None = None,
             place: str | None = Query(None, description="place name (part of it) or country code"),
             search: str | None = Query(None, description="words in the evidence"),
             document: str | None = None, outlet: str | None = None,
             since: dt.date | None = Query(None, description="the event's date, else its article's"),
             until: dt.date | None = None) -> dict:
    return {"type": type, "actor": actor, "place": place, "text": search, "document": document,
            "outlet": outlet, "since": since, "until": until}


api = router("event", criteria)
