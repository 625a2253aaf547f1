"""One JSON error shape on every route: 404, 422, 401/403 (token), 413 (too large) and 500.

The test walks ``app.routes``: a route added without an error case here fails it.
"""
from __future__ import annotations

import re

import pytest
from fastapi.routing import APIRoute
from starlette.routing import Mount, Route

JSON = {"Accept": "application/json"}
FILL = {"record_id": "999999", "document_id": "no-such-document", "actor_id": "no-such-actor",
        "kind": "claim", "path": "no-such-file.css"}

HUGE = str(2**63)  # one past the largest integer SQLite stores
BAD_QUERY = {"/api/positions": "?until=soon", "/api/shifts": "?since=soon", "/api/leaks": "?status=rumoured",
             "/api/talks-vs-war": "?freq=month", "/api/forecast": "?draws=-1", "/api/brief": "?format=pdf"}


def test_a_cursor_past_the_largest_id_is_refused(client):
    for plural in ("claims", "quotes", "events"):
        shape_ok(client.get(f"/api/{plural}?before={HUGE}"), 422)


def shape_ok(response, status: int) -> None:
    assert response.status_code == status, (response.request.url, response.status_code, response.text[:300])
    body = response.json()
    assert set(body) == {"error"}, body
    error = body["error"]
    assert set(error) == {"status", "title", "detail", "errors"}
    assert error["status"] == status and error["title"] and isinstance(error["detail"], str) and error["detail"]
    assert isinstance(error["errors"], list)


def url_of(path: str, **over) -> str:
    return re.sub(r"\{(\w+)(:\w+)?\}", lambda m: over.get(m.group(1), FILL.get(m.group(1), "x")), path)


def cases(route, token: str) -> list[tuple[str, str, dict, int]]:
    """(method, url, request options, expected status) that each must answer with the error shape."""
    path = route.path
    out = []
    methods = getattr(route, "methods", None) or {"GET"}
    if path == "/api/scenarios":  # computes only, no token: a bad body and a body too large
        return [("POST", path, {"json": {"changes": "not an object"}}, 422),
                ("POST", path, {"json": {"changes": {"no_such_override": 1}}}, 422),
                ("POST", path, {"json": {"changes": {"drop": ["XYZ"]}}}, 400),  # the case has no such party
                ("POST", path, {"content": b"x" * (65 * 1024), "headers": {"Content-Type": "application/json"}}, 413)]
    if "POST" in methods:
        url = url_of(path, record_id="1")
        body = {"json": {"text": "Title\n\nA sentence."}} if "reviews" not in path else \
            {"json": {"action": "confirm", "reviewer": "Ann"}}
        if path.endswith("/file") or path.endswith("/review"):
            body = {"data": {"reviewer": "Ann", "action": "confirm"}} if path.endswith("/review") else \
                {"files": {"file": ("a.txt", b"Title\n\nA sentence.")}}
        out += [("POST", url, body, 401),
                ("POST", url, {**body, "headers": {"Authorization": "Bearer not-a-token"}}, 403),
                ("POST", url, {"content": b"x" * (65 * 1024), "headers": {"Authorization": f"Bearer {token}",
                                                                        "Content-Type": "application/json"}}, 413)]
        if not path.endswith("/review"):
            out.append(("POST", url, {"json": {"nonsense": True}, "headers": {"Authorization": f"Bearer {token}"}}, 422))
        if "{record_id}" in path and path.startswith("/api/"):  # an id past SQLite's integers: refused
            out.append(("POST", url_of(path, record_id=HUGE), {**body, "headers": {"Authorization": f"Bearer {token}"}},
                        422))
    else:
        if "{record_id}" in path:
            out += [("GET", url_of(path), {}, 404), ("GET", url_of(path, record_id="abc"), {}, 422)]
            out += [("GET", url_of(path, record_id=HUGE), {}, 422)] if path.startswith("/api/") else []
        elif "{" in path:
            out.append(("GET", url_of(path), {}, 404))
        if path.startswith("/api/") and "{" not in path:
            out.append(("GET", path + BAD_QUERY.get(path, "?facet=nope" if path.endswith("facets") else "?limit=0"),
                        {}, 422))
        if path in ("/timeline",):
            out.append(("GET", path + "?issue=no_such_issue", {}, 404))
        if path.startswith("/ledger/"):
            out.append(("GET", path + "?since=not-a-date", {}, 422))
    return out


def routes(app):
    """Every route and mount, routers included (FastAPI keeps an included router as one entry)."""
    def walk(entries):
        for route in entries:
            inner = getattr(route, "original_router", None)
            if inner is not None:
                yield from walk(inner.routes)
            elif isinstance(route, APIRoute | Route | Mount):
                yield route
    found = list(walk(app.routes))
    assert len(found) > 25, [r.path for r in found]
    return found


def test_every_route_has_an_error_case_with_the_shape(app, client, token):
    for route in routes(app):
        if isinstance(route, Mount):
            shape_ok(client.get(f"{route.path}/no-such-file.css", headers=JSON), 404)
            continue
        found = cases(route, token)
        if not found:  # routes with no input to get wrong: their crash must still have the shape
            assert route.path in ("/", "/bargaining", "/war", "/docs", "/ledger", "/openapi.json",
                                  "/assets/plotly.min.js"), f"no error case for {route.path}: add one"
            continue
        for method, url, options, status in found:
            headers = {**JSON, **options.pop("headers", {})}
            shape_ok(client.request(method, url, headers=headers, **options), status)
            options["headers"] = headers


def test_every_route_that_reads_the_ledger_crashes_with_the_shape(app, client):
    class Broken:
        def __getattr__(self, name):
            raise RuntimeError("the database went away")

    app.state.ledger = Broken()
    crashed = 0
    for route in routes(app):
        if isinstance(route, Mount) or "POST" in (getattr(route, "methods", None) or ()):
            continue
        response = client.get(url_of(route.path, record_id="1"), headers=JSON)
        if route.path in ("/openapi.json", "/assets/plotly.min.js", "/docs", "/ledger"):
            continue  # never touch the ledger
        shape_ok(response, 500)
        assert "went away" not in response.text  # internals stay in the server log
        crashed += 1
    assert crashed >= 15


def test_unknown_path_and_method(client):
    shape_ok(client.get("/api/nothing-here"), 404)
    shape_ok(client.delete("/api/claims/1"), 405)


def test_pages_show_errors_as_html_for_browsers(client):
    r = client.get("/record/claim/999999", headers={"Accept": "text/html"})
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "no claim with id 999999" in r.text


@pytest.mark.parametrize("body", [{"text": "x", "html": "<p>x</p>"}, {}])
def test_ingest_needs_exactly_one_body(client, token, body):
    shape_ok(client.post("/api/documents", json=body, headers={"Authorization": f"Bearer {token}"}), 422)
