"""Random and malformed input through every reader: a Document or a clear SourceFailure per file,
never an exception, never a hang (hypothesis)."""
import json
import tempfile
import threading
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.records import Document
from detente.sources import SourceFailure, iter_documents

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WORDS = st.sampled_from(["talks", "Kyiv", "“progress”", "ceasefire", "&amp;", "&#x0;", "<", ">", "]]>", "\x00",
                         "\ufeff", "é", "\r\n", "\n\n", "{", "}", "[", "]", '"', "\\", "\udcff"[:0] + "ℹ"])
TEXTISH = st.lists(st.one_of(WORDS, st.text(max_size=20)), max_size=40).map(" ".join)
TAGS = st.sampled_from(["p", "div", "span", "article", "script", "style", "head", "body", "html", "br", "table",
                        "li", "title", "svg", "!--", "![CDATA[", "?xml", "meta"])


def _read_all(name: str, data: bytes, seconds: float = 60.0) -> list:
    """Every item of one file, read in a thread that must finish (a hang fails the test)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        out: list = []
        worker = threading.Thread(target=lambda: out.extend(iter_documents([path])), daemon=True)
        worker.start()
        worker.join(seconds)
        assert not worker.is_alive(), f"reading {name} did not end"
    assert out, "a file gives at least one item"
    for item in out:
        assert isinstance(item, (Document, SourceFailure))
        if isinstance(item, SourceFailure):
            assert item.reason.strip() and "\n" not in item.reason and "Traceback" not in item.reason
        else:
            assert item.text.strip()
    return out


@st.composite
def html_pages(draw):
    parts = []
    for _ in range(draw(st.integers(0, 30))):
        tag = draw(TAGS)
        depth = draw(st.sampled_from([1, 1, 2, 5, 300, 2500]))
        close = draw(st.booleans())
        text = draw(TEXTISH)
        parts.append(f"<{tag}>" * depth + text + (f"</{tag}>" * depth if close else ""))
    page = "<html><body>" + "".join(parts)
    return page[: draw(st.integers(0, len(page)))] if draw(st.booleans()) else page


@st.composite
def json_texts(draw):
    value = draw(st.recursive(st.none() | st.booleans() | st.floats() | st.integers() | TEXTISH,
                              lambda inner: st.lists(inner, max_size=4)
                              | st.dictionaries(st.sampled_from(["text", "title", "published", "url", "x"]),
                                                inner, max_size=4), max_leaves=20))
    text = json.dumps(value, allow_nan=True)
    if draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)))]
    if draw(st.integers(0, 5)) == 0:
        text = "[" * draw(st.integers(1000, 50_000)) + text
    return text


@st.composite
def feeds(draw):
    atom = draw(st.booleans())
    entries = "".join(
        (f"<entry><title>{draw(TEXTISH)}</title><content type='html'>{draw(TEXTISH)}</content>"
         f"<updated>{draw(st.sampled_from(['2026-02-06T09:00:00Z', 'yesterday', '']))}</updated></entry>")
        if atom else
        (f"<item><title>{draw(TEXTISH)}</title><description>{draw(TEXTISH)}</description>"
         f"<pubDate>{draw(st.sampled_from(['Fri, 06 Feb 2026 09:00:00 GMT', 'soon', '']))}</pubDate></item>")
        for _ in range(draw(st.integers(0, 4))))
    doc = (f"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>F</title>{entries}</feed>"
           if atom else f"<?xml version='1.0'?><rss version='2.0'><channel><title>F</title>{entries}</channel></rss>")
    return doc[: draw(st.integers(0, len(doc)))] if draw(st.booleans()) else doc


@FUZZ
@given(st.binary(max_size=4000), st.sampled_from(["a.txt", "a.html", "a.json", "a.jsonl", "a.xml", "a.md"]))
def test_random_bytes_under_any_name(data, name):
    _read_all(name, data)


@FUZZ
@given(TEXTISH, st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1"]))
def test_random_text(text, encoding):
    _read_all("a.txt", text.encode(encoding, errors="replace"))


@FUZZ
@given(html_pages())
def test_malformed_html(page):
    _read_all("a.html", page.encode("utf-8", errors="replace"))


@FUZZ
@given(json_texts(), st.sampled_from(["a.json", "a.txt"]))
def test_malformed_json(text, name):
    _read_all(name, text.encode("utf-8", errors="replace"))


@FUZZ
@given(st.lists(json_texts(), min_size=1, max_size=5))
def test_malformed_json_lines(lines):
    items = _read_all("a.jsonl", "\n".join(lines).encode("utf-8", errors="replace"))
    assert all(isinstance(i, Document) or i.path.startswith(("/", "a")) for i in items)


@FUZZ
@given(feeds())
def test_malformed_feeds(feed):
    _read_all("a.xml", feed.encode("utf-8", errors="replace"))
