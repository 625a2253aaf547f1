"""detente report: the ledger at a glance."""
from __future__ import annotations

import typer
from rich.columns import Columns
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from detente.cli.app import app
from detente.cli.common import DB_HELP, cell, console, fails_plainly, open_ledger
from detente.wording import plural


@app.command()
@fails_plainly
def report(db: str | None = typer.Option(None, "--db", metavar="URL", help=DB_HELP),
           latest: int = typer.Option(5, "--latest", min=0, help="how many of the latest items to show")) -> None:
    """Summarise the ledger: documents, quotes by speaker and party, claims by party and issue, events."""
    with open_ledger(db) as ledger:
        show_report(ledger.summary(latest), title=f"Ledger {ledger.url.removeprefix('sqlite:///')}")


def show_report(s, title: str = "Ledger") -> None:
    span = f", {s.first_published} to {s.last_published}" if s.first_published else ""
    counts = " · ".join(plural(n, word) for n, word in ((s.quotes, "quote"), (s.claims, "claim"),
                                                          (s.events, "event"), (s.reviews, "review")))
    console.print(Panel(Text(f"{plural(s.documents, 'article')}{span}\n{counts}"), title=title, expand=False))
    console.print(Columns([_counts("Quotes by speaker", s.quotes_by_speaker),
                           _counts("Quotes by party", s.quotes_by_party),
                           _counts("Events by type", s.events_by_type)]))
    if s.claims_by_party_issue:
        console.print(_matrix(s.claims_by_party_issue))
    _latest("Latest quotes", s.latest_quotes, lambda q: (q.speaker.name or "?", q.text))
    _latest("Latest claims", s.latest_claims, lambda c: (f"{c.party} · {c.issue} · {c.stance}", c.evidence))
    _latest("Latest events", s.latest_events,
            lambda e: (f"{e.type} · {', '.join(loc.name for loc in e.locations) or '-'}", e.evidence))


def _counts(title: str, counts) -> Table:
    table = Table(title=title, show_header=False, title_justify="left")
    for c in counts:
        table.add_row(cell(c.key), str(c.count))
    if not counts:
        table.add_row("none yet", "")
    return table


def _matrix(by_party: dict[str, dict[str, int]]) -> Table:
    issues = sorted({i for row in by_party.values() for i in row})
    table = Table("party", *issues, title="Claims by party × issue", title_justify="left")
    for party, row in sorted(by_party.items()):
        table.add_row(party, *(str(row.get(i, "")) for i in issues))
    return table


def _latest(title: str, entries, describe) -> None:
    if not entries:
        return
    table = Table("id", "date", "who / what", "text", title=title, title_justify="left", expand=True)
    for e in entries:
        who, text = describe(e)
        table.add_row(str(e.id), str(e.published or ""), cell(who, 40), cell(text, 100))
    console.print(table)
