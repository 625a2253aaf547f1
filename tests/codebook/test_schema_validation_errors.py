"""A broken codebook fails with one clear line per problem, naming the item by its id."""
from __future__ import annotations

import pytest

from detente.codebook import Codebook, bundled_cases
from detente.errors import CodebookError


def _error(data: dict) -> str:
    with pytest.raises(CodebookError) as info:
        Codebook.from_dict(data, origin="test.yaml")
    return str(info.value)


def test_bundled_case_validates():
    assert "us_russia_ukraine" in bundled_cases()
    book = Codebook.bundled("us_russia_ukraine")
    assert len(book.parties) >= 15 and len(book.actors) >= 50 and book.issues


def test_unknown_party_names_the_actor(small_case):
    small_case["actors"][0]["party"] = "XYZ"
    msg = _error(small_case)
    assert "test.yaml" in msg and "'putin'" in msg and "unknown party 'XYZ'" in msg


def test_duplicate_actor_id(small_case):
    small_case["actors"].append({"id": "lavrov", "name": "Another Lavrov", "party": "RUS"})
    assert "duplicate actor id 'lavrov'" in _error(small_case)


def test_duplicate_party_code(small_case):
    small_case["parties"].append({"code": "RUS", "name": "Russia again"})
    assert "duplicate party code 'RUS'" in _error(small_case)


def test_role_ending_before_it_starts(small_case):
    small_case["actors"][2]["roles"] = [{"title": "foreign minister", "start": "2025-02-01", "end": "2025-01-01"}]
    msg = _error(small_case)
    assert "actors[lavrov].roles[foreign minister]" in msg and "ends before it starts" in msg


def test_scale_out_of_order(small_case):
    small_case["issues"][0]["scale"] = [{"value": 50, "label": "de facto"}, {"value": 10, "label": "1991"}]
    msg = _error(small_case)
    assert "issues[territory].scale" in msg and "increasing order" in msg


def test_party_code_must_be_alpha3_or_eu(small_case):
    small_case["parties"][0]["code"] = "Russia"
    assert "parties[Russia].code" in _error(small_case)


def test_not_a_mapping():
    with pytest.raises(CodebookError, match="a codebook is a mapping"):
        Codebook.from_dict(["not", "a", "case"])


def test_unknown_bundled_case_lists_the_known_ones():
    with pytest.raises(CodebookError, match="us_russia_ukraine"):
        Codebook.bundled("no_such_case")
