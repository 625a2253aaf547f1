"""The accuracy gate's floor rules: raise freely, lower only when explicitly allowed."""
import importlib.util
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location("eval_gate", Path(__file__).parent / "test_eval_gate.py")
gate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gate)

SCORES = {"quotes": {"f1": 0.62}, "quote_speaker": {"acc": 0.8, "n": 20},
          "claims": {"f1": 0.30}, "claim_stance": {"acc": None, "n": 0}}
KEYS = ("quotes.f1", "quote_speaker.acc", "claims.f1", "claim_stance.acc")


def test_metric_reads_nested_scores_and_treats_missing_accuracy_as_zero():
    assert gate.metric(SCORES, "quotes.f1") == 0.62
    assert gate.metric(SCORES, "claim_stance.acc") == 0.0
    assert gate.metric(SCORES, "events.f1") == 0.0


def test_update_raises_floors_to_score_minus_margin(tmp_path):
    path = tmp_path / "baseline.json"
    gate.save_floors({"quotes.f1": 0.5, "quote_speaker.acc": 0.1}, path)
    new, refused = gate.update_floors(gate.load_floors(path), SCORES, margin=0.01, keys=KEYS)
    gate.save_floors(new, path)
    assert refused == []
    assert gate.load_floors(path) == {"quotes.f1": 0.61, "quote_speaker.acc": 0.79,
                                      "claims.f1": 0.29, "claim_stance.acc": 0.0}


def test_update_refuses_to_lower_a_floor_without_the_flag(tmp_path):
    floors = {"quotes.f1": 0.7, "claims.f1": 0.1}
    new, refused = gate.update_floors(floors, SCORES, margin=0.01, keys=("quotes.f1", "claims.f1"))
    assert new == {"quotes.f1": 0.7, "claims.f1": 0.29}
    assert len(refused) == 1 and "quotes.f1" in refused[0] and "--allow-lower" in refused[0]


def test_update_lowers_a_floor_when_allowed():
    new, refused = gate.update_floors({"quotes.f1": 0.7}, SCORES, margin=0.01,
                                      allow_lower=True, keys=("quotes.f1",))
    assert new == {"quotes.f1": 0.61} and refused == []


def test_floors_never_go_below_zero():
    new, _ = gate.update_floors({}, {"claims": {"f1": 0.005}}, margin=0.01, keys=("claims.f1",))
    assert new == {"claims.f1": 0.0}


@pytest.mark.parametrize("score, failing", [(0.62, {}), (0.4, {"quotes.f1": (0.4, 0.5)})])
def test_below_floor_lists_only_metrics_under_their_floor(score, failing):
    assert gate.below_floor({"quotes": {"f1": score}}, {"quotes.f1": 0.5}) == failing


class _EchoExtractor:
    """Stands in for the spaCy extractor: one empty extraction per document."""

    def pipe(self, documents):
        from detente.records import Extraction

        for document in documents:
            yield Extraction(document=document)


def test_benchmark_writes_one_prediction_per_gold_article_and_pairs_them(shared_dir, tmp_path):
    spec = importlib.util.spec_from_file_location("corpus_dev", gate.REPO_ROOT / "benchmarks" / "corpus_dev.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    gold = shared_dir / "corpus" / "dev"
    out = tmp_path / "preds.jsonl"
    scores = bench.score_dev(gold, out, _EchoExtractor())
    assert len(out.read_text(encoding="utf-8").splitlines()) == len(list(gold.glob("*.json")))
    assert scores["documents"]["paired"] == scores["documents"]["gold"]
    assert scores["quotes"]["tp"] == 0 and scores["quotes"]["fn"] > 0


def test_an_error_metric_tightens_downward_and_refuses_to_loosen():
    scores = {"claim_position": {"mae": 9.0}}
    new, refused = gate.update_floors({"claim_position.mae": 12.0}, scores, margin=0.01, keys=("claim_position.mae",))
    assert new == {"claim_position.mae": 10.0} and refused == []
    new, refused = gate.update_floors({"claim_position.mae": 8.0}, scores, margin=0.01, keys=("claim_position.mae",))
    assert new == {"claim_position.mae": 8.0} and "--allow-lower" in refused[0]


def test_an_error_fails_its_gate_when_it_grows_or_is_undefined():
    floors = {"claim_position.mae": 10.0}
    assert gate.below_floor({"claim_position": {"mae": 9.5}}, floors) == {}
    assert gate.below_floor({"claim_position": {"mae": 11.0}}, floors) == {"claim_position.mae": (11.0, 10.0)}
    assert gate.below_floor({"claim_position": {"mae": None}}, floors) == {"claim_position.mae": (100.0, 10.0)}


def test_gate_pins_the_held_apart_column_not_dev():
    assert "held-apart" in gate.current_scores.__doc__ and set(gate.load_floors()) <= set(gate.METRICS)
