"""Transliteration variants of one name fold to the same keys; different names do not."""
from __future__ import annotations

import pytest

from detente.codebook.names import given_names_agree, person_keys


@pytest.mark.parametrize("a, b", [
    ("Sergei Yagodzinsky", "Serhiy Yagodzinsky"),
    ("Sergey Lavrov", "Sergei Lavrov"),
    ("Volodymyr Zelensky", "Volodymyr Zelenskyy"),
    ("Zelenskiy", "Zelenski"),
    ("Andriy Yermak", "Andrii Iermak"),
    ("Sybiha", "Sybiga"),
    ("Dmitriev", "Dmitriyev"),
    ("Dmitry Peskov", "Dmitrii Peskov"),
    ("Yuri Ushakov", "Yuriy Ushakov"),
    ("Hnatov", "Gnatov"),
    ("Kyslytsya", "Kyslytsia"),
])
def test_variants_share_keys(a, b):
    assert person_keys(a) == person_keys(b)


@pytest.mark.parametrize("a, b", [
    ("Vladimir Putin", "Vladimir Alexeyev"),
    ("Ivan Fedorov", "Mykhailo Fedorov"),
    ("Lavrov", "Ryabkov"),
])
def test_different_people_differ(a, b):
    assert person_keys(a) != person_keys(b)


def test_possessives_honorifics_and_initials_are_dropped():
    assert person_keys("President Zelenskyyʼs") == person_keys("Zelensky")
    assert person_keys("Mr. Witkoff's") == person_keys("Witkoff")
    assert person_keys("V. Putin") == person_keys("Putin")


def test_given_names_agree_on_short_forms_only_when_prefix():
    assert given_names_agree({"steve"}, {"steven"})
    assert not given_names_agree({"ivan"}, {"mihailo"})
