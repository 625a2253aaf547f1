"""Degenerate inputs never crash a model: two actors, the scale's ends, no salience, unanimity.

One actor is refused at input (BargainingInputError, see test_inputs_validation): with no one
to bargain with there is nothing to predict.
"""
import numpy as np
import pytest

from detente.bargaining.registry import MODELS, available, run

CASES = {
    "two_actors": dict(position=[[10.0, 30.0], [90.0, 70.0]]),
    "ends_of_scale": dict(position=[[0.0], [100.0], [0.0], [100.0]]),
    "all_at_zero": dict(position=[[0.0], [0.0], [0.0]]),
    "all_at_hundred": dict(position=[[100.0], [100.0]]),
    "zero_salience": dict(position=[[10.0], [50.0], [90.0]], salience=[0.0, 0.0, 0.0]),
    "identical": dict(position=[[42.0, 7.0]] * 3),
    "zero_capability": dict(position=[[10.0], [90.0]], capability=[0.0, 0.0]),
    "one_actor_on_an_issue": dict(position=[[10.0, 0.0], [90.0, 60.0]],
                                  present=np.array([[True, False], [True, True]])),
}


@pytest.mark.parametrize("model", available())
@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("reference", [None, 50.0])
def test_every_model_survives(build, model, case, reference):
    spec = dict(CASES[case])
    position = spec.pop("position")
    ref = None if reference is None else np.full(len(position[0]), reference)
    r = run(model, build(position, reference=ref, **spec))
    ok = np.isfinite(r.outcome)
    assert ((r.outcome[ok] >= 0) & (r.outcome[ok] <= 100)).all()
    dead = r.deadlock[np.isfinite(r.deadlock)]
    assert ((dead >= 0) & (dead <= 1)).all()


@pytest.mark.parametrize("model", ["compromise", "median", "eu", "zopa"])
def test_identical_positions_are_the_outcome(build, model):
    r = MODELS[model](build([[42.0, 7.0]] * 3))
    assert r.outcome.tolist() == pytest.approx([42.0, 7.0])


def test_zero_salience_falls_back_to_equal_weights(build):
    r = MODELS["compromise"](build([10.0, 50.0, 90.0], salience=[0.0, 0.0, 0.0]))
    assert r.outcome[0] == pytest.approx(50.0)


@pytest.mark.parametrize("model", available())
def test_lone_actor_on_an_issue_decides_it(build, model):
    x = build([[10.0, 0.0], [90.0, 60.0]], present=np.array([[True, False], [True, True]]),
              reference=np.array([50.0, 50.0]))
    assert run(model, x).outcome[1] == pytest.approx(60.0, abs=0.1)
