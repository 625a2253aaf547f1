"""Files in, ledger rows out: read with ``sources``, extract, store, one outcome per document.

A file that cannot be read, or a document that cannot be stored, is an outcome too: the batch
goes on, and what was stored before stays stored. A folder's file that is not an article
(notes, a spreadsheet, an image) is "passed": said, but no failure. An article stored undated is
"dated" when read again with a date (``--published``).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from detente.errors import DetenteError
from detente.records import Document, Extraction, ExtractionFailure


class IngestOutcome(BaseModel):
    path: str
    status: Literal["added", "dated", "skipped", "failed", "passed"]  # dated: stored undated, dated now
    document_id: str | None = None
    title: str | None = None
    published: dt.date | None = None  # as read (--published filling in); added with None: stored undated
    quotes: int = 0
    claims: int = 0
    events: int = 0
    reason: str | None = None
    warnings: list[str] = []  # what reading the article had to guess (a date from the file name …)


def ingest_paths(paths: Iterable[str | Path], ledger, extractor, *, published: dt.date | None = None,
                 pipe_options: dict | None = None) -> Iterator[IngestOutcome]:
    """Stream outcomes; documents already in the ledger are skipped before the (costly) extraction."""
    from detente.sources import PassedOver, SourceFailure, iter_documents

    early: list[IngestOutcome] = []
    in_flight: dict[str, Document] = {}

    def fresh() -> Iterator[Document]:
        seen: set[str] = set()
        for item in iter_documents(list(paths), reference_date=published, keep_duplicates=True,
                                   report_passed_over=True):
            if isinstance(item, SourceFailure):
                early.append(IngestOutcome(path=item.path, status="failed", reason=item.reason))
            elif isinstance(item, PassedOver):
                early.append(IngestOutcome(path=item.path, status="passed", reason=item.reason))
            elif item.id in seen:
                early.append(_outcome(item, "skipped", reason="same text as an earlier article of this batch"))
            else:
                document = item.model_copy(update={"published": item.published or published})
                if ledger.has(document.id):
                    early.append(stored_again(ledger, document))
                else:
                    seen.add(document.id)
                    in_flight[document.id] = document
                    yield document

    stream = fresh()
    while True:
        try:
            for extraction in extractor.pipe(stream, **(pipe_options or {})):
                in_flight.pop(extraction.document.id, None)
                yield from _drain(early)
                if isinstance(extraction, ExtractionFailure):  # over its time budget, say
                    yield _outcome(extraction.document, "failed", reason=extraction.reason)
                else:
                    yield _store(ledger, extraction)
            break
        except Exception as exc:  # noqa: BLE001  a bug in one component must not sink the batch
            yield from _drain(early)
            yield from _one_by_one(ledger, extractor, list(in_flight.values()), exc)
            in_flight.clear()
    yield from _drain(early)


def stored_again(ledger, document: Document) -> IngestOutcome:
    """An article already in the ledger is skipped; but one stored undated takes the date this
    reading has (``--published``, or its own), as a first reading with it would have stored it."""
    if document.published is not None and ledger.date_article(document.id, document.published):
        return _outcome(document, "dated", reason=f"stored undated; now dated {document.published}")
    if document.published is None and _undated(ledger, document.id):
        return _outcome(document, "skipped", reason="already in the ledger, still undated: --published DATE dates it")
    return _outcome(document, "skipped", reason="already in the ledger")


def _undated(ledger, document_id: str) -> bool:
    stored = ledger.document(document_id)
    return stored is not None and stored.published is None


def _one_by_one(ledger, extractor, documents: list[Document], error: Exception) -> Iterator[IngestOutcome]:
    """Re-run a failed batch article by article, so only the article that breaks extraction fails."""
    culprits = 0
    for document in documents:
        try:
            extraction = extractor.extract(document)
        except Exception as exc:  # noqa: BLE001
            culprits += 1
            yield _outcome(document, "failed", reason=f"extraction failed ({type(exc).__name__}: {exc})")
        else:
            yield _store(ledger, extraction)
    if not culprits:
        yield IngestOutcome(path="(batch)", status="failed",
                            reason=f"reading or extraction stopped ({type(error).__name__}: {error})")


def _store(ledger, extraction: Extraction) -> IngestOutcome:
    try:
        status = ledger.ingest(extraction)
    except DetenteError as exc:
        return _outcome(extraction.document, "failed", reason=str(exc))
    return _outcome(extraction.document, status, extraction)


def _outcome(document: Document, status, extraction: Extraction | None = None, reason: str | None = None):
    counts = {k: len(getattr(extraction, k)) for k in ("quotes", "claims", "events")} if extraction else {}
    return IngestOutcome(path=document.path or document.url or document.id, status=status,
                         document_id=document.id, title=document.title, published=document.published,
                         reason=reason,
                         warnings=list(document.warnings), **counts)


def _drain(items: list[IngestOutcome]) -> Iterator[IngestOutcome]:
    while items:
        yield items.pop(0)
