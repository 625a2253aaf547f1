"""/api/documents: the articles, each with its text; a new one is posted as text, HTML or a saved page."""
from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Literal

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from pydantic import BaseModel, Field, model_validator

from detente.api.access import reader, writer
from detente.api.errors import ApiError
from detente.api.lists import MAX_LIMIT
from detente.errors import SourceError
from detente.ledger.intake import IngestOutcome
from detente.records import Document

api = APIRouter(prefix="/api/documents", tags=["documents"])
_extracting = threading.Lock()  # one spaCy pipeline per server; its parses are not run side by side


class ArticleIn(BaseModel):
    """An article to read: ``text`` (plain text, title on line 1) or ``html`` (a page), and what is known of it."""

    text: str | None = Field(None, min_length=1)
    html: str | None = Field(None, min_length=1)
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = Field(None, description="its date, when the text carries none")

    @model_validator(mode="after")
    def one_body(self):
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of text or html")
        return self


@api.get("", name="list_documents", dependencies=[Depends(reader)], summary="Articles in id order, a page at a time")
def list_documents(request: Request, after: str | None = Query(None, description="keyset cursor: ids after this"),
                   limit: int = Query(50, ge=1, le=MAX_LIMIT), outlet: str | None = None):
    docs = request.app.state.ledger.documents(after=after, limit=limit + 1, outlet=outlet)
    more = len(docs) > limit
    docs = docs[:limit]
    nxt = str(request.url.include_query_params(after=docs[-1].id)) if more else None
    return {"kind": "document", "count": len(docs), "limit": limit, "next": nxt,
            "items": [d.contract() for d in docs]}


@api.get("/{document_id}", name="get_document", dependencies=[Depends(reader)],
         summary="One article: the contract's document fields and its text")
def get_document(request: Request, document_id: str):
    doc = request.app.state.ledger.document(document_id)
    if doc is None:
        raise ApiError(404, f"no document with id {document_id}")
    return {**doc.contract(), "text": doc.text, "path": doc.path}


@api.post("", name="ingest_document", status_code=201, response_model=IngestOutcome,
          summary="Read an article (text or HTML), extract it and store it (needs a token)")
def ingest_document(request: Request, article: ArticleIn, token=Depends(writer)):
    fmt: Literal["text", "html"] = "text" if article.text is not None else "html"
    doc = read(request, article.text or article.html, fmt, f"posted.{'txt' if fmt == 'text' else 'html'}",
               article.published)
    known = {k: v for k, v in article.model_dump(include={"title", "url", "outlet"}).items() if v}
    return store(request, doc.model_copy(update={**known, "published": doc.published or article.published}))


@api.post("/file", name="ingest_file", status_code=201, response_model=IngestOutcome,
          summary="Read an uploaded file (a saved page, .txt, .html, .json) and store it (needs a token)")
async def ingest_file(request: Request, file: UploadFile = File(...),
                      published: dt.date | None = Form(None), token=Depends(writer)):
    from detente.sources.encoding import decode

    raw = await file.read()
    name = Path(file.filename or "upload.html").name
    try:
        decoded = decode(raw, name)
    except SourceError as exc:
        raise ApiError(400, str(exc)) from None
    doc = read(request, decoded.text, None, name, published)
    return store(request, doc.model_copy(update={"warnings": [*decoded.warnings, *doc.warnings],
                                                 "published": doc.published or published}))


def read(request: Request, text: str, fmt: str | None, name: str, published: dt.date | None) -> Document:
    from detente.sources.base import ReadOptions
    from detente.sources.reader import EXTENSIONS, READERS
    from detente.sources.sniff import sniff_format

    expected = EXTENSIONS.get(Path(name).suffix.lower(), "text")
    fmt = fmt or sniff_format(text, expected) or expected
    if fmt not in ("text", "html", "json"):
        raise ApiError(400, f"{name}: a {fmt} file holds many articles; post one article at a time")
    try:
        items = list(READERS[fmt](text, ReadOptions(path=Path(name), reference_date=published)))
    except SourceError as exc:
        raise ApiError(400, str(exc)) from None
    docs = [i for i in items if isinstance(i, Document)]
    if len(docs) != 1:
        raise ApiError(400, f"{name}: expected one article, found {len(docs)}")
    return docs[0]


def store(request: Request, document: Document) -> IngestOutcome:
    from detente.ledger.intake import _store, stored_again

    state = request.app.state
    if state.ledger.has(document.id):  # skipped; or, stored undated and posted now with a date, dated
        return stored_again(state.ledger, document)
    with _extracting:
        if state.extractor is None:
            state.extractor = state.make_extractor()
        extraction = state.extractor.extract(document)
    outcome = _store(state.ledger, extraction)
    if outcome.status == "failed":
        raise ApiError(400, outcome.reason or "cannot store the article")
    return outcome
