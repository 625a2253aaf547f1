"""Events the learned head adds: only where the rules found none, never a strike, a question, a
link line or a headline, each with the exact span of its sentence (sentences written for these
tests)."""
from __future__ import annotations

import numpy as np
import pytest

from detente.codebook import Codebook
from detente.extract.claims.model import ClaimModel, Head, load_model, sentence_words
from detente.extract.context import ArticleContext
from detente.extract.events.finder import find_events
from detente.extract.learned_events import learned_events
from detente.records import Document

TYPES = ["none", "meeting", "strike"]


def _model(threshold: float = 0.8) -> ClaimModel:
    """An event head that reads one word per type: 'envoys' means a meeting, 'drones' a strike."""
    vocab = {"w:envoys": 0, "w:drones": 1}
    coef = np.array([[0.0, 6.0, 0.0], [0.0, 0.0, 6.0]])
    head = Head(TYPES, coef, np.array([2.0, 0.0, 0.0]), "multiclass")
    return ClaimModel("t", vocab, {"event": head}, 0.5, 0.5, threshold)


def _ctx(nlp, text: str) -> ArticleContext:
    return ArticleContext(document=Document(id="t", text=text), codebook=Codebook.bundled(), doc=nlp(text))


def test_a_sentence_the_head_is_sure_of_becomes_an_event_with_its_exact_span(nlp):
    text = "The weather was mild. The envoys are due in the capital next month for another round."
    ctx = _ctx(nlp, text)
    [event] = learned_events(ctx, [], _model())
    assert event.type == "meeting" and text[event.start:event.end] == event.evidence
    assert event.evidence.startswith("The envoys") and event.evidence.endswith("round.")
    assert event.locations == [] and event.actor is None and event.date is None


def test_nothing_is_added_under_the_threshold_or_without_a_model(nlp):
    ctx = _ctx(nlp, "The envoys are due in the capital next month.")
    assert learned_events(ctx, [], _model(threshold=0.999)) == []
    assert learned_events(ctx, [], None) == []


def test_a_strike_a_question_a_link_line_and_a_headline_are_never_added(nlp):
    text = ("Dozens of drones flew over the city at night.\nWill the envoys come back?\n"
            "Read also: envoys meet again.\n\nEnvoys open a new round in Geneva\n\nThe weather was mild.")
    assert learned_events(_ctx(nlp, text), [], _model()) == []


@pytest.mark.model
def test_a_sentence_with_an_event_of_the_rules_gets_no_second_one(nlp):
    text = "Russian and Ukrainian envoys met in Istanbul on Monday for a second round of talks."
    ctx = _ctx(nlp, text)
    rules = find_events(ctx)
    assert rules and learned_events(ctx, rules, _model()) == rules


@pytest.mark.model
def test_the_shipped_head_tells_an_agreement_from_small_talk(nlp):
    model = load_model()
    head, cb = model.heads["event"], Codebook.bundled()

    def scores(text: str) -> dict[str, float]:
        sent = next(nlp(text).sents)
        logits = head.scores(model.index(sentence_words(sent, cb)), model.vector(sent))
        p = np.exp(logits - logits.max())
        return dict(zip(head.classes, p / p.sum()))

    deal = scores("The sides agreed to exchange 1,000 prisoners each.")
    chat = scores("The weather stayed mild on Tuesday.")
    assert deal["agreement"] > 0.5 > chat["agreement"] and max(chat, key=chat.get) == "none"


@pytest.mark.model
def test_claim_and_event_heads_read_each_sentence_once(nlp, monkeypatch):
    """Both heads read the same words of a sentence: they are read once per article."""
    from detente.extract import Extractor
    from detente.extract.claims import model as claim_model

    calls = []
    real = claim_model.lexical_issues   # the costly part of a sentence's words: every issue cue
    monkeypatch.setattr(claim_model, "lexical_issues", lambda text, cb: calls.append(text) or real(text, cb))
    text = "Moscow demanded that Kyiv leave the Donbas. The envoys are due in Geneva next month."
    Extractor(nlp=nlp).extract(Document(id="t", text=text))
    assert len(calls) == 2 and len(set(calls)) == 2
