"""What every dashboard page shares: templates (autoescaped), the local static files, error pages."""
from __future__ import annotations

from pathlib import Path

import plotly
from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, StrictUndefined

from detente.web import charts

STATIC = Path(__file__).with_name("static")
PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
NAV = (("/", "Overview", ""), ("/timeline", "Timeline", "timeline"), ("/ledger/claims", "Ledger", "ledger"),
       ("/bargaining", "Bargaining", "bargaining"), ("/war", "Talks vs war", "war"), ("/docs", "API", "docs"))
SECTION = {"record": "ledger"}

# autoescape on for every template: article text can hold anything, including <script>
templates = Environment(loader=PackageLoader("detente.web", "templates"), autoescape=True,
                        undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
templates.filters["chart"] = charts.as_json
templates.filters["dumps"] = charts.dumps


def render(request: Request, name: str, status: int = 200, headers: dict | None = None, **context) -> HTMLResponse:
    section = request.url.path.split("/")[1]
    page = templates.get_template(name).render(request=request, nav=NAV, section=SECTION.get(section, section),
                                               codebook=_codebook(request), **context)
    return HTMLResponse(page, status_code=status, headers=headers)


def _codebook(request: Request):
    """The case, for the page header; an error page still renders when the ledger is unreachable."""
    try:
        return request.app.state.ledger.codebook
    except Exception:  # noqa: BLE001
        return None


def error_page(request: Request, error: dict, headers: dict | None = None) -> HTMLResponse:
    return render(request, "error.html", status=error["status"], headers=headers, error=error)


class DropEmptyQuery:
    """A submitted filter form sends its empty fields (``stance=``); on pages they mean "any", so they
    are dropped before routing rather than refused as invalid values. API calls are left as sent."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and not scope["path"].startswith("/api") and scope.get("query_string"):
            pairs = [p for p in scope["query_string"].split(b"&") if p and not p.endswith(b"=")]
            scope = {**scope, "query_string": b"&".join(pairs)}
        await self.app(scope, receive, send)


def install(app: FastAPI) -> None:
    from detente.web import bargaining, ledger_view, overview, record, reference, timeline, war

    @app.get("/assets/plotly.min.js", include_in_schema=False, name="plotly_js")
    def plotly_js():
        """plotly.js from the installed plotly package: the dashboard never calls a CDN."""
        return FileResponse(PLOTLY_JS, media_type="application/javascript",
                            headers={"Cache-Control": "public, max-age=86400"})

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(DropEmptyQuery)
    for module in (overview, timeline, ledger_view, record, bargaining, war, reference):
        app.include_router(module.pages)
