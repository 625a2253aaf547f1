"""find_actor: full names, transliterations and unique surnames match; namesakes do not."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("written, actor_id", [
    ("Serhiy Yagodzinsky", "yagodzinsky"),
    ("Sergei Yagodzinsky", "yagodzinsky"),
    ("Yagodzinsky", "yagodzinsky"),
    ("Zelenskyy", "zelensky"),
    ("President Zelenskiy's", "zelensky"),
    ("Volodymyr Zelenskyy", "zelensky"),
    ("Steve Witkoff", "witkoff"),                       # short given name of Steven
    ("Russian Foreign Minister Sergey Lavrov", "lavrov"),  # role and party words around the name
    ("Foreign Minister Lavrov", "lavrov"),
    ("Kremlin spokesman Lavrov", "lavrov"),
    ("Von der Leyen", "leyen"),                          # particles belong to the surname
    ("Ivan Fedorov", "ivan_fedorov"),
    ("Mikhail Fedorov", "mykhailo_fedorov"),             # Russian spelling of Mykhailo
    ("the Russian Defence Ministry", "mod"),
])
def test_matches(small_book, written, actor_id):
    actor = small_book.find_actor(written)
    assert actor is not None and actor.id == actor_id


@pytest.mark.parametrize("written", [
    "Vladimir Alexeyev",   # shares only a first name with Putin
    "Sergei Ivanov",       # shares only a first name with Lavrov and Yagodzinsky
    "Fedorov",             # two actors have this surname
    "Petro Fedorov",       # surname shared, given name fits neither
    "Vladimir",            # a first name alone is no one
    "the Kremlin",         # a metonym is a party, not an actor
    "",
])
def test_no_match(small_book, written):
    assert small_book.find_actor(written) is None


def test_one_key_for_both_spellings(small_book):
    assert small_book.find_actor("Sergei Yagodzinsky") is small_book.find_actor("Serhiy Yagodzinsky")


@pytest.mark.parametrize("mention, party", [
    ("the Kremlin", "RUS"), ("Kremlin", "RUS"), ("Moscow", "RUS"), ("Russian", "RUS"),
    ("Kyiv", "UKR"), ("US", "USA"), ("Washington", "USA"),
])
def test_party_for_mention(small_book, mention, party):
    assert small_book.party_for_mention(mention) == party


def test_lowercase_acronym_is_not_a_party(small_book):
    assert small_book.party_for_mention("us") is None
    assert small_book.party_for_mention("Guardian") is None
