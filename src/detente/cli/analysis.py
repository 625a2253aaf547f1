"""detente positions, shifts, leaks: where each party stands and how it moved, with the claims behind it.

Party and issue codes are taken in any case ("rus", "Territory") and resolved by ``codebook/codes.py``,
as the ledger listings and the REST API resolve them."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import typer
from rich.table import Table

from detente.codebook import codes
from detente.cli.app import app
from detente.cli.common import (DB_HELP, FORMAT_HELP, FORMATS, cell, check_choice, console, errors, fails_plainly,
                                open_ledger, parse_date, print_items, write_output)


def emit(items: list, fmt: str, table: Table, rows) -> None:
    """Print items as JSON, JSON lines or CSV, or the given Rich table filled by ``rows``."""
    if print_items(items, fmt):
        return
    for row in rows:
        table.add_row(*row)
    console.print(table)


def _claim(ref) -> str:
    if ref is None:
        return "-"
    where = f"@{ref.position:g}" if ref.position is not None else "unplaced"  # a rejection a turn starts from
    return f"#{ref.id} {ref.date} {ref.source_type}{' hedged' if ref.hedged else ''} {where}: {ref.evidence}"


@app.command()
@fails_plainly
def positions(party: str | None = typer.Option(None, "--party"), issue: str | None = typer.Option(None, "--issue"),
              until: str | None = typer.Option(None, "--until", metavar="DATE"),
              fmt: str = typer.Option("table", "--format", help=FORMAT_HELP),
              chart: Path | None = typer.Option(None, "--chart", metavar="PATH", help="also write a Plotly HTML chart"),
              db: str | None = typer.Option(None, "--db", metavar="URL", help=DB_HELP)) -> None:
    """Each party's position over time per issue (0–100 codebook scale), weighted by provenance."""
    from detente.analysis import positions as compute

    check_choice(fmt, FORMATS, "--format")
    with open_ledger(db) as ledger:
        series = compute(ledger, **codes.known(ledger.codebook, {"party": party, "issue": issue}),
                         until=parse_date(until, "--until"))
        if chart:
            from detente.analysis.charts import positions_figure

            write_output(chart, positions_figure(series))
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
           fmt: str = typer.Option("table", "--format", help=FORMAT_HELP),
           db: str | None = typer.Option(None, "--db", metavar="URL", help=DB_HELP)) -> None:
    """Moves on an issue's scale: escalation, softening, new demand or reversal, with the claims before and after."""
    from detente.analysis import shifts as compute

    check_choice(fmt, FORMATS, "--format")
    with open_ledger(db) as ledger:
        found = compute(ledger, **codes.known(ledger.codebook, {"party": party, "issue": issue}),
                        since=parse_date(since, "--since"), until=parse_date(until, "--until"))
    table = Table("date", "party", "issue", "kind", "move", "how sure", "before", "after", title="Shifts",
                  title_justify="left", expand=True)
    rows = ((str(s.date), s.party, s.issue, s.kind,
             s.move(),
             cell(s.status), cell(_claim(s.before), 80), cell(_claim(s.after), 80)) for s in found)
    emit(found, fmt, table, rows)


@app.command()
@fails_plainly
def leaks(party: str | None = typer.Option(None, "--party"), issue: str | None = typer.Option(None, "--issue"),
          status: str | None = typer.Option(None, "--status", help="unconfirmed, confirmed or denied"),
          fmt: str = typer.Option("table", "--format", help=FORMAT_HELP),
          db: str | None = typer.Option(None, "--db", metavar="URL", help=DB_HELP)) -> None:
    """Anonymous and media claims: unconfirmed until the party's own record confirms or denies them."""
    from detente.analysis import leaks as compute

    check_choice(fmt, FORMATS, "--format")
    if status:
        check_choice(status, ("unconfirmed", "confirmed", "denied"), "--status")
    with open_ledger(db) as ledger:
        found = compute(ledger, **codes.known(ledger.codebook, {"party": party, "issue": issue}), status=status)
    table = Table("reported", "party", "issue", "status", "resolved", "leak", "on record", title="Leaks",
                  title_justify="left", expand=True)
    rows = ((str(k.reported), k.party, k.issue, k.status, str(k.resolved or ""), cell(_claim(k.claim), 90),
             cell(_claim(k.resolved_by), 60)) for k in found)
    emit(found, fmt, table, rows)


@app.command("talks-vs-war")
@fails_plainly
def talks_vs_war(freq: str = typer.Option("week", "--freq", help="week or day"),
                 since: str | None = typer.Option(None, "--since", metavar="DATE"),
                 until: str | None = typer.Option(None, "--until", metavar="DATE"),
                 fmt: str = typer.Option("table", "--format", help=FORMAT_HELP),
                 chart: Path | None = typer.Option(None, "--chart", metavar="PATH", help="also write a Plotly HTML chart"),
                 acled: Path | None = typer.Option(None, "--acled", metavar="CSV",
                                                   help="your own ACLED export (ACLED's column names), shown beside"),
                 db: str | None = typer.Option(None, "--db", metavar="URL", help=DB_HELP)) -> None:
    """Talks (meetings, progress vs deadlock claims) beside strikes and fighting, per week or day."""
    from detente.analysis import talks_vs_war as compute

    check_choice(fmt, FORMATS, "--format")
    check_choice(freq, ("week", "day"), "--freq")
    with open_ledger(db) as ledger:
        result = compute(ledger, freq=freq, since=parse_date(since, "--since"), until=parse_date(until, "--until"),
                         acled=_acled(acled))
    if chart:
        from detente.analysis.charts import talks_figure

        write_output(chart, talks_figure(result))
    if fmt == "json":
        typer.echo(result.model_dump_json(indent=1))
        return
    table = Table("from", "meetings", "progress", "deadlock", "tone", "strikes", "fighting", "ACLED", "places",
                  title="Talks against the war", title_justify="left", expand=True)
    rows = ((str(b.start), str(b.meetings), str(b.progress), str(b.deadlock),
             " ".join(f"{p}:{v:g}" for p, v in sorted(b.tone.items())), str(b.strikes), str(b.fighting),
             "" if b.acled_strikes is None else f"{b.acled_strikes}/{b.acled_battles}/{b.acled_fatalities}",
             cell(", ".join(b.places), 60)) for b in result.buckets)
    emit(result.buckets, fmt, table, rows)
    out = console if fmt == "table" else errors  # stdout stays one kind of row, parseable as a whole
    for d in result.divergences:
        out.print(cell(f"divergence, {d.start}: {d.text} (claims {d.claim_ids}, events {d.event_ids})"), soft_wrap=True)


forecast_app = typer.Typer(help="Forecasts from the ledger; `detente forecast score` scores sealed ones.",
                           no_args_is_help=False)
app.add_typer(forecast_app, name="forecast")


@forecast_app.callback(invoke_without_command=True)
@fails_plainly
def forecast(ctx: typer.Context, date: str | None = typer.Option(None, "--date", metavar="DATE"),
             draws: int = typer.Option(1000, "--draws", min=1), seed: int = typer.Option(0, "--seed", min=0),
             overrides: Path | None = typer.Option(None, "--overrides", metavar="YAML",
                                                   help="analyst overrides: positions, capability, salience, drop, concession"),
             seal: Path | None = typer.Option(None, "--seal", metavar="PATH",
                                              help="write the forecast with the ledger hash and a SHA-256 commitment"),
             fmt: str = typer.Option("table", "--format", help="table or json"),
             db: str | None = typer.Option(None, "--db", metavar="URL", help=DB_HELP)) -> None:
    """Predicted outcome per issue by each bargaining model, zone of agreement, deadlock probability."""
    if ctx.invoked_subcommand:
        return
    from detente.analysis import forecast as compute
    from detente.analysis.forecast import check_overrides
    from detente.analysis.forecast import seal as make_seal

    check_choice(fmt, ("table", "json"), "--format")
    if seal and seal.exists():
        from detente.errors import DetenteError

        raise DetenteError(f"{seal} exists: a sealed forecast is never overwritten; choose another path")
    with open_ledger(db) as ledger:
        wanted = codes.overrides(ledger.codebook, check_overrides(_yaml(overrides)))  # "rus" is RUS
        f = compute(ledger, date=parse_date(date, "--date"), draws=draws, seed=seed, overrides=wanted)
    if seal:
        write_output(seal, json.dumps(make_seal(f), indent=1, ensure_ascii=False))
    if fmt == "json":
        typer.echo(f.model_dump_json(indent=1))
        return
    _forecast_table(f)


@forecast_app.command("score")
@fails_plainly
def forecast_score(sealed: Path = typer.Argument(..., help="a file written by `detente forecast --seal`"),
                   outcomes: Path = typer.Argument(..., help="YAML/JSON: {issue: {outcome: 0-100, deadlock: true|false}}")) -> None:
    """Score a sealed forecast against recorded outcomes: absolute error per model, Brier score for deadlock."""
    from detente.analysis.forecast import score

    typer.echo(json.dumps(score(_json(sealed), _yaml(outcomes)), indent=1))


@app.command()
@fails_plainly
def scenario(set_: list[str] = typer.Option([], "--set", metavar="PARTY.ISSUE=VALUE",
                                            help="a position override, e.g. RUS.territory=50"),
             drop: list[str] = typer.Option([], "--drop", metavar="PARTY", help="leave a party out (e.g. USA)"),
             changes: Path | None = typer.Option(None, "--changes", metavar="YAML", help="overrides as in forecast"),
             date: str | None = typer.Option(None, "--date", metavar="DATE"),
             draws: int = typer.Option(1000, "--draws", min=1), seed: int = typer.Option(0, "--seed", min=0),
             fmt: str = typer.Option("table", "--format", help="table or json"),
             db: str | None = typer.Option(None, "--db", metavar="URL", help=DB_HELP)) -> None:
    """The forecast with changed inputs ("RUS drops the de jure demand", "the US stops mediating") beside the baseline."""
    from detente.analysis import scenario as compute
    from detente.analysis.forecast import check_overrides

    check_choice(fmt, ("table", "json"), "--format")
    wanted = check_overrides(_yaml(changes))  # checked before --set and --drop add to it
    for item in set_:
        party, issue, value = _set_position(item)
        wanted.setdefault("positions", {}).setdefault(party, {})[issue] = value
    if drop:
        wanted["drop"] = list(wanted.get("drop", [])) + drop
    with open_ledger(db) as ledger:
        wanted = codes.overrides(ledger.codebook, wanted)  # "rus.Territory" is RUS.territory
        result = compute(ledger, wanted, date=parse_date(date, "--date"), draws=draws, seed=seed)
    if fmt == "json":
        typer.echo(result.model_dump_json(indent=1))
        return
    table = Table("issue", "compromise before", "after", "deadlock before", "after", title=f"Scenario {wanted}",
                  title_justify="left")
    for d in result.differences:
        table.add_row(d.issue, *(_fmt(v) for v in (d.compromise_before, d.compromise_after, d.deadlock_before,
                                                    d.deadlock_after)))
    console.print(table)


def _set_position(item: str) -> tuple[str, str, float]:
    """``RUS.territory=50`` as (party, issue, value); a missing part is a usage error, not an empty name."""
    key, _, value = item.partition("=")
    party, _, issue = key.partition(".")
    try:
        if party and issue:
            return party, issue, float(value)
    except ValueError:
        pass
    raise typer.BadParameter(f"{item!r} is not PARTY.ISSUE=NUMBER", param_hint="--set")


@app.command()
@fails_plainly
def brief(date: str | None = typer.Option(None, "--date", metavar="DATE"),
          fmt: str = typer.Option("terminal", "--format", help="terminal, markdown, text, html or json"),
          out: Path | None = typer.Option(None, "--out", metavar="PATH", help="write to a file instead"),
          db: str | None = typer.Option(None, "--db", metavar="URL", help=DB_HELP)) -> None:
    """One page: where the talks stand, per issue, with shifts, open leaks and talks against the war."""
    check_choice(fmt, ("terminal", "markdown", "text", "html", "json"), "--format")
    with open_ledger(db) as ledger:
        show_brief(ledger, parse_date(date, "--date"), fmt, out)


def show_brief(ledger, date=None, fmt: str = "terminal", out: Path | None = None) -> None:
    from detente.analysis import brief as compute
    from detente.analysis.brief import markdown, text, to_html

    b = compute(ledger, date=date)
    rendered = {"markdown": markdown, "text": text, "html": to_html,
                "json": lambda x: x.model_dump_json(indent=1), "terminal": markdown}[fmt](b)
    if out:
        write_output(out, rendered)
    elif fmt == "terminal":
        from rich.markdown import Markdown

        console.print(Markdown(rendered))
    else:
        typer.echo(rendered)


def _forecast_table(f) -> None:
    table = Table("issue", "positions", *f.models, "MC 90%", "zone", "deadlock",
                  title=f"Forecast for {f.date} (ledger {f.ledger_hash[:12]})", title_justify="left")
    for i in f.issues:
        table.add_row(i.issue, " ".join(f"{p}:{v:g}" for p, v in i.positions.items()),
                      *(_fmt(i.outcomes.get(m)) for m in f.models), f"{_fmt(i.low)}–{_fmt(i.high)}",
                      f"{i.zone[0]:g}–{i.zone[1]:g}" if i.zone else "-", _fmt(i.deadlock))
    console.print(table)
    for note in f.notes:
        console.print(cell(note))


def _fmt(v) -> str:
    return "-" if v is None else f"{v:g}"


def _yaml(path: Path | None) -> dict | None:
    if path is None:
        return None
    import yaml

    from detente.errors import DetenteError

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DetenteError(f"cannot read {path}: {_first_line(exc)}") from None
    if not isinstance(data, dict):
        raise DetenteError(f"{path}: expected a mapping")
    return data


def _acled(path: Path | None) -> list[dict] | None:
    from detente.errors import DetenteError

    if path is None:
        return None
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise DetenteError(f"cannot read ACLED export {path}: {exc}") from None
    if rows and not {"event_date", "event_type"} <= set(rows[0]):
        raise DetenteError(f"{path}: not an ACLED export (needs the columns event_date and event_type)")
    return rows


def _json(path: Path) -> dict:
    from detente.errors import DetenteError

    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DetenteError(f"cannot read {path}: {_first_line(exc)}") from None


def _first_line(exc: Exception) -> str:
    """A parser's message without its quoted excerpt of the file: the error stays one line."""
    if isinstance(exc, UnicodeDecodeError):
        return f"not UTF-8 text (byte {exc.start})"
    mark = getattr(exc, "problem_mark", None)  # YAML: where, not a quoted excerpt
    if mark is not None:
        return f"{exc.problem} (line {mark.line + 1}, column {mark.column + 1})"
    return str(exc).strip().splitlines()[0]
