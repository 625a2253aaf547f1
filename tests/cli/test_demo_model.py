"""The README's first command: ``detente demo`` with the real extractor over the bundled samples."""
import pytest
from typer.testing import CliRunner

from detente.cli import app


@pytest.mark.model
def test_demo_ingests_samples_and_reports(tmp_path, monkeypatch):
    from detente.sources import sample_paths

    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    first = runner.invoke(app, ["demo"])
    assert first.exit_code == 0, first.output
    assert (tmp_path / "detente-demo.sqlite").exists()
    added = [line for line in first.output.splitlines() if line.startswith("added ")]
    assert len(added) >= len(sample_paths())  # a feed or JSONL file may hold several articles
    assert "quotes" in first.output
    assert "Where the talks stand" in first.output  # the demo ends with the brief
    again = runner.invoke(app, ["demo"])
    assert again.exit_code == 0 and f"0 added, {len(added)} skipped" in again.output


def test_workers_reach_an_extractor_that_takes_them(monkeypatch):
    import detente.extract as extract
    from detente.cli.common import extractor_for

    class PipeWorkers:
        def __init__(self, codebook):
            pass

        def pipe(self, documents, workers: int = 1, budget: float | None = None):
            return iter(())

    monkeypatch.setattr(extract, "Extractor", PipeWorkers)
    monkeypatch.delenv("DETENTE_EXTRACTION_BUDGET", raising=False)
    assert extractor_for(None, 3)[1] == {"workers": 3, "budget": 120.0}
    assert extractor_for(None, 1, 0)[1] == {"workers": 1, "budget": None}  # 0: no limit
    monkeypatch.setenv("DETENTE_EXTRACTION_BUDGET", "7.5")
    assert extractor_for(None, 1)[1]["budget"] == 7.5
