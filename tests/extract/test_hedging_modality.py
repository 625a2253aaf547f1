"""Hedges flag doubt; negation and hypotheticals are read from the parse."""
import pytest

from detente.codebook import Codebook
from detente.extract.claims.finder import find_claims
from detente.extract.context import ArticleContext
from detente.extract.claims.hedging import is_hypothetical, is_negated, sentence_hedges
from detente.extract.pipeline import load_nlp
from detente.records import Document

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _claims(nlp, text):
    ctx = ArticleContext(document=Document(id="t", text=text), codebook=Codebook.bundled(), doc=nlp(text))
    return find_claims(ctx, [])


@pytest.mark.parametrize("text, hedge", [
    ("Moscow reportedly demands the whole of Donbas.", "reportedly"),
    ("Ushakov warned that Moscow may reject parts of the revised peace plan.", "may"),
    ("According to preliminary data, Kyiv has rejected a freeze on the line of contact.", "according to preliminary data"),
])
def test_hedge_words_mark_claims(nlp, text, hedge):
    claims = _claims(nlp, text)
    assert claims and all(c.hedged for c in claims)
    assert any(h.lower() == hedge for c in claims for h in c.hedges)


def test_plain_statement_is_not_hedged(nlp):
    claims = _claims(nlp, "Kyiv has rejected the notion of giving up territory to Russia.")
    assert claims and not any(c.hedged for c in claims)


def test_if_confirmed_later_hedges_the_topic(nlp):
    text = ("The Kremlin now has one more condition: Donbas must be recognised as Russian in law. "
            "If these reports about recognising Donbas in law are confirmed, talks will stall.")
    claim = next(c for c in _claims(nlp, text) if c.issue == "territory")
    assert claim.hedged and "if confirmed" in claim.hedges


def test_negation_and_condition_from_parse(nlp):
    doc = nlp("Ukraine will not accept the plan if Russia agrees to nothing.")
    sent = next(doc.sents)
    accept = next(t for t in doc if t.lemma_ == "accept")
    agree = next(t for t in doc if t.lemma_ == "agree")
    assert is_negated(accept) and not is_negated(agree)
    assert is_hypothetical(agree, sent) and not is_hypothetical(accept, sent)
    assert sentence_hedges(accept, sent) == []


def test_a_modal_of_the_clause_a_stance_is_only_joined_to_does_not_hedge_it(nlp):
    """"Russia could attack again" is what Kyiv fears, not a doubt on what it wants."""
    text = "Kyiv says that without them Russia could attack again, and it wants American forces bound into any guarantee."
    [claim] = [c for c in _claims(nlp, text) if c.issue == "security_guarantees"]
    assert (claim.party, claim.stance, claim.hedged) == ("UKR", "demand", False)
