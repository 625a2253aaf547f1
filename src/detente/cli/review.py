"""detente review: an analyst confirms, corrects or rejects a record; the machine's version is kept."""
from __future__ import annotations

import typer
from rich.text import Text

from detente.cli.app import app
from detente.codebook.codes import corrections
from detente.cli.common import DB_HELP, console, errors, fails_plainly, open_ledger


@app.command()
@fails_plainly
def review(kind: str = typer.Argument(..., help="quote, claim or event"),
           record_id: int = typer.Argument(..., metavar="ID"),
           changes: list[str] = typer.Argument(None, metavar="[FIELD=VALUE]...",
                                               help="with --correct: fields to set (speaker.party=UKR, position=50)"),
           confirm: bool = typer.Option(False, "--confirm", help="the record is right"),
           correct: bool = typer.Option(False, "--correct", help="the record is right once FIELD=VALUE are set"),
           reject: bool = typer.Option(False, "--reject", help="the record is wrong"),
           by: str = typer.Option(..., "--by", metavar="NAME", help="who reviews"),
           note: str | None = typer.Option(None, "--note"),
           db: str | None = typer.Option(None, "--db", metavar="URL", help=DB_HELP)) -> None:
    """Review a record: e.g. detente review claim 12 --correct party=UKR stance=demand --by Ann."""
    action = _action(confirm, correct, reject)
    fields = _fields(changes or [])
    if fields and action != "correct":
        raise typer.BadParameter("FIELD=VALUE goes with --correct", param_hint="FIELD=VALUE")
    from detente.ledger.reviews import STATUS

    with open_ledger(db) as ledger:  # an id past what a database holds is "no such record" there
        fields = corrections(ledger.codebook, kind, fields)  # party=ukr sets UKR
        done = ledger.review(kind, record_id, action, by, changes=fields or None, note=note)
    what = ", ".join(f"{k}={v}" for k, v in (done.changes or {}).items())
    console.print(Text(f"{kind} {record_id}: {STATUS[done.action]} by {done.reviewer} (review {done.id})"
                       + (f": {what}" if what else "")), soft_wrap=True)


@app.command()
@fails_plainly
def verify(db: str | None = typer.Option(None, "--db", metavar="URL", help=DB_HELP)) -> None:
    """Check the ledger: the database's integrity and the review trail, link by link.

    Exits 1 at the first problem found. Note the head hash it prints: a trail cut at its very
    end can only be seen against a head noted before.
    """
    with open_ledger(db) as ledger:
        found = ledger.verify()
    for problem in found.problems:
        errors.print(Text(f"problem: {problem}", style="red"), soft_wrap=True)
    if not found.ok:
        raise typer.Exit(1)
    console.print(Text(f"ledger intact: integrity check clean, {found.reviews} reviews chained"
                       + (f", head {found.head}" if found.reviews else "")), soft_wrap=True)


def _action(confirm: bool, correct: bool, reject: bool) -> str:
    chosen = [name for name, on in (("confirm", confirm), ("correct", correct), ("reject", reject)) if on]
    if len(chosen) != 1:
        raise typer.BadParameter("give exactly one of --confirm, --correct, --reject")
    return chosen[0]


def _fields(pairs: list[str]) -> dict[str, str]:
    fields = {}
    for pair in pairs:
        field, sep, value = pair.partition("=")
        if not sep or not field.strip():
            raise typer.BadParameter(f"{pair!r} is not FIELD=VALUE", param_hint="FIELD=VALUE")
        fields[field.strip()] = value
    return fields
