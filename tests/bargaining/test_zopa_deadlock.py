"""ZOPA from red lines: zones, deadlocks and who clashes."""
import numpy as np
import pytest

from detente.bargaining.inputs import AT_LEAST, AT_MOST
from detente.bargaining.zopa import zopa


def _lines(build, lines, dirs, veto=None, position=(10, 50, 90)):
    n = len(position)
    return build(list(position), red_line=np.array(lines, float).reshape(n, 1),
                 red_dir=np.array(dirs).reshape(n, 1), veto=veto,
                 actors=("UKR", "RUS", "USA")[:n])


def test_zone_is_the_intersection(build):
    r = zopa(_lines(build, [40, 30, 0], [AT_MOST, AT_LEAST, 0]))
    assert r.zone[0].tolist() == [30.0, 40.0]
    assert r.deadlock[0] == 0.0
    assert 30.0 <= r.outcome[0] <= 40.0  # compromise point 50 projected into the zone
    assert r.outcome[0] == pytest.approx(40.0)


def test_clash_is_a_deadlock_naming_the_actors(build):
    r = zopa(_lines(build, [30, 60, 0], [AT_MOST, AT_LEAST, 0]))
    assert r.deadlock[0] == 1.0 and np.isnan(r.outcome[0])
    clash = r.details["clashes"]["i1"]
    assert clash["at_most"] == ["UKR"] and clash["at_least"] == ["RUS"]
    assert clash["gap"] == pytest.approx(30.0)
    assert r.details["package_feasible"] is False


def test_only_veto_players_lines_bind(build):
    # RUS's clashing line does not count when only UKR and USA hold a veto
    r = zopa(_lines(build, [30, 60, 10], [AT_MOST, AT_LEAST, AT_LEAST], veto=[True, False, True]))
    assert r.deadlock[0] == 0.0 and r.zone[0].tolist() == [10.0, 30.0]


def test_package_feasible_when_every_issue_has_a_zone(build):
    x = build([[10, 10], [90, 90]], red_line=np.array([[50, 0], [40, 0]], float),
              red_dir=np.array([[AT_MOST, 0], [AT_LEAST, 0]]))
    r = zopa(x)
    assert r.details["package_feasible"] is True
    assert r.zone.tolist() == [[40.0, 50.0], [0.0, 100.0]]


def test_no_red_lines_whole_scale(build):
    r = zopa(build([10, 90]))
    assert r.zone[0].tolist() == [0.0, 100.0] and r.outcome[0] == pytest.approx(50.0)
