"""One error shape for every route: ``{"error": {"status", "title", "detail", "errors"}}``.

API paths (and any client that asks for JSON) get it as JSON; a browser on a dashboard page
gets the same fields as a small HTML page.
"""
from __future__ import annotations

import logging
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from detente.errors import DetenteError

log = logging.getLogger("detente.api")


class ApiError(HTTPException):
    """An error a route raises on purpose, with its message for the client."""


def body(status: int, detail: str, errors: list | None = None) -> dict:
    return {"error": {"status": status, "title": HTTPStatus(status).phrase, "detail": detail,
                      "errors": errors or []}}


def respond(request: Request, status: int, detail: str, errors: list | None = None,
            headers: dict | None = None):
    content = body(status, detail, errors)
    if wants_json(request):
        return JSONResponse(content, status_code=status, headers=headers)
    from detente.web.pages import error_page

    return error_page(request, content["error"], headers)


def wants_json(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/api") or path in ("/openapi.json",):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def install(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        return respond(request, exc.status_code, str(exc.detail), headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        problems = [{"loc": [str(p) for p in e.get("loc", ())], "msg": e.get("msg", ""), "type": e.get("type", "")}
                    for e in exc.errors()]
        first = problems[0] if problems else {"loc": [], "msg": "invalid request"}
        return respond(request, 422, f"{'.'.join(first['loc'])}: {first['msg']}", problems)

    @app.exception_handler(DetenteError)
    async def refused(request: Request, exc: DetenteError):
        status = 404 if str(exc).startswith("no ") else 400
        return respond(request, status, str(exc))

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception):
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return respond(request, 500, "internal error; the server log has the details")
