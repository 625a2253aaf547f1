"""A cue places a party only in its own voice: a clause whose saying or wanting verb has another
party as subject reports that party's position, not the speaker's (hand-written sentences)."""
import pytest

from detente.extract.claims.positions import others_voice, place


def _placed(article, text: str, party: str, issue: str, stance: str = "demand"):
    ctx = article(text)
    sent = next(iter(ctx.doc.sents))
    skip = others_voice(sent, party, ctx, sent.start_char, sent.end_char)
    return place(issue, stance, sent.text, ctx.codebook, skip).value


@pytest.mark.parametrize("text", [
    "The Ukrainian president said that Moscow still wants the entire Donbas.",
    "Kyiv warned that the Russians have not moved and they want the entire Donbas.",
])
def test_another_partys_wish_does_not_place_the_speaker(article, text):
    assert _placed(article, text, "UKR", "territory") is None


def test_the_same_wish_places_its_own_party(article):
    assert _placed(article, "The Ukrainian president said that Moscow still wants the entire Donbas.",
                   "RUS", "territory") == 75


def test_they_refers_to_the_speakers_own_side(article):
    text = "Ukrainian officials said they want a comprehensive ceasefire."
    assert _placed(article, text, "UKR", "ceasefire") == 0


def test_a_demand_on_the_other_side_stays_the_demanders(article):
    text = "The Kremlin demanded that Ukraine withdraw from the entire Donbas."
    assert _placed(article, text, "RUS", "territory") == 75


def test_own_voice_inside_anothers_report_places(article):
    text = "Washington said that Moscow wants the entire Donbas."
    assert _placed(article, text, "RUS", "territory") == 75
    assert _placed(article, text, "USA", "territory") is None


def test_claims_keep_cues_of_their_own_voice(claims_of):
    text = "Zelensky said on Monday that the Russians have not changed their stance: they want the entire Donbas."
    for c in claims_of(text):
        if c.party == "UKR" and c.issue == "territory":
            assert "entire donbas" not in c.position_cues


def test_what_another_party_will_say_does_not_place_the_speaker(article):
    text = "She noted that in Russia they would surely call any vote illegitimate."
    assert _placed(article, text, "UKR", "elections_governance", "assessment") is None
    assert _placed(article, text, "RUS", "elections_governance", "assessment") == 100


def test_a_shared_voice_places_each_of_its_parties(article):
    text = "Both Washington and Kyiv said that they want a comprehensive ceasefire."
    assert _placed(article, text, "UKR", "ceasefire") == 0
    assert _placed(article, text, "USA", "ceasefire") == 0
    assert _placed(article, text, "RUS", "ceasefire") is None
