"""Codebook fixtures: a small hand-built case, so matching rules are tested apart from the
bundled case's data, and the bundled case itself, loaded once."""
from __future__ import annotations

import copy

import pytest

from detente.codebook import Codebook

SMALL_CASE = {
    "case": "small",
    "name": "Small case",
    "parties": [
        {"code": "RUS", "name": "Russia", "names": ["the Kremlin", "Moscow"], "adjectives": ["Russian"]},
        {"code": "UKR", "name": "Ukraine", "names": ["Kyiv"], "adjectives": ["Ukrainian"]},
        {"code": "USA", "name": "United States", "names": ["US", "Washington"], "adjectives": ["American"]},
    ],
    "actors": [
        {"id": "putin", "name": "Vladimir Putin", "party": "RUS"},
        {"id": "zelensky", "name": "Volodymyr Zelensky", "party": "UKR"},
        {"id": "lavrov", "name": "Sergey Lavrov", "party": "RUS"},
        {"id": "ivan_fedorov", "name": "Ivan Fedorov", "party": "UKR"},
        {"id": "mykhailo_fedorov", "name": "Mykhailo Fedorov", "party": "UKR"},
        {"id": "witkoff", "name": "Steven Witkoff", "party": "USA"},
        {"id": "leyen", "name": "Ursula von der Leyen", "party": "NONE"},
        {"id": "yagodzinsky", "name": "Serhiy Yagodzinsky", "party": "NONE"},
        {"id": "mod", "name": "Russian Defence Ministry", "kind": "body", "party": "RUS"},
    ],
    "issues": [{"id": "territory", "name": "Territory", "description": "Who holds what."}],
}


@pytest.fixture
def small_case() -> dict:
    """A fresh deep copy of the small case, free to break."""
    return copy.deepcopy(SMALL_CASE)


@pytest.fixture
def small_book(small_case) -> Codebook:
    return Codebook.from_dict(small_case)


@pytest.fixture(scope="session")
def case_book() -> Codebook:
    return Codebook.bundled("us_russia_ukraine")
