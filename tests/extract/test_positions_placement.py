"""Claims land on the codebook scale at the anchor their words name."""
import pytest

from detente.codebook import Codebook
from detente.extract.claims.positions import place


@pytest.fixture(scope="module")
def cb():
    return Codebook.bundled()


def test_every_issue_has_an_anchored_scale(cb):
    for issue in cb.issues:
        assert issue.scale_meaning and len(issue.scale) >= 3, issue.id
        assert all(p.description for p in issue.scale), issue.id


@pytest.mark.parametrize("text, value", [
    ("formal, that is, de jure, acceptance of Donbas as part of Russia", 100),
    ("accept Russian control de facto, without recognition", 50),
    ("a freeze along the current line of contact", 25),
    ("Ukraine must withdraw from the entire Donbas", 75),
    ("a return to the 1991 borders", 0),
])
def test_territory_anchors(cb, text, value):
    spot = place("territory", "demand", text, cb)
    assert spot.value == value and spot.label and spot.cues


def test_rejection_is_not_placed(cb):
    assert place("territory", "rejection", "de jure recognition of Donbas", cb).value is None


def test_no_cue_no_position(cb):
    assert place("territory", "demand", "talks about land went on", cb).value is None


@pytest.mark.parametrize("text", [
    "The Kremlin has shifted its terms from de facto control to de jure recognition of the region.",
    "For Moscow the region has stopped being a question of de facto control and become one of de jure recognition.",
    "Moscow now wants de jure recognition rather than de facto control.",
    "Instead of de facto control, the Kremlin now asks for de jure recognition.",
])
def test_the_point_a_position_moves_away_from_does_not_place_it(cb, text):
    assert place("territory", "demand", text, cb).value == 100


def test_a_withdrawal_from_a_region_still_places_the_demand(cb):
    text = "Moscow insists that Kyiv withdraw its troops from the entire Donbas region to end the war."
    assert place("territory", "demand", text, cb).value == place(
        "territory", "demand", "Moscow insists on the entire Donbas region.", cb).value


@pytest.mark.parametrize("text, value", [
    ("Moscow wants Kyiv to withdraw from the Donetsk region first", 75),      # an article between cue words
    ("the sides would freeze the frontline where it runs today", 25),          # 'front line' written as one word
    ("a pull-back of both armies leaving a demilitarised zone under monitors", 25),
    ("Kyiv must quit the four oblasts that Moscow lists in its constitution", 90),
])
def test_cues_read_through_articles_and_joined_words(cb, text, value):
    assert place("territory", "demand", text, cb).value == value


def test_a_lapsed_arrangement_is_a_departure_not_a_position(cb):
    """The terms of a truce that ran its course are not where the party stands now."""
    spot = place("ceasefire", "assessment", "The pause on hitting power grids and energy infrastructure has expired "
                                            "and nobody spoke of renewing it.", cb)
    assert spot.value == 100 and spot.cues == ["expired"]
    assert place("ceasefire", "acceptance", "Both leaders backed a pause on energy infrastructure.", cb).value == 50


@pytest.mark.parametrize("text, value", [
    ("The president said he had never ruled out a meeting with his counterpart.", None),
    ("Officials insisted the talks were not at an impasse.", None),
    ("The minister said they don't see any deadlock in the talks.", None),
    ("The delegation ruled out a meeting next week.", 0),
    ("Both sides say there is no progress, but the talks are stalled rather than over.", 25),
    ("The envoy regretted the absence of progress at the table.", None),
    ("Kyiv complained of a lack of progress in the second round.", None),
])
def test_a_negated_cue_places_nothing(cb, text, value):
    assert place("process_talks", "assessment", text, cb).value == value


@pytest.mark.parametrize("text, value", [
    ("Kyiv is prepared to drop its bid for NATO membership if the allies guarantee its security.", 50),
    ("The government gave up the goal of NATO membership in exchange for a defence pact.", 50),
    ("Moscow has abandoned its insistence on international recognition of the annexed land.", 50),
])
def test_a_scale_end_given_up_places_the_middle(cb, text, value):
    """Giving up one end says the party left it, not how far it went: the middle, not the end."""
    issue = "neutrality_military_limits" if "NATO" in text else "territory"
    spot = place(issue, "proposal", text, cb)
    assert spot.value == value and spot.cues


@pytest.mark.parametrize("text, value", [
    ("Kyiv will never give up its goal of NATO membership.", 0),
    ("Kyiv refused to drop its bid for NATO membership.", 0),
])
def test_a_refused_giving_up_keeps_the_end(cb, text, value):
    assert place("neutrality_military_limits", "demand", text, cb).value == value


@pytest.mark.parametrize("text, low, high", [
    pytest.param("Peskov said the talks were moving forward, but slowly.", 60, 90, id="moving forward"),
    pytest.param("Peskov said the talks had reached a standstill.", 10, 40, id="a standstill"),
])
def test_the_talks_placed_by_the_general_words_of_progress_and_deadlock(claims_of, text, low, high):
    [claim] = [c for c in claims_of(text) if c.issue == "process_talks"]
    assert claim.position is not None and low <= claim.position <= high
