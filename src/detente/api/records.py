"""Routes every record kind has: the list, its facets, one record, its history and its reviews."""

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from detente.api.access import reader, writer
from detente.api.errors import ApiError
from detente.api.lists import FACETS, MAX_ID, PLURAL, Paging, facet_counts, listing
from detente.codebook.codes import corrections
from detente.ledger.entries import ENTRY, History, Review


class ReviewIn(BaseModel):
    """An analyst's verdict: confirm, correct (with ``changes``, dotted field -> value) or reject."""

    action: Literal["confirm", "correct", "reject"]
    reviewer: str = Field(min_length=1, max_length=200)
    note: str | None = Field(None, max_length=5000)
    changes: dict[str, Any] | None = Field(None, description='e.g. {"position": 50, "source.type": "official"}')


# Ids the database can hold: a larger one is refused here (422), not passed on to overflow its driver.
RecordId = Annotated[int, Path(ge=1, le=MAX_ID, description="the record's id")]


class ReviewOut(BaseModel):
    review: Review
    record: dict


def router(kind: str, criteria) -> APIRouter:
    """``criteria`` is a dependency returning the kind's filter keywords (see ``Ledger.filters``)."""
    plural = PLURAL[kind]
    entry = ENTRY[kind]
    api = APIRouter(prefix=f"/api/{plural}", tags=[plural])
    facet_names = list(FACETS[kind])
    FacetName = Literal[tuple(facet_names)]  # noqa: N806  (a type built per kind)

    @api.get("", name=f"list_{plural}", dependencies=[Depends(reader)],
             summary=f"{plural.capitalize()}, newest stored first, a keyset page at a time")
    def list_(request: Request, given: dict = Depends(criteria), paging: Paging = Depends()):
        return listing(request, kind, given, paging)

    @api.get("/facets", name=f"facets_{plural}", dependencies=[Depends(reader)],
             summary=f"Counts of {plural} per {', '.join(facet_names)} under the same filters")
    def facets(request: Request, given: dict = Depends(criteria),
               facet: list[FacetName] | None = Query(None, description="facets to count "
                                                                                           "(default: all)")):
        base = request.url_for(f"list_{plural}").include_query_params(**{k: v for k, v in given.items()
                                                                          if v is not None})
        # already JSON-ready: a JSONResponse skips FastAPI's generic (slow, per-value) encoder
        return JSONResponse({"kind": kind, "facets": facet_counts(request.app, kind, given, base, facet)})

    @api.get("/{record_id}", name=f"get_{kind}", dependencies=[Depends(reader)], response_model=entry,
             summary=f"One {kind}, with its article's details and review state")
    def one(request: Request, record_id: RecordId):
        found = request.app.state.ledger.entry(kind, record_id)
        if found is None:
            raise ApiError(404, f"no {kind} with id {record_id}")
        return found

    @api.get("/{record_id}/history", name=f"history_{kind}", dependencies=[Depends(reader)],
             response_model=History, summary="The machine's version, every review, the value in force")
    def history(request: Request, record_id: RecordId):
        return request.app.state.ledger.history(kind, record_id)

    @api.post("/{record_id}/reviews", name=f"review_{kind}", status_code=201, response_model=ReviewOut,
              summary=f"Confirm, correct or reject a {kind} (needs a token)")
    def review(request: Request, record_id: RecordId, verdict: ReviewIn, token=Depends(writer)):
        ledger = request.app.state.ledger
        done = ledger.review(kind, record_id, verdict.action, verdict.reviewer,
                             changes=corrections(ledger.codebook, kind, verdict.changes), note=verdict.note)
        return {"review": done, "record": ledger.entry(kind, record_id).model_dump(mode="json")}

    return api
