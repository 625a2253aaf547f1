"""Rules of issue 9 for events that hold on unseen articles, from hand-written sentences: a wave's
placeless report, doubted or wished-for happenings, talks named again, phone calls, questions."""
import datetime as dt

import pytest

from detente.codebook import Codebook
from detente.extract.context import ArticleContext
from detente.extract.events.finder import find_events
from detente.records import Document

FRI = dt.date(2026, 2, 6)


@pytest.fixture(scope="module")
def events_of(nlp):
    case = Codebook.bundled()

    def run(text: str):
        doc = Document(id="t", text=text, published=FRI)
        ctx = ArticleContext(document=doc, codebook=case, doc=nlp(text), reference_date=FRI)
        found = find_events(ctx)
        for e in found:
            assert text[e.start:e.end] == e.evidence
        return found
    return run


def test_placeless_report_of_a_wave_joins_it_and_leads_the_evidence(events_of):
    text = ("Four people were killed overnight in a large Russian drone barrage across the country. "
            "In Kharkiv, Russian drones hit a school. Russian missiles also struck Odesa.")
    [e] = events_of(text)
    assert e.type == "strike" and e.actor == "RUS"
    assert {l.name for l in e.locations} == {"Kharkiv", "Odesa"}
    assert e.evidence.startswith("Four people were killed")


def test_placeless_strike_alone_is_no_event(events_of):
    assert events_of("Two people were killed in a drone attack overnight, officials said.") == []


def test_a_numbered_salvo_at_a_country_is_an_event_though_no_town_is_named(events_of):
    text = "Russia launched 52 drones and six cruise missiles at Ukraine overnight, the air force said."
    [e] = events_of(text)
    assert (e.type, e.actor) == ("strike", "RUS")


@pytest.mark.parametrize("text", [
    "A meeting between the two presidents could take place in Geneva next month.",
    "The summit will probably take place in Riyadh later this year.",
    "A meeting between Sikorski and Sybiha in Vienna was put on hold.",
    "The envoys explored the possibility of holding talks in Helsinki.",
])
def test_doubted_meeting_is_no_event(events_of, text):
    assert [e for e in events_of(text) if e.type == "meeting"] == []


def test_scheduled_meeting_stays(events_of):
    [e] = events_of("The next round of talks will take place in Geneva on Tuesday.")
    assert e.type == "meeting"


def test_the_talks_named_again_are_the_same_talks(events_of):
    text = ("Russian and Ukrainian delegations held talks in Istanbul on Monday. "
            "Witkoff has been taking part in the talks with Umerov since the morning.")
    [e] = events_of(text)
    assert e.type == "meeting" and [l.name for l in e.locations] == ["Istanbul"]


def test_exchange_agreed_to_is_not_yet_an_exchange(events_of):
    found = events_of("On Wednesday the two sides agreed to a large prisoner exchange in Geneva.")
    assert "prisoner_exchange" not in {e.type for e in found}


@pytest.mark.parametrize("text", [
    "Officials declined to comment on rumours that Kyiv and Moscow had agreed to a truce.",
    "Zelensky wants guarantees approved by Congress before any peace deal is signed.",
    "The truce will be signed only after the sanctions are lifted, the envoy said.",
    "He said an election could come only after a ceasefire is signed.",
])
def test_rumoured_or_future_deal_is_no_agreement(events_of, text):
    assert [e for e in events_of(text) if e.type == "agreement"] == []


@pytest.mark.parametrize("text", ["The truce was signed in Istanbul on Friday.",
                                  "The two sides have signed a truce in Istanbul."])
def test_a_deal_signed_in_the_past_or_perfect_is_an_agreement(events_of, text):
    assert "agreement" in {e.type for e in events_of(text)}


def test_calling_a_person_is_a_call(events_of):
    [e] = events_of("Trump called Zelensky on Friday to tell him about the plan.")
    assert e.type == "meeting" and e.date == FRI


def test_calling_a_person_the_tagger_misses_is_a_call(events_of):
    """The small model reads "Volodymyr Zelenskyy" as an organisation; the article's people know him."""
    [e] = events_of("Donald Trump called Volodymyr Zelenskyy on Thursday evening.")
    assert e.type == "meeting"


def test_a_meeting_whose_only_named_side_the_tagger_misses_is_concrete(events_of):
    [e] = events_of("Andrii Sybiha met with envoys of the Nordic governments during the conference.")
    assert e.type == "meeting" and "Andrii Sybiha" in e.participants


@pytest.mark.parametrize("text", ["Zelensky called Putin a liar on Friday.",
                                  "Kyiv called for new talks in Geneva on Friday."])
def test_naming_or_asking_is_no_call(events_of, text):
    assert [e for e in events_of(text) if e.type == "meeting"] == []


def test_question_line_reports_no_event(events_of):
    assert events_of("Will Russian and Ukrainian envoys meet in Geneva on Friday?") == []


def test_deals_reached_as_a_habit_are_no_agreement(events_of):
    found = events_of("Summits are the place where deals are reached, the minister said.")
    assert "agreement" not in {e.type for e in found}


def test_deal_reached_is_an_agreement(events_of):
    [e] = events_of("The two sides reached a deal in Riyadh on Tuesday.")
    assert (e.type, [l.name for l in e.locations]) == ("agreement", ["Riyadh"])


def test_a_country_that_talks_is_a_side_not_a_venue(events_of):
    assert events_of("Ukraine has held talks with the United States on a peace plan.") == []
    [e] = events_of("Ukrainian envoys held talks with the United States in Geneva.")
    assert [l.name for l in e.locations] == ["Geneva"]


def test_the_other_side_of_a_swap_is_no_place(events_of):
    [e] = events_of("Kyiv brought home 84 servicemen on Friday in the latest prisoner swap with Russia.")
    assert e.type == "prisoner_exchange" and e.locations == []


def test_what_they_also_agreed_is_the_same_deal(events_of):
    [e] = events_of("On Monday the delegations agreed to swap prisoners. "
                    "The delegations also agreed to keep talking.")
    assert e.type == "agreement" and e.evidence.startswith("On Monday")


@pytest.mark.parametrize("text", [
    "Trump said he planned to meet Putin soon, probably in Riyadh.",
])
def test_probable_meeting_is_no_event(events_of, text):
    assert events_of(text) == []


def test_past_meeting_stays_whatever_the_adverb_doubts(events_of):
    [e] = events_of("Delegations met in Riyadh on Monday, probably for the last time.")
    assert e.type == "meeting"


@pytest.mark.parametrize("text", [
    "The Kremlin said on Tuesday that there was still no exact date for arranging a summit between Trump and Putin.",
    "There are no plans for a meeting between Trump and Putin, the aide said.",
])
def test_no_plan_for_a_meeting_is_no_meeting(events_of, text):
    assert events_of(text) == []


def test_an_envoys_visit_is_a_meeting(events_of):
    [e] = events_of("The envoy arrived on Thursday on a two-day visit to Moscow.")
    assert (e.type, [l.name for l in e.locations]) == ("meeting", ["Moscow"])


def test_a_call_people_hold_is_a_meeting_and_a_call_for_something_is_not(events_of):
    [e] = events_of("Trump's call with Putin lasted two hours on Monday.")
    assert e.type == "meeting"
    assert events_of("Kyiv's call for a truce went unanswered on Monday.") == []


def test_two_rounds_in_one_sentence_keep_their_own_venues(events_of):
    found = events_of("The talks due to take place in Riyadh on Sunday follow negotiations in Geneva "
                      "last week between the envoys.")
    assert sorted([l.name for l in e.locations] for e in found) == [["Geneva"], ["Riyadh"]]


@pytest.mark.parametrize("text, place", [
    ("Zelensky hosted the British prime minister in Kyiv on Saturday.", "Kyiv"),
    ("Rubio hosted the Ukrainian team at a golf club in Hallandale Beach on Sunday.", "Hallandale Beach"),
    ("Trump received Zelensky at Mar-a-Lago on Sunday for talks on the peace plan.", "Mar-a-Lago"),
])
def test_a_meeting_is_placed_where_the_guest_was_received(events_of, text, place):
    """The parse hangs the place on the guest or on a venue noun, and a venue may be five tokens."""
    [e] = [e for e in events_of(text) if e.type == "meeting"]
    assert [loc.name for loc in e.locations] == [place]


def test_sanctions_hitting_an_economy_are_no_strike(events_of):
    assert [e for e in events_of("Western sanctions are hitting the Russian economy hard, officials in Kyiv said.")
            if e.type == "strike"] == []


def test_agreeing_to_meet_again_is_no_agreement(events_of):
    assert [e for e in events_of("After the session in Geneva, both sides agreed to meet again next month.")
            if e.type == "agreement"] == []


@pytest.mark.parametrize("text, geonameid", [
    ("Units of the Dnepr group liberated the settlement of Malokaterynivka, the ministry said.", 702072),
    ("Ukrainian troops held their lines, while the fighting for Kostiantynivka continued.", 705104),
])
def test_the_town_fought_over_is_the_place_of_the_fighting(events_of, text, geonameid):
    [e] = [e for e in events_of(text) if e.type == "ground_fighting"]
    assert geonameid in [loc.geonameid for loc in e.locations]
