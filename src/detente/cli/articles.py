"""detente ingest, extract, redate, demo: articles in, quotes/claims/events out."""
from __future__ import annotations

import shlex
from collections import Counter
from pathlib import Path

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from detente.cli.app import app
from detente.cli.common import (BUDGET_HELP, CODEBOOK_HELP, DB_HELP, cell, check_choice, console, errors, extractor_for,
                                fails_plainly, open_ledger, parse_date, print_jsonl)
from detente.errors import DetenteError
from detente.wording import plural

PATHS_HELP = ("article files or folders (.txt .html .json .jsonl, RSS/Atom feeds); "
              "a folder's other files are passed over")
PUBLISHED_HELP = ("publication date (YYYY-MM-DD) for articles that carry none; also dates yearless datelines, "
                  "and an article already stored undated")
WORKERS_HELP = "extraction processes"
STYLE = {"added": "green", "dated": "cyan", "skipped": "yellow", "failed": "red", "passed": "dim"}
DEMO_DB = "detente-demo.sqlite"


@app.command()
@fails_plainly
def ingest(paths: list[Path] = typer.Argument(..., help=PATHS_HELP),
           published: str | None = typer.Option(None, "--published", metavar="DATE", help=PUBLISHED_HELP),
           db: str | None = typer.Option(None, "--db", metavar="URL", help=DB_HELP),
           workers: int = typer.Option(1, "--workers", min=1, help=WORKERS_HELP),
           budget: float | None = typer.Option(None, "--budget", metavar="SECONDS", help=BUDGET_HELP),
           codebook: str | None = typer.Option(None, "--codebook", help=CODEBOOK_HELP)) -> None:
    """Read articles, extract quotes, claims and events, and store them in the ledger.

    Articles already in the ledger are skipped; unreadable files are reported and the rest goes on.
    A folder's files that are not articles (notes.md, data.csv, image.png) are passed over with a
    note. An article with no date is stored undated, with a warning: `detente ingest FILE --published
    YYYY-MM-DD` (or `detente redate DOC_ID YYYY-MM-DD`) dates it later; an article with a date keeps
    it. Exits 1 if any file failed.
    """
    tally = _ingest(paths, db, parse_date(published, "--published"), workers, codebook, budget)
    if tally["failed"]:
        raise typer.Exit(1)


@app.command()
@fails_plainly
def redate(document: str = typer.Argument(..., metavar="DOC_ID", help="the article's id (ingest's warning names it)"),
           published: str = typer.Argument(..., metavar="DATE", help="its publication date (YYYY-MM-DD)"),
           db: str | None = typer.Option(None, "--db", metavar="URL", help=DB_HELP)) -> None:
    """Date an article stored undated, so that its claims enter positions over time.

    A date read from the article or given before is kept. For an article in a file of its own,
    `detente ingest FILE --published DATE` does the same."""
    day = parse_date(published, "DATE")
    with open_ledger(db) as ledger:
        if not ledger.date_article(document, day):
            raise DetenteError(f"article {document} is dated {ledger.document(document).published} already; "
                               "a stored date is kept")
    console.print(Text(f"dated   {document}  {day}", style="cyan"), soft_wrap=True)


@app.command()
@fails_plainly
def demo(db: str = typer.Option(DEMO_DB, "--db", metavar="URL", help="ledger for the demo"),
         workers: int = typer.Option(1, "--workers", min=1, help=WORKERS_HELP)) -> None:
    """Ingest the bundled sample articles into a demo ledger and show the brief: where the talks stand."""
    from detente.cli.analysis import show_brief
    from detente.sources import sample_paths

    console.rule("detente demo: reading the bundled sample articles")
    _ingest(sample_paths(), db, None, workers, None, short_paths=True)
    console.rule("the brief")
    with open_ledger(db) as ledger:
        show_brief(ledger)
    console.print(Text("Next: detente shifts --db " + db + "   detente leaks --db " + db
                       + "   detente claims --db " + db + "   detente report --db " + db, style="dim"))


@app.command()
@fails_plainly
def extract(paths: list[Path] = typer.Argument(..., help=PATHS_HELP),
            fmt: str = typer.Option("jsonl", "--format",
                                    help="jsonl (the JSON contract, one line per article) or table"),
            published: str | None = typer.Option(None, "--published", metavar="DATE", help=PUBLISHED_HELP),
            workers: int = typer.Option(1, "--workers", min=1, help=WORKERS_HELP),
            budget: float | None = typer.Option(None, "--budget", metavar="SECONDS", help=BUDGET_HELP),
            codebook: str | None = typer.Option(None, "--codebook", help=CODEBOOK_HELP)) -> None:
    """Extract quotes, claims and events from articles and print them; nothing is stored."""
    from detente.extract import ExtractionFailure
    from detente.sources import PassedOver, SourceFailure, iter_documents

    check_choice(fmt, ("jsonl", "table"), "--format")
    day = parse_date(published, "--published")
    failures = []

    def documents():
        for item in iter_documents(paths, reference_date=day, report_passed_over=True):
            if isinstance(item, PassedOver):
                errors.print(Text(f"passed  {item.path}  ({item.reason})", style="dim"), soft_wrap=True)
            elif isinstance(item, SourceFailure):
                failures.append(item)
                errors.print(Text(f"failed  {item.path}: {item.reason}", style="red"), soft_wrap=True)
            else:
                for warning in item.warnings:
                    errors.print(Text(f"warning {item.path}: {warning}", style="yellow"), soft_wrap=True)
                yield item.model_copy(update={"published": item.published or day})

    extractor, options = extractor_for(codebook, workers, budget)
    for extraction in extractor.pipe(documents(), **options):
        if isinstance(extraction, ExtractionFailure):
            failures.append(extraction)
            errors.print(Text(f"failed  {extraction.document.path or extraction.document.id}: "
                              f"{_with_hint(extraction.reason)}", style="red"), soft_wrap=True)
        elif fmt == "jsonl":
            print_jsonl([extraction.contract()])
        else:
            _show_extraction(extraction)
    if failures:
        raise typer.Exit(1)


def _ingest(paths, db, published, workers, codebook, budget=None, short_paths: bool = False) -> Counter:
    from detente.ledger.intake import ingest_paths

    tally: Counter = Counter()
    with open_ledger(db, codebook, must_exist=False) as ledger:
        extractor, options = extractor_for(ledger.codebook, workers, budget)  # the case the ledger holds
        with _progress() as progress:
            task = progress.add_task("reading", total=None)
            for n, outcome in enumerate(ingest_paths(paths, ledger, extractor, published=published,
                                                     pipe_options=options), 1):
                tally[outcome.status] += 1
                progress.update(task, advance=1, description=f"{n} articles")
                console.print(_line(outcome, short_paths), soft_wrap=True)
                if outcome.status == "added" and outcome.published is None:
                    tally["undated"] += 1
                    _warn_undated(outcome, short_paths)
    console.print(Text(_summary(tally), style="bold"), soft_wrap=True)
    console.print(Text(f"ledger: {ledger.url}", style="dim"), soft_wrap=True)
    return tally


def _warn_undated(outcome, short_path: bool) -> None:
    """One line on stderr: an undated article is in no position over time, and nothing else says so.
    A file of its own is dated by reading it again with a date; an entry of a feed or JSON Lines
    file by its id (reading the file again would give every undated entry the one date)."""
    shown = _shown(outcome.path, short_path)
    title = f" ({outcome.title})" if outcome.title else ""
    how = (f"detente ingest {shlex.quote(shown)} --published YYYY-MM-DD" if Path(outcome.path).is_file()
           else f"detente redate {outcome.document_id} YYYY-MM-DD")
    errors.print(Text(f"warning: {shown}{title} has no publication date and was stored undated, so its claims "
                      f"are in no position over time; date it with `{how}`", style="yellow"), soft_wrap=True)


def _summary(tally: Counter) -> str:
    passed = f", {tally['passed']} passed over (not articles)" if tally["passed"] else ""
    dated = f", {tally['dated']} dated (stored undated before)" if tally["dated"] else ""
    undated = f", {tally['undated']} stored undated (see the warnings)" if tally["undated"] else ""
    return (f"{tally['added']} added, {tally['skipped']} skipped (already read), {tally['failed']} failed"
            f"{passed}{dated}{undated}")


def _progress() -> Progress:
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                    console=console, transient=True, disable=not console.is_terminal)


def _with_hint(reason: str | None) -> str | None:
    """An article over the time budget: say how to give it more."""
    if reason and reason.startswith("extraction took longer than"):
        return f"{reason} (--budget SECONDS gives more, --budget 0 no limit)"
    return reason


def _line(outcome, short_path: bool = False) -> Text:
    line = Text(f"{outcome.status:<8}", style=STYLE[outcome.status])
    line.append(_shown(outcome.path, short_path))
    if outcome.status == "failed":
        line.append(f": {_with_hint(outcome.reason)}", style="red")
    elif outcome.status in ("skipped", "passed", "dated") and outcome.reason:
        line.append(f"  ({outcome.reason})", style="dim")
    elif outcome.status == "added":
        counts = ", ".join(plural(getattr(outcome, k), k[:-1]) for k in ("quotes", "claims", "events"))
        line.append(f"  {counts}", style="dim")
    for warning in outcome.warnings if outcome.status == "added" else ():
        line.append(f"\n          warning: {warning}", style="yellow")
    return line


def _shown(path: str, short: bool) -> str:
    """File name only for bundled samples; relative to the working folder when under it."""
    if short:
        return Path(path).name
    try:
        return str(Path(path).relative_to(Path.cwd()))
    except ValueError:
        return path


def _show_extraction(extraction) -> None:
    doc = extraction.document
    console.rule(Text(doc.title or doc.path or doc.id))
    table = Table("kind", "who / what", "text", show_lines=False, expand=True)
    for q in extraction.quotes:
        table.add_row("quote", cell(f"{q.speaker.name or '?'} ({q.speaker.party})"), cell(q.text, 160))
    for c in extraction.claims:
        table.add_row("claim", cell(f"{c.party} {c.issue} {c.stance}"), cell(c.evidence, 160))
    for e in extraction.events:
        places = ", ".join(loc.name for loc in e.locations)
        table.add_row("event", cell(f"{e.type} {places}"), cell(e.evidence, 160))
    console.print(table)
