"""The bundled case: people of the talks, their spellings and the roles they held on a day."""
from __future__ import annotations

import datetime as dt

import pytest

D = dt.date.fromisoformat


@pytest.mark.parametrize("actor_id, day, role", [
    ("andriy_yermak", "2025-11-01", "head of the Presidential Office"),
    ("andriy_yermak", "2025-12-15", None),
    ("rustem_umerov", "2025-05-16", "defence minister"),
    ("rustem_umerov", "2025-08-01", "secretary of the National Security and Defence Council"),
    ("marco_rubio", "2025-03-01", "secretary of state"),
    ("marco_rubio", "2025-01-20", None),
    ("marco_rubio", "2025-06-01", "national security adviser"),   # latest-starting role of two held
    ("keith_kellogg", "2025-04-01", "special envoy for Ukraine"),
    ("kyrylo_budanov", "2025-12-01", "head of military intelligence (HUR)"),
    ("kyrylo_budanov", "2026-02-01", "head of the Presidential Office"),
    ("denys_shmyhal", "2026-01-13", None),
    ("mykhailo_fedorov", "2026-02-01", "defence minister"),
    ("keith_kellogg", "2026-02-01", None),
    ("yulia_svyrydenko", "2025-03-01", "first deputy prime minister and economy minister"),
    ("yulia_svyrydenko", "2025-09-01", "Prime Minister of Ukraine"),
    ("donald_trump", "2024-06-01", None),
])
def test_role_on(case_book, actor_id, day, role):
    assert case_book.actor(actor_id).role_on(D(day)) == role


def test_titles_on_gives_every_office_held_at_once(case_book):
    rubio = case_book.actor("marco_rubio")
    assert rubio.titles_on(D("2026-02-06")) == ["national security adviser", "secretary of state"]
    assert rubio.titles_on(D("2025-03-01")) == ["secretary of state"]


def test_undated_role_is_the_current_one(case_book):
    assert case_book.actor("rustem_umerov").role_on(None) == "secretary of the National Security and Defence Council"


@pytest.mark.parametrize("written, actor_id", [
    ("Zelensky", "volodymyr_zelensky"), ("Zelenskyy", "volodymyr_zelensky"),
    ("Zelenskiy", "volodymyr_zelensky"), ("Zelenski", "volodymyr_zelensky"),
    ("Vladimir Zelensky", "volodymyr_zelensky"),
    ("Sergei Lavrov", "sergey_lavrov"), ("Serhiy Lavrov", "sergey_lavrov"),
    ("Iermak", "andriy_yermak"), ("Andrii Yermak", "andriy_yermak"),
    ("Sybiga", "andrii_sybiha"), ("Dmitriyev", "kirill_dmitriev"),
    ("Whitkoff", "steve_witkoff"), ("Steven Witkoff", "steve_witkoff"),
    ("Peskov", "dmitry_peskov"), ("Ushakov", "yuri_ushakov"),
    ("Sergei Yagodzinsky", "serhiy_yagodzinsky"), ("Serhiy Yagodzinsky", "serhiy_yagodzinsky"),
    ("Russian President Vladimir Putin", "vladimir_putin"),
    ("Kremlin foreign policy adviser Yuri Ushakov", "yuri_ushakov"),
    ("Ursula Von der Leyen", "ursula_von_der_leyen"),
    ("Recep Tayyip Erdogan", "recep_tayyip_erdogan"),
])
def test_spellings_in_the_case(case_book, written, actor_id):
    actor = case_book.find_actor(written)
    assert actor is not None and actor.id == actor_id


def test_shared_surname_needs_a_given_name(case_book):
    assert case_book.find_actor("Fedorov") is None
    assert case_book.find_actor("Zaporizhzhia Governor Ivan Fedorov").id == "ivan_fedorov"


def test_every_actor_has_a_known_party_and_people_have_a_role(case_book):
    codes = {p.code for p in case_book.parties} | {"NONE"}
    for actor in case_book.actors:
        assert actor.party in codes
        if actor.kind == "person":
            assert actor.roles, actor.id


def test_no_two_actors_share_a_full_name(case_book):
    from detente.codebook.names import person_keys

    owner: dict[str, str] = {}
    for actor in case_book.actors:
        for name in actor.names:
            key = " ".join(person_keys(name))
            assert owner.setdefault(key, actor.id) == actor.id, f"{name!r}: {owner[key]} and {actor.id}"


@pytest.mark.parametrize("mention, party", [
    ("the Kremlin", "RUS"), ("Kyiv", "UKR"), ("Bankova", "UKR"), ("the White House", "USA"),
    ("Downing Street", "GBR"), ("the Elysee", "FRA"), ("Ankara", "TUR"), ("Riyadh", "SAU"),
    ("the Ukrainian side", "UKR"), ("the Russian delegation", "RUS"), ("Brussels", "EU"),
    ("British", "GBR"), ("Abu Dhabi", "ARE"), ("Belgian", "BEL"),
])
def test_metonyms(case_book, mention, party):
    assert case_book.party_for_mention(mention) == party
