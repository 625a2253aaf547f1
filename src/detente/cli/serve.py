"""detente serve (the REST API and the dashboard) and detente token create/revoke/list."""
from __future__ import annotations

import json
import os

import typer
from rich.table import Table
from rich.text import Text

from detente.cli.app import app
from detente.cli.common import DB_HELP, cell, console, fails_plainly, open_ledger

token_app = typer.Typer(help="API tokens for the REST API's writes (ingest, review).", no_args_is_help=True)
app.add_typer(token_app, name="token")
DB = typer.Option(None, "--db", metavar="URL", help=DB_HELP)


@app.command()
@fails_plainly
def serve(db: str | None = DB,
          host: str = typer.Option("127.0.0.1", "--host", help="address to listen on (another machine's "
                                                               "readers then need a token, unless --open-reads)"),
          port: int = typer.Option(8000, "--port", min=0, max=65535),
          open_reads: bool = typer.Option(False, "--open-reads", help="let other machines read without a token"),
          cors_origin: list[str] = typer.Option([], "--cors-origin", metavar="ORIGIN",
                                                help="a web origin allowed to call the API (CORS is off by default)"),
          max_body: int = typer.Option(5 * 1024 * 1024, "--max-body", min=1024, metavar="BYTES",
                                       help="largest request body accepted"),
          codebook: str | None = typer.Option(None, "--codebook", help="case codebook (bundled name or YAML)"),
          workers: int = typer.Option(1, "--workers", min=1, max=64,
                                      help="server processes: one answers requests with one CPU core at a time"),
          threads: int | None = typer.Option(None, "--threads", min=1, max=256,
                                             help="requests each process works on at once (default: a few; "
                                                  "more only queue on Python's interpreter lock)")
          ) -> None:
    """Serve the REST API (/api, reference at /docs) and the dashboard at http://HOST:PORT/."""
    import uvicorn

    from detente.api.app import SERVE_ENV, create_app, warm

    ledger = open_ledger(_ledger_to_serve(db), codebook)  # checked and migrated once, before any worker
    options = {"cors_origins": cor_list(cors_origin), "max_body": max_body, "open_reads": open_reads}
    if threads is not None:
        options["threads"] = threads
    console.print(Text(f"detente: ledger {ledger.url}; dashboard at http://{host}:{port}/ (Ctrl+C stops)"),
                  soft_wrap=True)
    run = {"host": host, "port": port, "log_level": "warning", "server_header": False}
    if workers > 1:
        ledger.close()
        os.environ[SERVE_ENV] = json.dumps({"url": ledger.url, "codebook": codebook, **options})
        uvicorn.run("detente.api.app:from_environment", factory=True, workers=workers, **run)
        return
    warm(ledger)
    try:
        uvicorn.run(create_app(ledger, **options), **run)
    finally:
        ledger.close()


def _ledger_to_serve(db: str | None) -> str | None:
    """The ledger asked for; with none asked and no ./detente.sqlite, the demo's (after `detente demo`)."""
    from pathlib import Path

    from detente import settings
    from detente.cli.articles import DEMO_DB

    if db or os.environ.get(settings.DATABASE_ENV) or Path(settings.DEFAULT_DATABASE_FILE).exists():
        return db
    if Path(DEMO_DB).exists():
        console.print(Text(f"no ./{settings.DEFAULT_DATABASE_FILE}: serving the demo ledger ./{DEMO_DB}", style="dim"))
        return DEMO_DB
    return db


def cor_list(origins: list[str]) -> list[str]:
    return [o.rstrip("/") for o in origins if o.strip()]


@token_app.command("create")
@fails_plainly
def create(name: str = typer.Argument(..., help="who or what will use it"), db: str | None = DB) -> None:
    """Create a token and print its secret once (the ledger keeps only its SHA-256)."""
    with open_ledger(db) as ledger:
        token, secret = ledger.create_token(name)
    console.print(Text(f"token {token.id} ({token.name}) created; its secret, shown this once:"), soft_wrap=True)
    print(secret)


@token_app.command("revoke")
@fails_plainly
def revoke(token: str = typer.Argument(..., help="token id or name"), db: str | None = DB) -> None:
    """Revoke a token by id or name; it stops working at once."""
    with open_ledger(db) as ledger:
        done = ledger.revoke_token(token)
    console.print(Text(f"token {done.id} ({done.name}) revoked"), soft_wrap=True)


@token_app.command("list")
@fails_plainly
def list_(db: str | None = DB) -> None:
    """Tokens with their names and dates (never their secrets)."""
    with open_ledger(db) as ledger:
        found = ledger.list_tokens()
    table = Table("id", "name", "created", "revoked")
    for t in found:
        table.add_row(str(t.id), cell(t.name), t.created_at.strftime("%Y-%m-%d %H:%M"),
                      t.revoked_at.strftime("%Y-%m-%d %H:%M") if t.revoked_at else "")
    console.print(table if found else Text("no tokens yet", style="dim"))
