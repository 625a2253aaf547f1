"""detente codebook validate | show | cases: check and read a case codebook before using it."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from detente.cli.app import app
from detente import settings
from detente.codebook import Codebook, bundled_cases
from detente.errors import CodebookError

codebook_app = typer.Typer(help="Check and read case codebooks (parties, people, issues).",
                           no_args_is_help=True)
app.add_typer(codebook_app, name="codebook")


@codebook_app.command()
def validate(path: Path = typer.Argument(..., help="the codebook YAML file")) -> None:
    """Load PATH and say OK with counts, or print every validation error and exit 1."""
    book = _load(path=path)
    typer.echo(f"OK {book.case}: {len(book.parties)} parties, {len(book.actors)} actors, "
               f"{len(book.issues)} issues")


@codebook_app.command()
def show(path: Path | None = typer.Argument(None, help="a codebook YAML file (instead of --case)"),
         case: str | None = typer.Option(None, "--case", help="a bundled case name"),
         date: dt.datetime | None = typer.Option(None, "--date", formats=["%Y-%m-%d"],
                                                 help="show the role each actor held on this day")) -> None:
    """Print a case's parties, actors (with their role on --date) and issues as tables."""
    if path and case:
        _fail("give a PATH or --case, not both")
    book = _load(path=path, case=case)
    day = date.date() if date else None
    out = Console()
    out.print(f"[bold]{book.name}[/bold] ({book.case})")
    out.print(_parties_table(book))
    out.print(_actors_table(book, day))
    out.print(_issues_table(book))


@codebook_app.command()
def cases() -> None:
    """List the cases shipped with detente."""
    for name in bundled_cases():
        typer.echo(name)


def _load(path: Path | None = None, case: str | None = None) -> Codebook:
    try:
        return Codebook.load(path) if path else settings.codebook(case)
    except CodebookError as exc:
        _fail(str(exc))


def _fail(message: str) -> None:
    typer.echo(message, err=True)
    raise typer.Exit(1)


def _parties_table(book: Codebook) -> Table:
    table = Table("code", "name", "names and metonyms", "adjectives", title="Parties")
    for p in book.parties:
        table.add_row(p.code, p.name, ", ".join(p.names), ", ".join(p.adjectives))
    return table


def _actors_table(book: Codebook, day: dt.date | None) -> Table:
    when = day.isoformat() if day else "now"
    table = Table("id", "name", "kind", "party", f"role ({when})", "QID", "aliases", title="Actors")
    for a in book.actors:
        table.add_row(a.id, a.name, a.kind, a.party, a.role_on(day) or "", a.qid or "", ", ".join(a.aliases))
    return table


def _issues_table(book: Codebook) -> Table:
    table = Table("id", "name", "scale", "cues", title="Issues")
    for i in book.issues:
        scale = "; ".join(f"{p.value:g} {p.label}" for p in i.scale)
        table.add_row(i.id, i.name, scale, ", ".join(i.cues))
    return table
