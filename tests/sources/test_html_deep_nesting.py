"""Text nested deeper than lxml's default limit (256 levels) is kept, never dropped or refused."""
import pytest

from detente.sources import read_file
from detente.sources.html import html_to_text

TOP = "Delegations from both sides arrived in Geneva on Monday for another round of talks."
DEEP = "The deepest paragraph says the negotiators agreed to exchange prisoners next week."


def _page(depth: int, tag: str = "div") -> str:
    return (f"<html><head><title>Deep page</title></head><body><article><p>{TOP}</p>"
            + f"<{tag}>" * depth + f"<p>{DEEP}</p>" + f"</{tag}>" * depth + "</article></body></html>")


@pytest.mark.parametrize("depth", [10, 300, 1500, 3000])
def test_deep_text_is_kept(tmp_path, depth):
    path = tmp_path / "deep.html"
    path.write_text(_page(depth), encoding="utf-8")
    doc, = read_file(path)
    assert DEEP in doc.text
    assert any("deeper than" in w for w in doc.warnings) == (depth > 2048)


@pytest.mark.parametrize("depth", [300, 3000])
def test_a_page_whose_only_text_is_deep_is_read(tmp_path, depth):
    path = tmp_path / "only-deep.html"
    path.write_text("<html><body>" + "<span>" * depth + DEEP + "</span>" * depth + "</body></html>",
                    encoding="utf-8")
    doc, = read_file(path)
    assert DEEP in doc.text


def test_html_to_text_past_the_tree_limit_drops_scripts_and_breaks_paragraphs():
    markup = ("<body><script>var hidden = 1;</script>" + "<div>" * 2500 + f"<p>{TOP}</p><p>{DEEP}</p>"
              + "</div>" * 2500 + "</body>")
    assert html_to_text(markup) == f"{TOP}\n{DEEP}"
