"""detente positions, shifts, leaks: where each party stands and how it moved, with the claims behind it."""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import typer
from rich.table import Table

from detente.cli.app import app
from detente.cli.common import DB_HELP, cell, check_choice, console, fails_plainly, open_ledger, parse_date

FORMATS = ("table", "json", "csv")
FMT_HELP = "table (for reading), json (a list of objects) or csv (one row per item)"


def emit(items: list, fmt: str, table: Table, rows) -> None:
    """Print items as JSON, CSV (flattened) or the given Rich table filled by ``rows``."""
    if fmt == "json":
        typer.echo(json.dumps([i.model_dump(mode="json") for i in items], ensure_ascii=False, indent=1))
    elif fmt == "csv":
        flat = [_flat(i.model_dump(mode="json")) for i in items]
        keys = list(dict.fromkeys(k for f in flat for k in f))
        writer = csv.DictWriter(sys.stdout, fieldnames=keys)
        writer.writeheader()
        writer.writerows(flat)
    else:
        for row in rows:
            table.add_row(*row)
        console.print(table)


def _flat(data: dict, prefix: str = "") -> dict:
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


def _claim(ref) -> str:
    if ref is None:
        return "-"
    return f"#{ref.id} {ref.date} {ref.source_type}{' hedged' if ref.hedged else ''} @{ref.position:g}: {ref.evidence}"


@app.command()
@fails_plainly
def positions(party: str | None = typer.Option(None, "--party"), issue: str | None = typer.Option(None, "--issue"),
              until: str | None = typer.Option(None, "--until", metavar="DATE"),
              fmt: str = typer.Option("table", "--format", help=FMT_HELP),
              chart: Path | None = typer.Option(None, "--chart", metavar="PATH", help="also write a Plotly HTML chart"),
              db: str | None = typer.Option(None, "--db", metavar="URL", help=DB_HELP)) -> None:
    """Each party's position over time per issue (0–100 codebook scale), weighted by provenance."""
    from detente.analysis import positions as compute

    check_choice(fmt, FORMATS, "--format")
    with open_ledger(db) as ledger:
        series = compute(ledger, party=party, issue=issue, until=parse_date(until, "--until"))
        if chart:
            from detente.analysis.charts import positions_chart

            _write(chart, positions_chart(series, ledger))
    table = Table("party", "issue", "now", "band", "since", "points", "claims", title="Positions (0–100)",
                  title_justify="left")
    rows = ((s.party, s.issue, f"{s.current.position:g}", f"{s.current.low:g}–{s.current.high:g}",
             str(s.current.date), str(len(s.points)), " ".join(map(str, s.current.claim_ids)))
            for s in series if s.current)
    emit(series, fmt, table, rows)


@app.command()
@fails_plainly
def shifts(party: str | None = typer.Option(None, "--party"), issue: str | None = typer.Option(None, "--issue"),
           since: str | None = typer.Option(None, "--since", metavar="DATE"),
           until: str | None = typer.Option(None, "--until", metavar="DATE"),
           fmt: str = typer.Option("table", "--format", help=FMT_HELP),
           db: str | None = typer.Option(None, "--db", metavar="URL", help=DB_HELP)) -> None:
    """Moves on an issue's scale: escalation, softening, new demand or reversal, with the claims before and after."""
    from detente.analysis import shifts as compute

    check_choice(fmt, FORMATS, "--format")
    with open_ledger(db) as ledger:
        found = compute(ledger, party=party, issue=issue, since=parse_date(since, "--since"),
                        until=parse_date(until, "--until"))
    table = Table("date", "party", "issue", "kind", "move", "how sure", "before", "after", title="Shifts",
                  title_justify="left", expand=True)
    rows = ((str(s.date), s.party, s.issue, s.kind,
             f"{s.baseline:g} → {s.position:g}" if s.baseline is not None else f"→ {s.position:g}",
             cell(s.status), cell(_claim(s.before), 80), cell(_claim(s.after), 80)) for s in found)
    emit(found, fmt, table, rows)


@app.command()
@fails_plainly
def leaks(party: str | None = typer.Option(None, "--party"), issue: str | None = typer.Option(None, "--issue"),
          status: str | None = typer.Option(None, "--status", help="unconfirmed, confirmed or denied"),
          fmt: str = typer.Option("table", "--format", help=FMT_HELP),
          db: str | None = typer.Option(None, "--db", metavar="URL", help=DB_HELP)) -> None:
    """Anonymous and media claims: unconfirmed until the party's own record confirms or denies them."""
    from detente.analysis import leaks as compute

    check_choice(fmt, FORMATS, "--format")
    if status:
        check_choice(status, ("unconfirmed", "confirmed", "denied"), "--status")
    with open_ledger(db) as ledger:
        found = compute(ledger, party=party, issue=issue, status=status)
    table = Table("reported", "party", "issue", "status", "resolved", "leak", "on record", title="Leaks",
                  title_justify="left", expand=True)
    rows = ((str(k.reported), k.party, k.issue, k.status, str(k.resolved or ""), cell(_claim(k.claim), 90),
             cell(_claim(k.resolved_by), 60)) for k in found)
    emit(found, fmt, table, rows)


def _write(path: Path, html: str) -> None:
    """Write atomically: a half-written chart never replaces a good one."""
    from detente.errors import DetenteError

    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_text(html, encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        raise DetenteError(f"cannot write {path}: {exc}") from None
    console.print(f"chart written to {path}")
