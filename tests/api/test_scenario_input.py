"""A scenario's changes are checked where they arrive: a wrong shape is a 422 naming its field, a
party or issue the case does not know a 400; never a 500 from deep in the models."""
from __future__ import annotations

import pytest

from tests.api.test_error_shape import shape_ok


@pytest.mark.parametrize("changes, field", [
    ({"positions": {"RUS": {"territory": "abc"}}}, "changes.positions.RUS.territory"),
    ({"positions": {"RUS": {"territory": None}}}, "changes.positions.RUS.territory"),
    ({"positions": {"RUS": {"territory": 500}}}, "changes.positions.RUS.territory"),
    ({"positions": ["RUS"]}, "changes.positions"),
    ({"positions": {"RUS": "abc"}}, "changes.positions.RUS"),
    ({"capability": {"RUS": "x"}}, "changes.capability.RUS"),
    ({"concession": "x"}, "changes.concession"),
    ({"territory": None}, "changes.territory"),
    ({"drop": "USA"}, "changes.drop"),
])
def test_a_wrong_shape_is_a_422_naming_the_field(client, changes, field):
    r = client.post("/api/scenarios", json={"changes": changes, "draws": 10})
    shape_ok(r, 422)
    assert field in r.json()["error"]["detail"]


@pytest.mark.parametrize("changes, name", [
    ({"drop": ["XYZ"]}, "unknown party 'XYZ'"),
    ({"positions": {"XYZ": {"territory": 50}}}, "unknown party 'XYZ'"),
    ({"positions": {"RUS": {"weather": 50}}}, "unknown issue 'weather'"),
])
def test_a_party_or_issue_the_case_lacks_is_a_400(client, changes, name):
    r = client.post("/api/scenarios", json={"changes": changes, "draws": 10})
    shape_ok(r, 400)
    assert name in r.json()["error"]["detail"]


def test_a_negative_seed_is_refused(client):
    shape_ok(client.get("/api/forecast?seed=-1&draws=10"), 422)
    shape_ok(client.post("/api/scenarios", json={"changes": {}, "seed": -1, "draws": 10}), 422)
