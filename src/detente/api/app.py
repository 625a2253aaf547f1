"""The application: the REST API and the dashboard pages over one ledger.

``create_app`` builds it for ``detente serve`` and for tests; nothing here reaches the internet
(the dashboard's Plotly comes from the installed plotly package).
"""
from __future__ import annotations

import json
import os
import threading
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager

import anyio.to_thread
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from detente import __version__
from detente.api import actors, analysis, claims, documents, errors, events, quotes
from detente.api.limits import DEFAULT_MAX_BODY, BodyLimit
from detente.cache import Cache
from detente.ledger import Ledger

DESCRIPTION = """Every quote, claim and event detente read, each pointing to its sentence.

Lists are keyset pages, newest stored first: follow `next` (it stays right while articles are
being ingested). `format=csv` or `format=jsonl` downloads every matching record. `/facets` counts
records per value under the same filters. Reads are open from this machine; every write
(ingest, review) needs `Authorization: Bearer TOKEN` (`detente token create NAME`).
Every error has one shape: `{"error": {"status", "title", "detail", "errors"}}`."""
SERVE_ENV = "DETENTE_SERVE"  # create_app's arguments, as JSON, for each `detente serve --workers N` process
# Routes that read the ledger run in a thread pool (40 threads by default). One process computes with
# one core at a time, so under load 40 threads only queue on the interpreter lock, and the thread
# that parses requests waits its turn behind them: 10 clients listing claims on a million-claim
# ledger had p95 167 ms with 40 threads, 70-85 ms with 2-4 (README, API under load). A few threads
# still overlap one request's database wait with another's Python.
DEFAULT_THREADS = 4


def create_app(ledger: Ledger | str | None = None, *, cors_origins: Sequence[str] = (),
               max_body: int = DEFAULT_MAX_BODY, open_reads: bool = False,
               make_extractor: Callable | None = None, threads: int = DEFAULT_THREADS) -> FastAPI:
    """``ledger``: an open Ledger or a URL; ``cors_origins``: origins allowed to call (none by default);
    ``open_reads``: reads from other machines need no token; ``make_extractor``: builds the extractor
    for posted articles (default: spaCy with the ledger's codebook, loaded on the first post);
    ``threads``: requests the process works on at once (``DEFAULT_THREADS``)."""
    from detente import settings
    from detente.web import pages

    if threads < 1:
        raise ValueError(f"threads must be at least 1, not {threads}")
    if not isinstance(ledger, Ledger):
        ledger = Ledger(ledger, codebook=settings.chosen_codebook()).with_default_case()
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        yield

    app = FastAPI(title="detente", version=__version__, description=DESCRIPTION, lifespan=lifespan,
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
    ledger = Ledger(given.pop("url"), codebook=settings.chosen_codebook(given.pop("codebook"))).with_default_case()
    warm(ledger)
    return create_app(ledger, **given)


def warm(ledger: Ledger) -> None:
    """Count the claims for the facets now (in the background), not on the first visitor's request."""
    threading.Thread(target=ledger.facets, args=("claim", ["party"]), daemon=True).start()


def _extractor(ledger: Ledger):
    from detente import settings
    from detente.extract import Extractor

    return Extractor(ledger.codebook or settings.codebook())
