"""The per-article event index gives what reading every token would: the same line breaks and
every token that can trigger an event; the context gives the same entities per span as spaCy."""
import pytest

from detente.codebook import Codebook
from detente.extract.context import ArticleContext
from detente.extract.events import finder as events
from detente.extract.events.index import build
from detente.records import Document

TEXT = ("Russian drones struck Kharkiv overnight, officials said on Monday.\n\n"
        "Talks in Abu Dhabi\n"
        "Delegations met in Geneva on Tuesday and agreed to swap 150 prisoners of war. "
        "Putin said the meeting with Witkoff was useful.")


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(TEXT)


def test_entities_within_a_span_match_spacy(doc):
    ctx = ArticleContext(document=Document(id="t", text=TEXT), codebook=Codebook.bundled(), doc=doc)
    for sent in doc.sents:
        for start in range(sent.start, sent.end, 3):
            span = doc[start:sent.end]
            assert [(e.start, e.end, e.label_) for e in ctx.ents_in(span)] == \
                [(e.start, e.end, e.label_) for e in span.ents]


def test_line_breaks_are_the_tokens_holding_a_newline(doc):
    expected = [t.i for t in doc if "\n" in t.text or "\n" in t.whitespace_]
    assert expected and build(doc).breaks == expected


def test_no_trigger_outside_the_candidates(doc):
    index = build(doc)
    has_prisoners = index.any_within(index.prisoners, 0, len(doc))
    assert has_prisoners
    ctx = ArticleContext(document=Document(id="t", text=TEXT), codebook=Codebook.bundled(), doc=doc)
    triggering = [t.i for t in doc if events._trigger_type(t, has_prisoners, ctx)]
    assert triggering and set(triggering) <= set(index.triggers)


def test_empty_doc(nlp):
    empty = nlp("")
    index = build(empty)
    assert index.triggers == [] and index.breaks == []
    ctx = ArticleContext(document=Document(id="t", text=""), codebook=Codebook.bundled(), doc=empty)
    assert ctx.ents_in(empty[:]) == []
