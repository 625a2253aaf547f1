"""One record: its article with the sentence highlighted, the speaker, the provenance chain, its
review history, and the form that reviews it (with an API token)."""
from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse

from detente.api.access import check_write, reader
from detente.api.errors import ApiError
from detente.web.pages import render

pages = APIRouter(include_in_schema=False, dependencies=[Depends(reader)])  # reads: open here, by token elsewhere
Kind = Literal["quote", "claim", "event"]


@pages.get("/record/{kind}/{record_id}", name="record")
def record(request: Request, kind: Kind, record_id: int):
    ledger = request.app.state.ledger
    entry = ledger.entry(kind, record_id)
    if entry is None:
        raise ApiError(404, f"no {kind} with id {record_id}")
    document = ledger.document(entry.document_id)
    marks = [(entry.start, entry.end, "evidence")]
    if kind == "quote" and entry.speaker.start is not None and entry.speaker.end is not None:
        marks.append((entry.speaker.start, entry.speaker.end, "speaker"))
    history = ledger.history(kind, record_id)
    return render(request, "record.html", kind=kind, e=entry, document=document, history=history,
                  segments=segments(document.text, marks), reviewed=request.query_params.get("reviewed"))


@pages.post("/record/{kind}/{record_id}/review", name="review_form")
def review_form(request: Request, kind: Kind, record_id: int, action: Literal["confirm", "correct", "reject"] = Form(),
                reviewer: str = Form(min_length=1, max_length=200), note: str = Form("", max_length=5000),
                changes: str = Form("", max_length=5000), token: str = Form("")):
    """The page's review form: the same check and the same ledger call as the API's POST."""
    check_write(request, token)
    fields = {}
    for line in changes.splitlines():
        if line.strip():
            field, sep, value = line.partition("=")
            if not sep or not field.strip():
                raise ApiError(400, f"{line!r} is not FIELD=VALUE")
            fields[field.strip()] = value.strip()
    done = request.app.state.ledger.review(kind, record_id, action, reviewer, changes=fields or None,
                                           note=note or None)
    return RedirectResponse(f"/record/{kind}/{record_id}?reviewed={done.id}", status_code=303)


def segments(text: str, marks: list[tuple[int, int, str]]) -> list[tuple[str, str | None]]:
    """The text cut at the marks ((start, end, css class); overlapping later marks dropped)."""
    out, at = [], 0
    for start, end, css in sorted(marks):
        if start < at or not 0 <= start < end <= len(text):
            continue
        out += [(text[at:start], None), (text[start:end], css)]
        at = end
    out.append((text[at:], None))
    return [(piece, css) for piece, css in out if piece]
