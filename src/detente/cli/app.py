"""The Typer application every command module registers on."""
import typer

app = typer.Typer(name="detente", help="Where peace talks really stand, from the news, with evidence.",
                  no_args_is_help=True, add_completion=False)


@app.command()
def version() -> None:
    """Print detente's version."""
    from detente import __version__

    typer.echo(__version__)
