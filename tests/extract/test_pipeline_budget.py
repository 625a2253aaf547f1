"""A document over its time budget fails with its reason and the batch goes on; long texts are
parsed in pieces that map back to the whole text."""
import pytest

from detente.extract import Extractor, ExtractionFailure
from detente.extract.pieces import MAX_RUN, cuts, parse
from detente.records import Document

SHORT = "Sergey Lavrov said that Moscow would not accept foreign troops."
LONG = "The delegations met again in Geneva and talked until late. " * 6000  # ~360k chars: many seconds to parse


def batch():
    return [Document(id="a", text=SHORT), Document(id="long", text=LONG), Document(id="b", text=SHORT)]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_document_over_budget_fails_and_the_batch_goes_on(workers):
    out = list(Extractor(components=("quotes", "claims")).pipe(batch(), workers=workers, budget=2))
    assert [o.document.id for o in out] == ["a", "long", "b"]
    assert isinstance(out[1], ExtractionFailure)
    assert out[1].reason == "extraction took longer than 2 s"
    assert not isinstance(out[0], ExtractionFailure) and not isinstance(out[2], ExtractionFailure)
    assert out[0].claims and out[2].claims  # the worker that replaced the stopped one extracts


def test_cuts_fall_on_paragraphs_and_concatenate_back():
    text = ("A paragraph of some length.\n\n" * 50) + "x" * 450 + " end"
    at = cuts(text, limit=200)
    assert at[0] == 0 and at[-1] == len(text) and at == sorted(at)
    pieces = [text[a:b] for a, b in zip(at, at[1:])]
    assert "".join(pieces) == text
    assert all(len(p) <= 200 for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces[:-1] if "x" not in p)  # paragraph boundaries
    assert max(len(p) for p in pieces if set(p) == {"x"}) <= MAX_RUN  # the long run is chopped


def test_pieces_join_into_one_doc_with_exact_offsets(nlp):
    text = "Putin said “we are ready” in Moscow.\n\nZelensky replied in Kyiv.\n\n" + '"' * 500
    ((doc, ctx),) = list(parse(nlp, [(text, "ctx")]))
    assert ctx == "ctx" and doc.text == text
    assert len(cuts(text)) > 2  # really pieces
    for tok in doc:
        assert text[tok.idx:tok.idx + len(tok.text)] == tok.text
    assert any(s.text.startswith("Zelensky") for s in doc.sents)


def test_text_over_spacys_limit_is_extracted(nlp, monkeypatch):
    monkeypatch.setattr(nlp, "max_length", 2000)  # the real limit (1M) takes a minute to reach
    text = "Kyiv, 6 February.\n\n" + ("“We will meet in Geneva on Friday,” Lavrov said.\n\n" * 200)
    assert len(text) > 4 * nlp.max_length
    extraction = Extractor(nlp=nlp, components=("quotes", "events")).extract(Document(id="big", text=text))
    assert len(extraction.quotes) == 200
    for q in extraction.quotes:
        assert text[q.start:q.end] == q.text
    for e in extraction.events:
        assert text[e.start:e.end] == e.evidence
