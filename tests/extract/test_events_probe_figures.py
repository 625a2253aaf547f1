"""Probe findings on strike verbs, strike places, live blogs and scheduled talks (hand-written
sentences, real model): a figure of speech is no strike, a place the strike did not hit is none
of its places, and talks a party says are set are a meeting."""
import datetime as dt

import pytest

from detente.extract.events.finder import find_events

THU = dt.date(2026, 11, 12)


@pytest.fixture(scope="module")
def events_of(article):
    def run(text: str, day: dt.date | None = THU):
        found = find_events(article(text, day))
        for e in found:
            assert text[e.start:e.end] == e.evidence
        return found
    return run


@pytest.mark.parametrize("text", [
    pytest.param("The visiting foreign minister, who spent the day in Warsaw, struck a softer tone.",
                 id="a tone struck"),
    pytest.param("Berlin struck a careful balance between Kyiv and Moscow on Monday.", id="a balance struck"),
    pytest.param("Each round of the last three years has hit the same wall, an analyst in Odesa said.",
                 id="a wall hit by the process"),
    pytest.param("Ankara's mediation hit a dead end in Lviv on Tuesday.", id="a dead end hit"),
    pytest.param("Macron hit a familiar note about Europe's security in Kharkiv on Friday.",
                 id="a person strikes with words"),
])
def test_a_figure_of_speech_is_no_strike_nor_meeting(events_of, text):
    assert [e.type for e in events_of(text) if e.type in {"strike", "meeting"}] == []


def test_missiles_still_strike_beside_a_minister_who_strikes_a_tone(events_of):
    text = ("Russian missiles struck a power plant in Poltava on Monday, killing two workers. "
            "Sybiha, who flew to Washington, struck a firmer tone.")
    assert [(e.type, [l.name for l in e.locations]) for e in events_of(text)] == [("strike", ["Poltava"])]


@pytest.fixture(scope="module")
def strike_places(strike_places_of):
    return lambda text: strike_places_of(text, THU)


def test_capitals_that_act_in_the_title_are_not_hit(strike_places):
    text = ("Warsaw and Vilnius trade barbs after strike on Chernihiv\n"
            "A Russian missile struck Chernihiv on Monday, killing three people.")
    assert strike_places(text) == {"Chernihiv"}


@pytest.mark.parametrize("text, places", [
    pytest.param("The ministry condemned the drone attack carried out by the Kyiv regime on the Bryansk region.",
                 {"Bryansk region"}, id="the Kyiv regime"),
    pytest.param("Missiles launched on the orders of the Moscow government hit Zaporizhzhia overnight.",
                 {"Zaporizhzhia"}, id="the Moscow government"),
])
def test_a_capital_named_for_its_rulers_is_not_hit(strike_places, text, places):
    assert strike_places(text) == places


@pytest.mark.parametrize("text", [
    pytest.param("Russia fired two Iskander-M missiles at Dnipro overnight, the air force said.", id="a model code"),
    pytest.param("Russia fired Grom cruise missiles at Dnipro overnight, killing two.", id="a munition named"),
])
def test_a_weapon_name_is_no_town(strike_places, text):
    assert strike_places(text) == {"Dnipro"}


def test_a_place_in_a_clause_of_what_people_do_after_is_not_hit(strike_places):
    text = ("A drone hit a school in Sumy in May 2024, and local officials still mention it "
            "when asked about dealing with Minsk.")
    assert strike_places(text) == {"Sumy"}
    # where the strike's wounds are told stays a place hit, and so does a place in the teller's title
    assert strike_places("Russian drones hit Kyiv overnight, and three people were injured in Odesa.") \
        == {"Kyiv", "Odesa"}
    assert strike_places("Russian drones hit Kyiv overnight, and the mayor of Bila Tserkva said a school "
                         "there had been damaged.") == {"Kyiv", "Bila Tserkva"}


def test_the_venue_of_talks_named_beside_an_attack_is_not_hit(events_of):
    text = "The drone attack came only hours after the two delegations held consultations in Doha."
    assert [(e.type, [l.name for l in e.locations]) for e in events_of(text)] == [("meeting", ["Doha"])]


@pytest.mark.parametrize("title", ["LIVE: Russia strikes southern Ukraine", "Drones hit Mykolaiv and Kherson"])
def test_strikes_in_two_live_blog_entries_are_two_events(events_of, title):
    text = (f"{title}\n07:40\nRussian drones hit a depot in Mykolaiv overnight.\n\n"
            "13:10 GMT\nA glide bomb hit a market in Kherson, killing two women.")
    assert sorted(tuple(l.name for l in e.locations) for e in events_of(text) if e.type == "strike") \
        == [("Kherson",), ("Mykolaiv",)]


SET_IN_DOHA = ("Peskov said the envoys would meet again in Doha on November 20.", dt.date(2026, 11, 20))
SIT_IN_VIENNA = ("The Ukrainian and Russian delegations will sit down in Vienna on Monday.", dt.date(2026, 11, 16))


@pytest.mark.parametrize("set_talks, not_set", [
    pytest.param(SET_IN_DOHA, "Peskov said Putin would like to meet Zelensky in Doha on Friday.",
                 id="would, told in the past; not a wish"),
    pytest.param(SET_IN_DOHA, "Peskov said the leaders would meet in Doha on Friday if Kyiv agreed.",
                 id="would, told in the past; not a condition"),
    pytest.param(SET_IN_DOHA, "Zelensky said he was ready to meet Putin in Doha on Friday.",
                 id="would, told in the past; not readiness"),
    pytest.param(SIT_IN_VIENNA, "He sat down with reporters in Vienna on Monday.",
                 id="sides sit down; not one man"),
])
def test_talks_a_party_says_are_set_are_a_meeting_not_wished_ones(events_of, set_talks, not_set):
    text, day = set_talks
    [e] = events_of(text)
    assert (e.type, e.date) == ("meeting", day)
    assert [e.type for e in events_of(not_set)] == []
