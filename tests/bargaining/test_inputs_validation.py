"""BargainingInputs refuses nonsense with messages that name the actor and issue."""
import numpy as np
import pytest

from detente.errors import BargainingInputError


def test_negative_salience_names_actor_and_issue(build):
    with pytest.raises(BargainingInputError, match=r"negative salience.*actor B, issue i1"):
        build([10, 20], salience=[50, -1])


def test_position_outside_scale(build):
    with pytest.raises(BargainingInputError, match=r"outside the scale 0–100.*120"):
        build([10, 120])


def test_custom_scale_accepts_its_range(build):
    x = build([-5, 5], scale=(-10, 10))
    assert x.scale == (-10, 10)


def test_one_actor_is_refused(build):
    with pytest.raises(BargainingInputError, match="at least two actors"):
        build([10])


def test_shape_mismatch(build):
    with pytest.raises(BargainingInputError, match=r"capability has shape \(3,\), expected \(2,\)"):
        build([10, 20], capability=[1, 2, 3])


def test_nan_position(build):
    with pytest.raises(BargainingInputError, match="position is NaN.*actor A"):
        build([np.nan, 20])


def test_nan_allowed_where_actor_absent(build):
    x = build([[np.nan, 10], [20, 30]], present=np.array([[False, True], [True, True]]))
    assert x.position[0, 0] == 0.0 and not x.present[0, 0]


def test_issue_without_actors(build):
    with pytest.raises(BargainingInputError, match="no actor takes part in issue i1"):
        build([10, 20], present=np.array([[False], [False]]))


def test_arrays_are_read_only(build):
    x = build([10, 20])
    with pytest.raises(ValueError):
        x.position[0, 0] = 5


def test_select_keeps_actors_and_slices_issues(build):
    x = build([[10, 20, 30], [40, 50, 60]])
    y = x.issue("i2")
    assert y.issues == ("i2",) and y.position[:, 0].tolist() == [20, 50]
