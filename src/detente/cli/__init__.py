"""detente's command line. Each module registers its commands on ``app``."""
from detente.cli.app import app
from detente.cli import analysis, articles, bargain, browse, codebook, export, report, review, serve  # noqa: F401  (registers commands)


def main() -> None:
    app()
