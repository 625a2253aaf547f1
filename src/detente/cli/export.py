"""detente export: the ledger as CSV, JSON Lines, Parquet or PLOVER-style JSONL."""
from __future__ import annotations

from pathlib import Path

import typer
from rich.text import Text

from detente.cli.app import app
from detente.cli.common import DB_HELP, check_choice, console, fails_plainly, open_ledger

FORMATS = ("csv", "jsonl", "parquet", "plover")


@app.command()
@fails_plainly
def export(to: Path = typer.Option(..., "--to", metavar="PATH",
                                   help="file to write; a folder for --what all (except plover)"),
           fmt: str = typer.Option("jsonl", "--format", help="csv, jsonl, parquet or plover (events and claims)"),
           what: str = typer.Option("all", "--what", help="quotes, claims, events or all"),
           db: str | None = typer.Option(None, "--db", metavar="URL", help=DB_HELP)) -> None:
    """Export reviewed records (rejected ones left out) for other tools."""
    from detente.ledger import export as exporting

    check_choice(fmt, FORMATS, "--format")
    check_choice(what, ("quotes", "claims", "events", "all"), "--what")
    with open_ledger(db) as ledger:
        written = exporting.export(ledger, to, fmt, what, codebook=ledger.codebook)
    for path in written:
        console.print(Text(f"wrote {path}"), soft_wrap=True)
