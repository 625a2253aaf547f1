"""How a claim the learned model adds is labelled: the sentence's own stance word and the codebook's
issue cues outrank the model's heads, which generalise worse to unseen articles (issue 9)."""
from __future__ import annotations

import numpy as np
import pytest

from detente.extract.claims.model import ClaimModel, Head
from detente.extract.claims.finder import Blend, find_claims


def _constant(classes, favourite, features=0):
    """A multiclass head that always picks ``favourite``, whatever the sentence says."""
    intercept = np.array([3.0 if c == favourite else 0.0 for c in classes])
    return Head(list(classes), np.zeros((features, len(classes))), intercept, "multiclass")


@pytest.fixture(scope="module")
def sure_model():
    """A model sure that every sentence is an assessment by Russia of the talks themselves."""
    return ClaimModel(
        version="test", vocab={}, threshold=0.5, place_threshold=0.5,
        heads={"claim": Head([0, 1], np.zeros((0, 1)), np.array([4.0]), "binary"),
               "stance": _constant(["assessment", "rejection", "demand"], "assessment"),
               "issue": _constant(["process_talks", "ceasefire", "territory"], "process_talks"),
               "party": _constant(["RUS", "UKR"], "RUS"),
               "placed": Head([0, 1], np.zeros((0, 1)), np.array([-4.0]), "binary"),
               "position": Head([0], np.zeros((0, 1)), np.array([50.0]), "regression")})


TEXT = "The offer of a truce over the holidays was turned down and rejected on Monday."


def test_an_added_claim_takes_the_stance_word_and_the_cue_issue(article, sure_model):
    [claim] = find_claims(article(TEXT), [], model=sure_model)
    assert (claim.stance, claim.issue) == ("rejection", "ceasefire")


def test_each_switch_gives_the_model_its_say_back(article, sure_model):
    [claim] = find_claims(article(TEXT), [], model=sure_model, blend=Blend(trigger_stance=False, cue_issue=False))
    assert (claim.stance, claim.issue) == ("assessment", "process_talks")


def test_rules_claims_are_left_as_the_rules_read_them(article, sure_model):
    text = "Kyiv rejected a holiday truce on Monday."
    assert [(c.party, c.stance, c.issue) for c in find_claims(article(text), [], model=sure_model)] == \
        [("UKR", "rejection", "ceasefire")]


def test_a_second_issue_the_cues_name_gets_its_own_claim(article, sure_model):
    """The rules read the truce; the sentence also names the guarantees: the model's yes adds that issue."""
    text = "Kyiv rejected a holiday truce on Monday while its envoys discussed security guarantees in Paris."
    rules = {(c.party, c.issue) for c in find_claims(article(text), [])}
    assert rules == {("UKR", "ceasefire")}
    found = {(c.party, c.issue) for c in find_claims(article(text), [], model=sure_model)}
    assert found == {("UKR", "ceasefire"), ("UKR", "security_guarantees")}
    alone = find_claims(article(text), [], model=sure_model, blend=Blend(second_issue=False))
    assert {(c.party, c.issue) for c in alone} == rules


def test_the_position_head_reads_the_model_s_own_stance(article):
    """The label comes from the stance word; where the claim sits comes from the head that learned
    positions with the model's stance (it places what it reads as an offer, not a refusal)."""
    vocab = {"stance:proposal": 0, "stance:rejection": 1}
    placed = Head([0, 1], np.array([[8.0], [0.0]]), np.array([-4.0]), "binary")  # placed only as an offer
    model = ClaimModel(
        version="test", vocab=vocab, threshold=0.5, place_threshold=0.5,
        heads={"claim": Head([0, 1], np.zeros((2, 1)), np.array([4.0]), "binary"),
               "stance": _constant(["proposal", "rejection"], "proposal", 2),
               "issue": _constant(["ceasefire"], "ceasefire", 2),
               "party": _constant(["RUS"], "RUS", 2),
               "placed": placed,
               "position": Head([0], np.zeros((2, 1)), np.array([50.0]), "regression")})
    [claim] = find_claims(article(TEXT), [], model=model)
    assert (claim.stance, claim.position) == ("rejection", 50.0)


@pytest.mark.parametrize("text", [
    "Kyiv rejected a holiday truce, two officials close to the negotiations told a French paper.",
    "Kyiv rejected a holiday truce, citing a leaked draft of the negotiations.",
    "According to people briefed on the negotiations, Kyiv rejected a holiday truce.",
])
def test_the_words_that_name_the_source_add_no_issue(article, sure_model, text):
    """'Officials close to the negotiations told ...' says who reported it, not a second thing Kyiv said."""
    found = {(c.party, c.issue) for c in find_claims(article(text), [], model=sure_model)}
    assert found == {("UKR", "ceasefire")}


def test_the_talks_named_around_an_issue_add_no_claim_on_the_talks(article, sure_model):
    """'under any peace deal' frames the land question with the talks; it is no view of the talks."""
    text = "Kyiv rejected the land swap under any peace deal, Zelensky said."
    found = {(c.party, c.issue) for c in find_claims(article(text), [], model=sure_model)}
    assert found == {("UKR", "territory")}


def _sure_of_source(sure_model, kind):
    heads = dict(sure_model.heads, source=_constant(["author", "official", "anonymous"], kind))
    return ClaimModel(version="test", vocab={}, threshold=0.5, place_threshold=0.5, heads=heads)


RECALLED = "Russia has for months insisted that Ukraine hand over the rest of the Donetsk region."
ON_RECORD = "Foreign Minister Sergei Lavrov told reporters on Tuesday that Moscow wants all of the Donetsk region."


def test_the_source_head_moves_a_claim_between_the_author_and_an_official(article, sure_model):
    """Only between those two: an anonymous source is told by its nouns, not by style."""
    to_author = _sure_of_source(sure_model, "author")
    [claim] = [c for c in find_claims(article(ON_RECORD), [], model=to_author) if c.issue == "territory"]
    assert (claim.source.type, claim.source.name) == ("author", None)
    [kept] = [c for c in find_claims(article(ON_RECORD), [], model=to_author, blend=Blend(source=False))
              if c.issue == "territory"]
    assert kept.source.type == "official"
    anonymous = "Two officials familiar with the talks said Moscow wants all of the Donetsk region."
    to_official = _sure_of_source(sure_model, "official")
    assert {c.source.type for c in find_claims(article(anonymous), [], model=to_official)} == {"anonymous"}


def test_an_official_needs_a_person_or_body_of_the_claim_s_side(article, sure_model):
    to_official = _sure_of_source(sure_model, "official")
    [claim] = [c for c in find_claims(article(RECALLED), [], model=to_official) if c.issue == "territory"]
    assert claim.source.type == "official" and claim.source.name == "Russia"
    unnamed = "It has for months been insisted that Ukraine hand over the rest of the Donetsk region."
    claims = find_claims(article(unnamed), [], model=to_official)
    assert claims and all(c.source.type == "author" for c in claims)


@pytest.mark.model
def test_the_shipped_head_reads_a_recalled_demand_as_the_author_s_summary(article):
    from detente.extract.claims.model import load_model

    model = load_model()
    [recalled] = [c for c in find_claims(article(RECALLED), [], model=model) if c.issue == "territory"]
    [said] = [c for c in find_claims(article(ON_RECORD), [], model=model) if c.issue == "territory"]
    assert (recalled.source.type, said.source.type) == ("author", "official")


def test_an_analysts_own_view_is_no_sides_claim(article, sure_model):
    """The guidelines: an independent expert's view is a quote, not a claim. The model adds no
    claim where the only voice is an analyst and no side acts in the sentence."""
    analyst = "Political analyst Anna Petrova said the talks would drag on for months."
    assert find_claims(article(analyst), [], model=sure_model) == []
    official = "Foreign Minister Sergei Lavrov said the talks would drag on for months."
    assert [c.party for c in find_claims(article(official), [], model=sure_model)] == ["RUS"]


@pytest.mark.parametrize("text", [
    "\u201cWhy should Ukraine give up its land? Who would accept that?\u201d Zelensky asked.",
    "Will Russia accept the American plan for a ceasefire?",
])
def test_a_question_states_no_position_even_to_a_sure_model(article, sure_model, text):
    assert [c for c in find_claims(article(text), [], model=sure_model) if "?" in c.evidence] == []
