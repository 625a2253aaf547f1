"""Random and malformed text through the Extractor: no crash, every span an exact substring of
the document text, and under a budget every document comes back, in order."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.extract import Extractor, ExtractionFailure
from detente.records import Document

PIECES = ["Putin", "Zelensky", "Lavrov said", " said ", "according to", "Kyiv", "Kharkiv", "strike",
          "talks in Geneva", "“", "”", '"', "'", "«", "»", "‘", "’", ":", ",", ".", "\n", "\n\n", "\r\n",
          "\t", "  ", "\x00", "\u2028", "—", "(", ")", "Mr.", "the Kremlin", "ceasefire", "🙂", "ﬁ", "e\u0301"]
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=120).map("".join)
RUNS = st.tuples(st.sampled_from(['"', "“", ".", "a", "-", "\n"]), st.integers(0, 600)).map(lambda t: t[0] * t[1])


def spans_exact(extraction) -> None:
    text = extraction.document.text
    for q in extraction.quotes:
        assert text[q.start:q.end] == q.text
        if q.speaker.start is not None:
            assert 0 <= q.speaker.start <= q.speaker.end <= len(text)
    for c in extraction.claims:
        assert text[c.start:c.end] == c.evidence
    for e in extraction.events:
        assert text[e.start:e.end] == e.evidence
        for loc in e.locations:
            assert loc.start is None or 0 <= loc.start <= loc.end <= len(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(text=st.one_of(TEXT, RUNS, st.tuples(TEXT, RUNS, TEXT).map("".join)))
def test_random_text_extracts_with_exact_spans(nlp, text):
    spans_exact(Extractor(nlp=nlp).extract(Document(id="h", text=text)))


@settings(max_examples=2, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(st.one_of(TEXT, RUNS), min_size=3, max_size=6))
def test_every_document_comes_back_under_a_budget(texts):
    docs = [Document(id=f"d{k}", text=t) for k, t in enumerate(texts)]
    out = list(Extractor().pipe(docs, budget=60))
    assert [o.document.id for o in out] == [d.id for d in docs]
    for o in out:
        if not isinstance(o, ExtractionFailure):
            spans_exact(o)
