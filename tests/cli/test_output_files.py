"""Files the CLI writes (briefs, charts, sealed forecasts) end as a plain open() would leave them,
written atomically; a .png is a PNG or an error; a listing cut at --limit says so."""
import importlib.util
import os
import stat

import plotly.graph_objects as go
import pytest

from detente.cli import common
from detente.errors import DetenteError
from detente.ledger import Ledger
from tests.cli.fakes import fill_three_quotes


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def _kaleido(monkeypatch, present: bool):
    real = importlib.util.find_spec
    monkeypatch.setattr(common.importlib.util, "find_spec",
                        lambda name, *a: (real("json") if present else None) if name == "kaleido" else real(name, *a))


def test_text_goes_into_missing_folders_with_the_umask_mode(tmp_path, umask_022, capsys):
    path = tmp_path / "out" / "b" / "brief.html"
    common.write_output(path, "<p>brief</p>")
    assert path.read_text(encoding="utf-8") == "<p>brief</p>" and stat.S_IMODE(path.stat().st_mode) == 0o644
    assert f"written: {path}" in capsys.readouterr().err
    assert [p.name for p in path.parent.iterdir()] == ["brief.html"]  # no temporary left beside it


def test_a_figure_is_written_as_html(tmp_path):
    common.write_output(tmp_path / "p.html", go.Figure(go.Scatter(x=[1, 2], y=[3, 4])))
    assert (tmp_path / "p.html").read_text(encoding="utf-8").startswith("<!doctype html>")


def test_png_without_kaleido_is_a_clear_error_and_no_file(tmp_path, monkeypatch):
    _kaleido(monkeypatch, present=False)
    for content in (go.Figure(), "<html>a chart as HTML</html>"):
        with pytest.raises(DetenteError, match="PNG charts need the optional package kaleido"):
            common.write_output(tmp_path / "charts" / "pos.png", content)
    assert not (tmp_path / "charts").exists()


def test_png_with_kaleido_is_drawn_by_it_and_text_is_refused(tmp_path, monkeypatch):
    _kaleido(monkeypatch, present=True)

    class Figure:
        def write_image(self, where, format):
            open(where, "wb").write(b"\x89PNG " + format.encode())

    common.write_output(tmp_path / "pos.png", Figure())
    assert (tmp_path / "pos.png").read_bytes() == b"\x89PNG png"
    with pytest.raises(DetenteError, match="only a chart is written as PNG"):
        common.write_output(tmp_path / "brief.png", "<html>brief</html>")


@pytest.fixture
def three_quotes(tmp_path):
    with Ledger(f"sqlite:///{tmp_path / 'ledger.sqlite'}") as ledger:
        fill_three_quotes(ledger)
        yield ledger


def test_a_full_page_is_counted_against_all_that_match(three_quotes, capsys):
    found, total = common.listed(three_quotes, "quote", 2)
    assert len(found) == 2 and total == 3
    assert common.listed(three_quotes, "quote", 2, party="RUS")[1] == 2
    assert common.listed(three_quotes, "claim", 5)[1] == 3
    common.print_shown(len(found), total)
    common.print_shown(2, 2)
    assert capsys.readouterr().out.strip() == "2 of 3 shown; --limit N for more"
