"""detente bargain run: predict where talks land with the classic spatial bargaining models."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from detente.bargaining import registry
from detente.bargaining.chart import bargaining_figure
from detente.bargaining.inputs import weightless_issues
from detente.bargaining.io import read_inputs
from detente.bargaining.montecarlo import monte_carlo
from detente.bargaining.serialize import result_to_dict
from detente.cli.app import app
from detente.errors import DetenteError

bargain_app = typer.Typer(help="Spatial bargaining models: compromise, median, Nash, ZOPA, EU, SMP.",
                          no_args_is_help=True)
app.add_typer(bargain_app, name="bargain")


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(1)


def _models(model: str) -> list[str]:
    if model == "all":
        return registry.available()
    if model not in registry.available():
        _fail(f"unknown or unavailable model {model!r}; choose from {', '.join(registry.available())}, all")
    return [model]


def _table(results) -> Table:
    mc = any("draws" in r.details for r in results)
    t = Table(title="Predicted outcomes" + (" (Monte Carlo mean, P(deadlock))" if mc else ""))
    t.add_column("issue")
    for r in results:
        t.add_column(r.model, justify="right")
    for j, issue in enumerate(results[0].issues):
        t.add_row(issue, *(_cell(r, j, mc) for r in results))
    return t


def _cell(r, j: int, mc: bool) -> str:
    v, dead = r.outcome[j], r.deadlock[j]
    text = "n/a" if v != v else f"{v:.1f}"
    if mc and dead == dead:
        return f"{text}  P={dead:.2f}"
    return text + ("  deadlock" if dead == 1 else "")


def _clash_lines(results) -> list[str]:
    """Why a ZOPA is empty: whose red lines face each other on which issue, and how far apart."""
    lines = []
    for r in results:
        for issue, c in (r.details.get("clashes") or {}).items():
            lines.append(f"{r.model} · {issue}: red lines clash — at least: {', '.join(c['at_least'])}; "
                         f"at most: {', '.join(c['at_most'])}; gap {float(c['gap']):.1f}")
    return lines


def _check_chart(path: Path | None) -> None:
    if path is None:
        return
    if path.suffix.lower() not in (".html", ".htm", ".png"):
        _fail(f"--chart must end in .html or .png, not {path.name!r}")
    if path.suffix.lower() == ".png" and importlib.util.find_spec("kaleido") is None:
        _fail("PNG charts need the optional package kaleido (pip install kaleido); "
              "use --chart out.html instead")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        _fail(f"--chart: cannot create the folder {path.parent} ({e.strerror})")
    if path.is_dir():
        _fail(f"--chart: {path} is a folder; name a file such as {path / 'chart.html'}")


def _save_chart(fig, path: Path) -> None:
    """Written beside its final name and moved there, so a failed write leaves no half chart."""
    part = path.with_name(f".{path.name}.part")
    try:
        if path.suffix.lower() == ".png":
            fig.write_image(str(part), format="png")
        else:
            fig.write_html(str(part), include_plotlyjs=True)
        part.replace(path)
    except OSError as e:
        part.unlink(missing_ok=True)
        _fail(f"--chart: cannot write {path} ({e.strerror})")
    typer.echo(f"chart written to {path}", err=True)


@bargain_app.command()
def run(file: Path = typer.Argument(..., help="inputs: detente YAML/CSV, KTAB CSV, BDM CSV or DEU TSV"),
        model: str = typer.Option(registry.DEFAULT_MODEL, "--model", "-m",
                                  help="compromise | median | nash | zopa | eu | smp | all"),
        issue: str | None = typer.Option(None, "--issue", help="run only this issue id"),
        draws: int = typer.Option(0, "--draws", min=0, help="Monte Carlo draws over the inputs' ranges (0 = none)"),
        seed: int = typer.Option(0, "--seed", min=0, help="random seed for Monte Carlo"),
        fmt: str = typer.Option("table", "--format", help="table | json"),
        chart: Path | None = typer.Option(None, "--chart",
                                          help="write a chart: out.html or out.png (missing folders are created)")) -> None:
    """Run one model (or all) on FILE and print outcomes per issue, with deadlocks."""
    if fmt not in ("table", "json"):
        _fail(f"--format must be table or json, not {fmt!r}")
    _check_chart(chart)
    names = _models(model)
    try:
        x = read_inputs(file, issue)
        for name in weightless_issues(x):
            typer.echo(f"warning: on issue {name} every actor's salience × capability is 0; "
                       "the weighted models count all actors alike there", err=True)
        results = [monte_carlo(x, m, draws, seed) if draws > 0 else registry.run(m, x) for m in names]
    except DetenteError as e:
        _fail(str(e))
    if fmt == "json":
        docs = [result_to_dict(r) for r in results]
        typer.echo(json.dumps(docs if model == "all" else docs[0], indent=1))
    else:
        console = Console()
        console.print(_table(results))
        for line in _clash_lines(results):
            console.print(line, highlight=False, soft_wrap=True)
    if chart is not None:
        _save_chart(bargaining_figure(x, results, title=file.name), chart)
