"""HTML pages: article text and metadata via trafilatura; broken markup still gives text."""
import datetime as dt

import pytest

from detente.errors import SourceError
from detente.sources import read_file

PARAGRAPHS = [
    "Ukrainian and Russian delegations met in Istanbul on Monday for a second round of direct talks.",
    "Defence Minister Rustem Umerov said Kyiv had received the Russian memorandum only that morning.",
    "The two sides agreed to exchange prisoners of war, according to officials on both sides.",
]
PAGE = """<!DOCTYPE html><html><head><title>Talks in Istanbul | Example News</title>
<meta property="og:title" content="Talks in Istanbul">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2025-06-02T10:00:00Z">
<link rel="canonical" href="https://news.example.com/talks-istanbul">
<script>var tracking = "do not read me";</script></head>
<body><nav><a href="/">Home</a></nav><article><h1>Talks in Istanbul</h1>
%s</article><footer>Copyright</footer></body></html>""" % "".join(f"<p>{p}</p>" for p in PARAGRAPHS)


def test_article_text_and_metadata(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    doc, = read_file(path)
    for paragraph in PARAGRAPHS:
        assert paragraph in doc.text
    assert "tracking" not in doc.text and "Copyright" not in doc.text
    assert doc.title == "Talks in Istanbul"
    assert doc.outlet == "Example News"
    assert doc.url == "https://news.example.com/talks-istanbul"
    assert doc.published == dt.date(2025, 6, 2)


def test_truncated_html_still_gives_its_text(tmp_path):
    path = tmp_path / "cut.html"
    path.write_text(PAGE[: PAGE.index(PARAGRAPHS[2]) + 40], encoding="utf-8")
    doc, = read_file(path)
    assert PARAGRAPHS[0] in doc.text
    assert PARAGRAPHS[2][:40] in doc.text


def test_txt_file_that_is_really_html_is_read_as_html(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_text(PAGE, encoding="utf-8")
    doc, = read_file(path)
    assert "<p>" not in doc.text and PARAGRAPHS[1] in doc.text
    assert doc.outlet == "Example News"


def test_page_without_text_is_a_clear_error(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><script>x=1</script></head><body><div></div></body></html>", encoding="utf-8")
    with pytest.raises(SourceError, match="empty.html.*no article text"):
        read_file(path)


def test_dateline_in_page_text_when_metadata_has_no_date(tmp_path):
    path = tmp_path / "plain.html"
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    path.write_text(f"<html><body><h1>Talks</h1><p>2 June 14:05</p>{body}</body></html>", encoding="utf-8")
    assert read_file(path)[0].published is None
    assert read_file(path, reference_date=dt.date(2025, 6, 3))[0].published == dt.date(2025, 6, 2)


def test_folder_given_as_a_file_is_a_clear_error(tmp_path):
    with pytest.raises(SourceError, match="is a folder, not a regular file"):
        read_file(tmp_path)


def test_html_fragment_in_a_txt_file_is_read_as_html(tmp_path):
    path = tmp_path / "fragment.txt"
    path.write_text("<div class='story'>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</div>", encoding="utf-8")
    doc, = read_file(path)
    assert "<p>" not in doc.text and all(p in doc.text for p in PARAGRAPHS)


def test_lxml_fallback_when_trafilatura_finds_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr("detente.sources.html.trafilatura.bare_extraction", lambda *a, **k: None)
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    doc, = read_file(path)
    assert all(p in doc.text for p in PARAGRAPHS)
    assert "tracking" not in doc.text and "Home" not in doc.text
    assert doc.title == "Talks in Istanbul | Example News"


def test_xhtml_with_an_encoding_declaration(tmp_path, monkeypatch):
    monkeypatch.setattr("detente.sources.html.trafilatura.bare_extraction", lambda *a, **k: None)
    path = tmp_path / "page.xhtml"
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n' + PAGE.split("\n", 1)[1], encoding="utf-8")
    assert PARAGRAPHS[0] in read_file(path)[0].text
