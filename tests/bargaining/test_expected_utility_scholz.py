"""Golden test: the EU model reproduces Scholz, Calbert & Smith's (2011) car-emissions run."""
import numpy as np
import pytest

from detente.bargaining.expected_utility import eu_issue, expected_utility, median_voter
from detente.bargaining.io import read_inputs

SCHOLZ_MEDIANS = [8.4, 9.9, 9.9, 9.9, 9.9, 7.4, 8.8, 9.6]  # after rounds 1..8
SCHOLZ_MEAN_0 = 7.39


@pytest.fixture(scope="module")
def emissions(benchmarks_dir):
    return read_inputs(benchmarks_dir / "cases" / "bdm1994_emissions_scholz.csv")


def test_medians_by_round_within_one_year(emissions):
    r = expected_utility(emissions, rounds=8)
    medians = r.details["median_by_round"][1:, 0]
    assert np.abs(medians - SCHOLZ_MEDIANS).max() <= 1.0, medians.round(2)


def test_initial_weighted_mean(emissions):
    r = expected_utility(emissions, rounds=1)
    assert r.details["mean_by_round"][0, 0] == pytest.approx(SCHOLZ_MEAN_0, abs=0.005)


def test_outcome_is_last_median_and_turns_kept(emissions):
    r = expected_utility(emissions, rounds=8)
    assert r.outcome[0] == r.details["median_by_round"][-1, 0]
    assert len(r.turns) == 9 and r.turns[0].positions[:, 0].tolist() == emissions.position[:, 0].tolist()
    assert r.turns[3].probabilities.sum() == pytest.approx(1.0)


def test_median_voter_beats_every_other_position():
    # weights 1, 1, 3 at 0, 5, 10: 10 wins every pairwise vote
    assert median_voter(np.array([0.0, 5.0, 10.0]), np.array([1.0, 1.0, 3.0])) == 10.0


def test_no_movement_when_everyone_agrees():
    run = eu_issue(np.array([30.0, 30.0, 30.0]), np.ones(3), np.full(3, 0.5), rounds=3)
    assert (run["positions"] == 30.0).all() and (run["medians"] == 30.0).all()


def test_weak_low_salience_actor_moves_toward_strong_one():
    run = eu_issue(np.array([0.0, 100.0, 90.0]), np.array([1.0, 10.0, 10.0]), np.array([0.2, 0.9, 0.9]), rounds=2)
    weak = run["positions"][:, 0]
    assert 0.0 < weak[1] < weak[2] < 90.0  # the weak actor gives ground, round after round
    assert (run["positions"][:, 1:] == [100.0, 90.0]).all()  # the strong pair holds
