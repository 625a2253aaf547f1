"""detente quotes, claims, events, history: read the ledger, newest article first."""
from __future__ import annotations

import sys

import typer
from rich.table import Table
from rich.text import Text

from detente.cli.app import app
from detente.cli.common import (DB_HELP, FORMATS, RECORDS_FORMAT_HELP, cell, check_choice, console, errors,
                                fails_plainly, listed, open_ledger, parse_date, print_items, print_shown)

STATUS_STYLE = {"unreviewed": "", "confirmed": "green", "corrected": "yellow", "rejected": "red"}
DB = typer.Option(None, "--db", metavar="URL", help=DB_HELP)
SINCE = typer.Option(None, "--since", metavar="DATE", help="from this date (YYYY-MM-DD)")
UNTIL = typer.Option(None, "--until", metavar="DATE", help="up to this date (YYYY-MM-DD)")
LIMIT = typer.Option(20, "--limit", min=1, help="most to show")
FORMAT = typer.Option("table", "--format", help=RECORDS_FORMAT_HELP)


@app.command()
@fails_plainly
def quotes(speaker: str | None = typer.Option(None, "--speaker", help="name (any spelling the codebook knows)"),
           party: str | None = typer.Option(None, "--party", help="RUS, UKR, USA, EU, NONE, ..."),
           search: str | None = typer.Option(None, "--search", help="words in the quote"),
           document: str | None = typer.Option(None, "--document", metavar="ID", help="one article (id or prefix)"),
           since: str | None = SINCE, until: str | None = UNTIL, limit: int = LIMIT,
           fmt: str = FORMAT, db: str | None = DB) -> None:
    """Quotes in the ledger, with speaker, party and article date."""
    check_choice(fmt, FORMATS, "--format")
    with open_ledger(db) as ledger:
        found, total = listed(ledger, "quote", limit, speaker=speaker, party=party, text=search, document=document,
                              since=parse_date(since, "--since"), until=parse_date(until, "--until"))
    _show("quote", found, fmt, ("speaker", "quote"),
          lambda q: (f"{q.speaker.name or '?'} ({q.speaker.party})", q.text), total)


@app.command()
@fails_plainly
def claims(party: str | None = typer.Option(None, "--party"), issue: str | None = typer.Option(None, "--issue"),
           stance: str | None = typer.Option(None, "--stance",
                                             help="demand, proposal, rejection, acceptance, assessment"),
           source_type: str | None = typer.Option(None, "--source-type",
                                                  help="official, anonymous, media, expert, document, author"),
           hedged: bool | None = typer.Option(None, "--hedged/--not-hedged", help="only hedged / only firm claims"),
           since: str | None = SINCE, until: str | None = UNTIL, limit: int = LIMIT,
           fmt: str = FORMAT, db: str | None = DB) -> None:
    """Party claims: who wants what on which issue, by whose account."""
    check_choice(fmt, FORMATS, "--format")
    with open_ledger(db) as ledger:
        found, total = listed(ledger, "claim", limit, party=party, issue=issue, stance=stance,
                              source_type=source_type, hedged=hedged,
                              since=parse_date(since, "--since"), until=parse_date(until, "--until"))
    _show("claim", found, fmt, ("claim", "evidence"), lambda c: (
        f"{c.party} {c.issue} {c.stance}" + (f" @{c.position:g}" if c.position is not None else "")
        + f" [{c.source.type}{', hedged' if c.hedged else ''}]", c.evidence), total)


@app.command()
@fails_plainly
def events(type: str | None = typer.Option(None, "--type", help="strike, ground_fighting, prisoner_exchange, "
                                                                 "meeting, agreement, other"),
           actor: str | None = typer.Option(None, "--actor"),
           place: str | None = typer.Option(None, "--place", help="place name, or country code"),
           since: str | None = SINCE, until: str | None = UNTIL, limit: int = LIMIT,
           fmt: str = FORMAT, db: str | None = DB) -> None:
    """Events: strikes, fighting, exchanges, meetings, agreements, with places."""
    check_choice(fmt, FORMATS, "--format")
    with open_ledger(db) as ledger:
        found, total = listed(ledger, "event", limit, type=type, actor=actor, place=place,
                              since=parse_date(since, "--since"), until=parse_date(until, "--until"))
    _show("event", found, fmt, ("event", "evidence"), lambda e: (
        f"{e.type} {e.date or ''} " + ", ".join(loc.name for loc in e.locations), e.evidence), total)


@app.command()
@fails_plainly
def history(kind: str = typer.Argument(..., help="quote, claim or event"),
            record_id: int = typer.Argument(..., metavar="ID"),
            fmt: str = typer.Option("table", "--format", help="table (for reading), json or jsonl (the record "
                                                                "as one object)"),
            db: str | None = DB) -> None:
    """A record as the machine wrote it, every review of it, and the value now in force."""
    check_choice(fmt, ("table", "json", "jsonl"), "--format")
    with open_ledger(db) as ledger:
        found = ledger.history(kind, record_id)
    if print_items([found], fmt):
        return
    console.print(Text(f"{kind} {record_id}: {found.status}", style="bold " + STATUS_STYLE[found.status]))
    table = Table("field", "machine", "in force", title="Fields", title_justify="left")
    effective = _dotted(found.effective)
    for field, value in _dotted(found.original).items():
        now = effective.get(field)
        table.add_row(field, cell(value, 80), cell(now, 80), style="yellow" if now != value else None)
    console.print(table)
    reviews = Table("#", "when", "who", "action", "changes", "note", title="Reviews", title_justify="left")
    for r in found.reviews:
        reviews.add_row(str(r.id), r.created_at.strftime("%Y-%m-%d %H:%M"), cell(r.reviewer), r.action,
                        cell(r.changes or ""), cell(r.note))
    console.print(reviews if found.reviews else Text("no reviews yet", style="dim"))
    if found.trail != "intact":
        errors.print(Text(f"warning: the ledger's review trail is {found.trail}; run `detente verify`",
                          style="red"), soft_wrap=True)


def _dotted(data: dict, prefix: str = "") -> dict:
    """``{"source": {"type": ..}}`` -> ``{"source.type": ..}``: the names ``review --correct`` takes."""
    out = {}
    for key, value in data.items():
        if isinstance(value, dict):
            out.update(_dotted(value, f"{prefix}{key}."))
        else:
            out[prefix + key] = value
    return out


def _show(kind: str, entries, fmt: str, headers: tuple[str, str], describe, total: int = 0) -> None:
    if fmt == "csv":  # the export's columns, not a flattening of its own
        from detente.ledger.export import csv_chunks

        for chunk in csv_chunks(kind, entries):
            sys.stdout.write(chunk)
        return
    if print_items(entries, fmt):
        return
    if not entries:
        console.print(Text("nothing matches", style="dim"))
        return
    table = Table("id", "date", *headers, "review", expand=True)
    for e in entries:
        who, text = describe(e)
        table.add_row(str(e.id), str(e.published or ""), cell(who, 60), cell(text, 200),
                      Text(e.review.status, style=STATUS_STYLE[e.review.status]))
    console.print(table)
    print_shown(len(entries), total)

