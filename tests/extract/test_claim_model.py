"""The learned claim model: shipped as JSON, loads without downloads or pickles, and reads
sentences and claims the way its training data taught (sentences written for these tests)."""
from __future__ import annotations

import json

import pytest

from detente.codebook import Codebook
from detente.extract.claims.model import (BUNDLED, MODEL_DIR, ClaimModel, ClaimModelError, load_model, position,
                                         sentence_features)


@pytest.fixture(scope="module")
def cb():
    return Codebook.bundled()


def test_bundled_model_has_every_head_and_a_meta_file():
    model = load_model()
    assert set(model.heads) == {"claim", "issue", "stance", "party", "placed", "position", "event"}
    meta = json.loads((MODEL_DIR / f"{BUNDLED}.meta.json").read_text(encoding="utf-8"))
    assert meta["data"]["articles"] > 70 and "scikit-learn" in meta["versions"]
    assert 0.0 < model.threshold < 1.0


def test_issue_labels_are_codebook_issues(cb):
    assert set(load_model().heads["issue"].classes) <= {i.id for i in cb.issues}


def test_json_round_trip_keeps_every_score():
    model = load_model()
    again = ClaimModel.from_json(json.loads(json.dumps(model.to_json())))
    index = again.index(["w:ceasefire", "w:demand", "cue:ceasefire", "rules:1"])
    assert index == model.index(["w:ceasefire", "w:demand", "cue:ceasefire", "rules:1"])
    assert again.heads["claim"].probability(index) == pytest.approx(model.heads["claim"].probability(index), abs=1e-3)
    assert again.event_threshold == model.event_threshold


def test_a_file_that_is_no_model_fails_with_one_line(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"version": "x"}', encoding="utf-8")
    with pytest.raises(ClaimModelError, match="not a claim model"):
        load_model(str(bad))
    with pytest.raises(ClaimModelError, match="no claim model"):
        load_model(str(tmp_path / "absent.json"))


@pytest.mark.model
def test_a_stated_demand_scores_above_small_talk(nlp, cb):
    model = load_model()
    demand = next(nlp("Moscow insists that Kyiv must pull its troops out of the Donbas before any truce.").sents)
    chat = next(nlp("The weather in the capital stayed mild on Tuesday afternoon.").sents)
    p = [model.heads["claim"].probability(model.index(sentence_features(s, cb, [], None))) for s in (demand, chat)]
    assert p[0] > 0.5 > p[1]


def test_positions_follow_the_scale_convention():
    """0 is Kyiv's most ambitious outcome and 100 Moscow's: their territorial demands sit apart."""
    model = load_model()
    ukr = position(model, "Kyiv demands the return of every occupied region.", "UKR", "territory", "demand")
    rus = position(model, "Moscow demands that the occupied regions be recognised as its own.", "RUS", "territory", "demand")
    assert ukr is not None and rus is not None and ukr + 30 <= rus
