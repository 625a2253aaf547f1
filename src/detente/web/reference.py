"""/docs: the API reference, rendered here from the OpenAPI schema (no Swagger assets from a CDN)."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from detente.api.access import reader
from detente.web.pages import render

pages = APIRouter(include_in_schema=False, dependencies=[Depends(reader)])  # reads: open here, by token elsewhere


@pages.get("/docs", name="api_docs")
def api_docs(request: Request):
    schema = request.app.openapi()
    routes = []
    for path, methods in schema["paths"].items():
        for method, op in methods.items():
            params = [{"name": p["name"], "where": p["in"], "required": p.get("required", False),
                       "description": p.get("description") or p.get("schema", {}).get("description", ""),
                       "type": _type(p.get("schema", {}))} for p in op.get("parameters", [])]
            routes.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                           "tag": (op.get("tags") or ["other"])[0], "params": params,
                           "body": "requestBody" in op, "secured": bool(op.get("security"))})
    return render(request, "reference.html", schema=schema, routes=routes)


def _type(schema: dict) -> str:
    if "enum" in schema:
        return " | ".join(map(str, schema["enum"]))
    if "anyOf" in schema:
        return " | ".join(_type(s) for s in schema["anyOf"] if s.get("type") != "null")
    return schema.get("format") or schema.get("type", "")
