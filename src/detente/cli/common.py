"""What the ledger commands share: options, opening the ledger, plain errors, output formats, files."""
from __future__ import annotations

import csv
import datetime as dt
import functools
import importlib.util
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import typer
from pydantic import BaseModel
from rich.console import Console
from rich.text import Text

from detente import settings
from detente.codebook import Codebook
from detente.errors import DetenteError, LedgerError

console = Console(highlight=False)
errors = Console(stderr=True, highlight=False)

DB_HELP = ("ledger: an SQLAlchemy URL or an SQLite file path "
           f"[default: ${settings.DATABASE_ENV}, else ./{settings.DEFAULT_DATABASE_FILE}]")
CODEBOOK_HELP = ("case codebook: a bundled case name or a YAML path "
                 f"[default: ${settings.CODEBOOK_ENV}, else {settings.DEFAULT_CASE}]")
# Every listing command prints the same four ways.
FORMATS = ("table", "json", "jsonl", "csv")
FORMAT_HELP = ("table (for reading), json (a list of objects), jsonl (one object per line) or csv "
               "(one row per item, nested fields flattened as source.type)")
RECORDS_FORMAT_HELP = ("table (for reading), json (a list of objects), jsonl (one object per line) or csv "
                       "(the columns of `detente export`: nested fields as source_type, lists as JSON)")


def fails_plainly(command: Callable) -> Callable:
    """A DetenteError becomes one line on stderr and exit code 1, never a traceback; so does a
    database error (a corrupt or unreachable ledger), as its driver's first line, not the SQL."""
    from sqlalchemy.exc import SQLAlchemyError

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except DetenteError as exc:
            message = str(exc)
        except SQLAlchemyError as exc:
            from detente.ledger.db import reason

            message = f"ledger {kwargs.get('db') or settings.database_url(None)}: {reason(exc)}"
        errors.print(Text(f"error: {message}", style="red"), soft_wrap=True)
        raise typer.Exit(1) from None
    return wrapper


def open_ledger(db: str | None, codebook: str | None = None, *, must_exist: bool = True):
    """The ledger at ``db``; reading commands refuse to create an empty SQLite file by mistake."""
    from detente.ledger import Ledger

    url = settings.database_url(db)
    if must_exist and url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        raise LedgerError(f"no ledger at {url.removeprefix('sqlite:///')}; run `detente ingest PATH...` "
                          "or `detente demo` first, or pass --db")
    return Ledger(url, codebook=settings.chosen_codebook(codebook)).with_default_case()


def parse_date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date like 2026-02-06", param_hint=option) from None


def check_choice(value: str, choices: Iterable[str], option: str) -> str:
    choices = tuple(choices)
    if value not in choices:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(choices)}", param_hint=option)
    return value


def _data(item: BaseModel | dict) -> dict:
    return item.model_dump(mode="json") if isinstance(item, BaseModel) else item


def print_jsonl(items: Iterable[BaseModel | dict]) -> None:
    for item in items:
        typer.echo(json.dumps(_data(item), ensure_ascii=False, allow_nan=False))  # strict JSON: no NaN


def print_items(items: list, fmt: str) -> bool:
    """Print ``items`` as json, jsonl or csv and say so; ``False`` leaves the table to the caller."""
    if fmt == "json":
        typer.echo(json.dumps([_data(i) for i in items], ensure_ascii=False, indent=1, allow_nan=False))
    elif fmt == "jsonl":
        print_jsonl(items)
    elif fmt == "csv":
        flat = [_flat(_data(i)) for i in items]
        writer = csv.DictWriter(sys.stdout, fieldnames=list(dict.fromkeys(k for f in flat for k in f)))
        writer.writeheader()
        writer.writerows(flat)
    else:
        return False
    return True


def _flat(data: dict, prefix: str = "") -> dict:
    """One CSV row: nested objects as dotted columns, lists of objects as JSON, other lists joined."""
    out = {}
    for k, v in data.items():
        if isinstance(v, dict):
            out.update(_flat(v, f"{prefix}{k}."))
        elif isinstance(v, list) and v and isinstance(v[0], dict):
            out[prefix + k] = json.dumps(v, ensure_ascii=False)
        elif isinstance(v, list):
            out[prefix + k] = " ".join(str(x) for x in v)
        else:
            out[prefix + k] = v
    return out


def cell(value: Any, width: int | None = None) -> Text:
    """User data as plain text (square brackets in a quote are not Rich markup)."""
    text = "" if value is None else str(value)
    if width and len(text) > width:
        text = text[: width - 1] + "…"
    return Text(text)


BUDGET_HELP = (f"seconds one article may take to extract before it fails and the batch goes on; "
               f"0: no limit [default: ${settings.BUDGET_ENV}, else {settings.DEFAULT_BUDGET:g}]")


def extractor_for(codebook: str | Codebook | None, workers: int, budget: float | None = None) -> tuple[Any, dict]:
    """An Extractor for the chosen codebook (a name, a path, or a ledger's own case), and the
    options its ``pipe`` takes."""
    from detente.extract import Extractor

    case = codebook if isinstance(codebook, Codebook) else settings.codebook(codebook)
    return Extractor(case), {"workers": workers, "budget": settings.extraction_budget(budget)}


PNG_NEEDS_KALEIDO = ("PNG charts need the optional package kaleido (pip install kaleido); "
                     "name a .html file instead")


def write_output(path: Path, content: Any) -> None:
    """Write a brief, a chart or a sealed forecast: text, or a Plotly figure (HTML, or PNG by the
    name).

    Through the ledger's atomic writer, so a failed write leaves no half file and says the name
    asked for, and the file ends as a plain open() would leave it (missing folders made, the
    umask's mode). A .png never receives HTML: without kaleido, or for text, it is an error."""
    from detente.ledger.export import atomic

    path = Path(path)
    png = path.suffix.lower() == ".png"
    if png:
        _check_png(path, content)
    with atomic(path) as tmp:
        if png:
            _write_png(content, tmp, path)
        elif isinstance(content, str):
            tmp.write_text(content, encoding="utf-8")
        else:
            from detente.analysis.charts import html

            tmp.write_text(html(content), encoding="utf-8")
    errors.print(Text(f"written: {path}"), soft_wrap=True)  # stderr: stdout may be JSON


def _check_png(path: Path, content: Any) -> None:
    if importlib.util.find_spec("kaleido") is None:
        raise DetenteError(f"cannot write {path}: {PNG_NEEDS_KALEIDO}")
    if isinstance(content, str):
        raise DetenteError(f"cannot write {path}: only a chart is written as PNG; name a .html file instead")


def _write_png(figure: Any, tmp: Path, path: Path) -> None:
    try:
        figure.write_image(str(tmp), format="png")
    except (ValueError, RuntimeError) as exc:  # kaleido's own errors: one line, not a traceback
        raise DetenteError(f"cannot write {path}: {str(exc).splitlines()[0] if str(exc) else exc!r}") from None


LISTED = {"quote": "quotes", "claim": "claims", "event": "events"}


def listed(ledger, kind: str, limit: int, **given) -> tuple[list, int]:
    """Up to ``limit`` records (``Ledger.quotes``/``claims``/``events`` under ``given``) and how
    many match in all, so a table cut at ``limit`` can say so; counted only when the page is full.

    A party, issue or event type the case does not define is an error, as in ``shifts``, not
    "nothing matches" (a typo would read as "no claims"); codes match whatever their case."""
    from detente.codebook.codes import known

    given = known(ledger.codebook, given, unattributed=True)
    found = getattr(ledger, LISTED[kind])(limit=limit, **given)
    if len(found) < limit:
        return found, len(found)
    counts = ledger.facets(kind, ["document_id"], ledger.filters(kind, **given))["document_id"]
    return found, max(sum(counts.values()), len(found))


def print_shown(shown: int, total: int) -> None:
    """After a table cut at the page size, one dim line: how much is left out and how to see it."""
    if total > shown:
        console.print(Text(f"{shown} of {total} shown; --limit N for more", style="dim"))
