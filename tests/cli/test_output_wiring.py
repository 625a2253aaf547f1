"""The commands that write files or cut listings use the shared helpers of cli/common: brief --out
and --chart make missing folders and never write HTML into a .png; quotes/claims/events say when
--limit cut the table."""
import os
import stat

import pytest

from detente.ledger import Ledger
from tests.cli.fakes import fill_three_quotes


@pytest.fixture
def filled(run):
    with Ledger(f"sqlite:///{run.db}") as led:
        fill_three_quotes(led)
    return run


def test_a_png_chart_without_kaleido_fails_in_one_line(filled, tmp_path, monkeypatch):
    from detente.cli import common

    real = common.importlib.util.find_spec
    monkeypatch.setattr(common.importlib.util, "find_spec",
                        lambda name, *a: None if name == "kaleido" else real(name, *a))
    result = filled("positions", "--chart", "pos.png")
    assert result.exit_code == 1 and "kaleido" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "pos.png").exists()


@pytest.mark.parametrize("args, written", [
    (("brief", "--format", "html", "--out", "out/b/brief.html"), "out/b/brief.html"),
    (("positions", "--chart", "charts/p.html"), "charts/p.html"),
    (("talks-vs-war", "--chart", "charts/t.html"), "charts/t.html")])
def test_files_go_into_missing_folders_with_the_umask_mode(filled, tmp_path, args, written):
    old = os.umask(0o022)
    try:
        result = filled(*args)
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE((tmp_path / written).stat().st_mode) == 0o644 and ".tmp" not in result.output


def test_a_listing_cut_at_the_limit_says_so(filled):
    assert "2 of 3 shown; --limit N for more" in filled("quotes", "--limit", "2").output
    assert "shown" not in filled("quotes").output
    assert "1 of 3 shown" in filled("claims", "--party", "RUS", "--limit", "1").output
    assert "2 of 3 shown" in filled("events", "--type", "strike", "--limit", "2").output
    assert "shown" not in filled("quotes", "--limit", "2", "--format", "jsonl").output
