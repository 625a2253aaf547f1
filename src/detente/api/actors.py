"""/api/actors: the speakers met so far (codebook actors and people known only by name)."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request

from detente.api.access import reader
from detente.api.errors import ApiError
from detente.api.lists import MAX_LIMIT
from detente.codebook.codes import code

api = APIRouter(prefix="/api/actors", tags=["actors"])


@api.get("", name="list_actors", dependencies=[Depends(reader)], summary="Speakers in id order, with quote counts")
def list_actors(request: Request, after: str | None = Query(None, description="keyset cursor: ids after this"),
                limit: int = Query(50, ge=1, le=MAX_LIMIT), party: str | None = None):
    ledger = request.app.state.ledger
    party = code(ledger.codebook, "party", party, unattributed=True)  # any case, as in the CLI; unknown: 400
    found = ledger.actors(after=after, limit=limit + 1, party=party)
    more = len(found) > limit
    found = found[:limit]
    nxt = str(request.url.include_query_params(after=found[-1]["id"])) if more else None
    return {"kind": "actor", "count": len(found), "limit": limit, "next": nxt, "items": found}


@api.get("/{actor_id}", name="get_actor", dependencies=[Depends(reader)],
         summary="One speaker, with the codebook's roles when it is a codebook actor")
def get_actor(request: Request, actor_id: str):
    ledger = request.app.state.ledger
    found = [a for a in ledger.actors(after=None, limit=1, party=None, only=actor_id)]
    if not found:
        raise ApiError(404, f"no actor with id {actor_id}")
    actor = found[0]
    known = ledger.codebook.actor(actor_id) if ledger.codebook else None
    if known is not None:
        actor["codebook"] = known.model_dump(mode="json")
    return actor
