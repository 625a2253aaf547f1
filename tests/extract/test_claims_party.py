"""Whose position: metonyms, reported parties, obligations and pronouns in quotes."""
import pytest

from detente.records import Quote, Speaker

pytestmark = pytest.mark.model


def test_party_via_metonym(claims_of):
    found = claims_of("The Kremlin has put forward a new condition: recognition of Donbas as Russian territory.")
    assert ("RUS", "territory", "demand") in [(c.party, c.issue, c.stance) for c in found]


def test_reported_party_is_not_the_reporter(claims_of):
    found = claims_of("Trump said Russian President Vladimir Putin had agreed to accept Western security guarantees for Kyiv.")
    hits = [c for c in found if c.issue == "security_guarantees"]
    assert [(c.party, c.stance) for c in hits] == [("RUS", "acceptance")]
    assert "Trump" in (hits[0].source.name or "") and hits[0].source.type == "official"


def test_plural_demonyms_and_conjuncts(claims_of):
    found = claims_of("Both Moscow and Kyiv described the opening round of three-way talks as constructive.")
    assert {c.party for c in found if c.stance == "assessment"} == {"RUS", "UKR"}


def test_pronoun_in_quote_takes_speaker_party(claims_of):
    text = "“We are ready to accept a ceasefire,” the speaker said."
    quote = Quote(text="We are ready to accept a ceasefire,", start=1, end=36, kind="direct", cue="said",
                  speaker=Speaker(name="Kirill Dmitriev", party="RUS"))
    found = claims_of(text, [quote])
    assert [(c.party, c.issue, c.stance) for c in found] == [("RUS", "ceasefire", "acceptance")]
    assert found[0].source.type == "official" and found[0].source.name == "Kirill Dmitriev"


def test_expert_voice_is_no_party(claims_of):
    text = "“The talks are making progress,” said political analyst Jan Novak, an independent expert."
    assert [c for c in claims_of(text) if c.party == "NONE"] == []


def test_a_role_someone_owns_is_not_that_person(article):
    from detente.extract.mentions.parties import resolve

    ctx = article("Putin's spokesperson said the talks had stalled.")
    [voice] = resolve(next(t for t in ctx.doc if t.dep_ == "nsubj"), ctx)
    assert voice.name != "Vladimir Putin"
    assert voice.party == "RUS" and voice.kind == "person"


def test_a_claim_the_model_adds_takes_the_side_of_whoever_acts(article):
    """No stance word the rules know and no one speaking: the model finds the claim, and the
    sentence's subject, not the words' likeliest side, says whose it is."""
    from detente.extract.claims.model import load_model
    from detente.extract.claims.finder import find_claims

    ctx = article("Vladimir Putin signed a decree on seizing Western assets in response to European sanctions.")
    found = find_claims(ctx, [], model=load_model())
    assert [(c.party, c.issue, c.source.type) for c in found] == [("RUS", "sanctions_assets", "official")]


def test_a_known_surname_the_tagger_reads_as_a_noun_still_names_its_side(article):
    """First mention, sentence-initial: the small model tags "Trump" as a common noun."""
    from detente.extract.claims.model import load_model
    from detente.extract.claims.finder import find_claims

    ctx = article("Trump threatened new sanctions on Russia if Moscow does not agree to a ceasefire.")
    found = find_claims(ctx, [], model=load_model())
    assert ("USA", "sanctions_assets") in [(c.party, c.issue) for c in found]
    assert {c.party for c in found} == {"USA"}  # the ceasefire it names is a second claim, also the US's


def test_a_body_named_again_by_its_noun_holds_for_its_side(claims_of):
    found = claims_of("Ukraine's foreign ministry answered within hours. "
                      "The ministry rejected any handover of territory as a condition for a truce.")
    assert ("UKR", "territory", "rejection") in [(c.party, c.issue, c.stance) for c in found]


@pytest.mark.parametrize("text, party, issue", [
    pytest.param("For Ukraine, a cap on the size of its army is a red line in any negotiations.",
                 "UKR", "neutrality_military_limits", id="for whom, first"),
    pytest.param("Recognising Russian control of Crimea is a red line for Kyiv, Sybiha said.", "UKR", "territory",
                 id="for whom, after"),
    pytest.param("The Kremlin said the deployment of European troops in Ukraine remained a red line.", "RUS",
                 "security_guarantees", id="the voice that draws it"),
])
def test_a_red_line_is_refused_by_the_side_it_belongs_to(claims_of, text, party, issue):
    found = [(c.party, c.issue, c.stance) for c in claims_of(text)]
    assert (party, issue, "rejection") in found


def test_us_in_capitals_is_the_united_states_not_the_pronoun(claims_of):
    found = claims_of("The US wants Ukraine to hold elections within 100 days of a ceasefire.")
    assert ("USA", "elections_governance", "demand") in [(c.party, c.issue, c.stance) for c in found]


@pytest.mark.parametrize("subject, party", [
    ("Ukraine's allies", None),
    ("Ukraine's European allies", "EU"),
    ("The E.U.", "EU"),
    ("The Rada", "UKR"),
    ("The State Duma", "RUS"),
])
def test_who_a_subject_names(claims_of, subject, party):
    """Allies are not the side they are allied to; the parliaments and the E.U. are named by the case."""
    found = claims_of(f"{subject} wants a ceasefire in Ukraine by Easter.")
    assert [c.party for c in found if c.issue == "ceasefire"] == ([party] if party else [])
