"""The application: the REST API and the dashboard pages over one ledger.

``create_app`` builds it for ``detente serve`` and for tests; nothing here reaches the internet
(the dashboard's Plotly comes from the installed plotly package).
"""
from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Sequence

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from detente import __version__
from detente.api import actors, analysis, claims, documents, errors, events, quotes
from detente.api.limits import DEFAULT_MAX_BODY, BodyLimit
from detente.api.lists import Cache
from detente.ledger import Ledger

DESCRIPTION = """Every quote, claim and event detente read, each pointing to its sentence.

Lists are keyset pages, newest stored first: follow `next` (it stays right while articles are
being ingested). `format=csv` or `format=jsonl` downloads every matching record. `/facets` counts
records per value under the same filters. Reads are open from this machine; every write
(ingest, review) needs `Authorization: Bearer TOKEN` (`detente token create NAME`).
Every error has one shape: `{"error": {"status", "title", "detail", "errors"}}`."""
SERVE_ENV = "DETENTE_SERVE"  # create_app's arguments, as JSON, for each `detente serve --workers N` process


def create_app(ledger: Ledger | str | None = None, *, cors_origins: Sequence[str] = (),
               max_body: int = DEFAULT_MAX_BODY, open_reads: bool = False,
               make_extractor: Callable | None = None) -> FastAPI:
    """``ledger``: an open Ledger or a URL; ``cors_origins``: origins allowed to call (none by default);
    ``open_reads``: reads from other machines need no token; ``make_extractor``: builds the extractor
    for posted articles (default: spaCy with the ledger's codebook, loaded on the first post)."""
    from detente import settings
    from detente.web import pages

    if not isinstance(ledger, Ledger):
        ledger = Ledger(ledger, codebook=settings.codebook())
    app = FastAPI(title="detente", version=__version__, description=DESCRIPTION,
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json")  # /docs: web/reference.py
    app.state.ledger = ledger
    app.state.open_reads = open_reads
    app.state.facet_cache = Cache()
    app.state.extractor = None
    app.state.make_extractor = make_extractor or (lambda: _extractor(ledger))
    errors.install(app)
    for module in (documents, quotes, claims, events, actors, analysis):
        app.include_router(module.api)
    pages.install(app)
    if cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])
    app.add_middleware(BodyLimit, max_bytes=max_body)
    return app


def from_environment() -> FastAPI:
    """The app of one `detente serve --workers N` process (uvicorn calls this in each): every process
    has its own connections, facet counts and claim tally, and loads spaCy on its own first posted article."""
    from detente import settings

    given = json.loads(os.environ[SERVE_ENV])
    ledger = Ledger(given.pop("url"), codebook=settings.codebook(given.pop("codebook")))
    warm(ledger)
    return create_app(ledger, **given)


def warm(ledger: Ledger) -> None:
    """Count the claims for the facets now (in the background), not on the first visitor's request."""
    threading.Thread(target=ledger.facets, args=("claim", ["party"]), daemon=True).start()


def _extractor(ledger: Ledger):
    from detente import settings
    from detente.extract import Extractor

    return Extractor(ledger.codebook or settings.codebook())
