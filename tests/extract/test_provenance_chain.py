"""Source types and relay chains."""
import pytest

from detente.extract.mentions.parties import Mention
from detente.extract.claims.provenance import make_source

pytestmark = pytest.mark.model


def test_chain_through_media_to_anonymous_sources(claims_of):
    text = ("According to Western sources in Russian media, Moscow now makes a fresh demand — "
            "recognition of Donbas as Russian territory in law. This has been reported by a number of "
            "outlets, citing people in diplomatic circles.")
    claim = next(c for c in claims_of(text) if c.issue == "territory")
    assert claim.source.type == "anonymous"
    chain = " | ".join(claim.source.chain)
    assert "Western sources" in chain and "Russian media" in chain and "diplomatic circles" in chain


def test_named_official_on_record(claims_of):
    claim = claims_of("Kremlin spokesman Dmitry Peskov said Moscow was positive about the Abu Dhabi talks.")[0]
    assert (claim.party, claim.source.type) == ("RUS", "official")
    assert "Peskov" in claim.source.name


def test_unattributed_is_author(claims_of):
    claim = claims_of("Ukraine does not agree to a hasty ceasefire deal.")[0]
    assert (claim.party, claim.stance, claim.source.type) == ("UKR", "rejection", "author")


def test_expert_relaying_a_party_position(claims_of):
    text = ("According to Yagodzinsky, a political analyst, the Kremlin has already signalled that it would "
            "see any foreign troops as an intervention.")
    claim = next(c for c in claims_of(text) if c.issue == "security_guarantees")
    assert (claim.party, claim.stance, claim.source.type) == ("RUS", "rejection", "expert")


def test_least_accountable_link_decides():
    links = [Mention("RUS", "Peskov", "person"), Mention(None, "Reuters", "media")]
    assert make_source(links).type == "official"
    links.append(Mention(None, "sources close to the Kremlin", "anonymous"))
    assert make_source(links).type == "anonymous"
    assert make_source([]).type == "author"


def test_heading_glued_to_sentence_is_not_the_source(claims_of):
    found = claims_of("Talks resume in Geneva.\nPlan to be unveiled on the anniversary\n"
                      "Officials said Zelensky intends to present the peace plan on February 24.")
    hits = [c for c in found if c.party == "UKR"]
    assert hits and hits[0].source.type == "anonymous" and hits[0].source.name == "Officials"


def test_named_holder_acting_now_is_on_record(claims_of):
    claim = next(c for c in claims_of("Zelensky rejects any ceasefire that freezes the front line.")
                 if c.party == "UKR")
    assert claim.source.type == "official"


def test_named_holder_in_the_perfect_is_the_article_recalling(claims_of):
    """'X has long rejected …' recalls a known position in the article's voice."""
    claim = next(c for c in claims_of("Zelensky has long rejected any ceasefire that freezes the front line.")
                 if c.party == "UKR")
    assert claim.source.type == "author"


def test_the_text_of_a_document_is_a_document_source(claims_of):
    text = ("“Kyiv is ready to accept the proposal of an immediate truce. Washington will pass this on "
            "to Moscow,” the document says.")
    claim = next(c for c in claims_of(text, quotes=None) if c.issue == "ceasefire")
    assert claim.source.type == "document"


def test_an_unnamed_aide_to_a_leader_is_an_anonymous_source(claims_of):
    """'an adviser to Zelensky' speaks for Kyiv but is no one on record."""
    [claim] = [c for c in claims_of("Kyiv rejected the land swap, an adviser to Zelensky told Reuters.")
               if c.issue == "territory"]
    assert (claim.party, claim.stance, claim.source.type) == ("UKR", "rejection", "anonymous")


def test_state_media_are_media_not_the_state(claims_of):
    [claim] = [c for c in claims_of("Russian state media reported that Moscow demands the lifting of sanctions.",
                                    quotes=None) if c.issue == "sanctions_assets"]
    assert (claim.party, claim.source.type) == ("RUS", "media")


def test_an_analyst_in_apposition_is_an_expert_source(claims_of):
    found = claims_of("Tatiana Stanovaya, a political analyst, said the Kremlin would never accept European peacekeepers.")
    [claim] = [c for c in found if c.issue == "security_guarantees"]
    assert claim.source.type == "expert"


def test_unnamed_officials_acting_now_are_an_anonymous_source(claims_of):
    """'Officials urged …': the holders speak for their side but no one is named."""
    [claim] = [c for c in claims_of("Ukrainian officials on Monday urged Washington to impose new sanctions on Russian oil.")
               if c.issue == "sanctions_assets"]
    assert (claim.party, claim.stance, claim.source.type) == ("UKR", "demand", "anonymous")


def test_a_position_known_through_an_outlet_is_the_outlets(claims_of):
    """'…, per Bloomberg': a body's position that only an outlet reports is the outlet's report."""
    [claim] = [c for c in claims_of("Russia rejects a ceasefire along the current front line, per Bloomberg.")
               if c.issue == "ceasefire"]
    assert (claim.party, claim.source.type) == ("RUS", "media")
    assert claim.source.name == "Bloomberg"


def test_per_before_a_common_noun_cites_no_one(claims_of):
    found = claims_of("Kyiv rejected a truce that would cost it thousands of soldiers per month.")
    assert all(c.source.type == "author" for c in found if c.party == "UKR")


def test_a_body_relayed_by_an_outlet_and_a_named_official_stays_on_record():
    links = [Mention("RUS", "the Kremlin", "metonym"), Mention(None, "TASS", "media")]
    assert make_source(links).type == "media"
    links.insert(0, Mention("RUS", "Dmitry Peskov", "person"))
    assert make_source(links).type == "official"


def test_he_set_off_after_a_country_is_not_the_country(claims_of):
    """'Russia, he said, is demanding …': he is the person named before, Russia what he speaks of."""
    found = claims_of("Trump spoke to reporters on Air Force One on Sunday. "
                      "Russia, he said, is demanding all of Donbas before any ceasefire.")
    [claim] = [c for c in found if c.issue == "territory"]
    assert (claim.party, claim.source.type, claim.source.name) == ("RUS", "official", "Donald Trump")


def test_a_participle_trailing_a_reported_clause_is_the_reporters(claims_of):
    """The parse hangs "stressing" on "meet"; the officials meeting did not stress anything."""
    text = ("Reuters reports Germany's Chancellor Friedrich Merz said the senior officials would meet in Bern "
            "next week, stressing the importance of firm security guarantees for Ukraine.")
    [claim] = [c for c in claims_of(text) if c.issue == "security_guarantees"]
    assert claim.source.type == "official" and "senior officials" not in claim.source.chain


@pytest.mark.parametrize("subject", ["Trump administration officials", "Two officials in the Trump administration"])
def test_officials_of_an_administration_named_for_a_leader_are_unnamed(claims_of, subject):
    """The leader's name qualifies the administration: no one is named, so no one is on record."""
    claim = claims_of(f"{subject} said Washington would offer Kyiv security guarantees modelled on Article 5.")[0]
    assert (claim.party, claim.source.type) == ("USA", "anonymous")
    assert "Trump" not in (claim.source.name or "").replace("Trump administration", "")


def test_where_an_unnamed_official_sits_names_the_side(claims_of):
    claim = claims_of("A senior official in Zelensky's office said Kyiv would reject any withdrawal from Donbas.")[0]
    assert (claim.party, claim.stance, claim.source.type) == ("UKR", "rejection", "anonymous")


def test_a_name_set_off_after_a_long_title_is_on_record(claims_of):
    """The parse may hang the name on the place that ends the title ("… in Riyadh, Vladimir
    Medinsky"); set off by commas, it names the head of the delegation, who is on record."""
    text = ("According to news agencies, the head of Moscow's delegation at the meeting in Riyadh, "
            "Vladimir Medinsky, announced that Russia had handed Ukraine a memorandum on a ceasefire.")
    claim = next(c for c in claims_of(text) if c.issue == "ceasefire")
    assert (claim.source.type, claim.source.name) == ("official", "Vladimir Medinsky")


@pytest.mark.parametrize("text, outlet", [
    ("Kommersant reported that Moscow is ready to exchange all prisoners.", "Kommersant"),
    ("The newspaper Bild reported that Germany wants a ceasefire before Christmas.", "Bild"),
    ("According to Axios, the White House wants Kyiv to sign the framework before Christmas.", "Axios"),
])
def test_an_outlet_the_case_does_not_know_is_an_outlet(claims_of, text, outlet):
    """Neither an expert nor the body it reports on: an outlet the codebook does not list still
    reports, and a body known only through it is the outlet's report."""
    claim = claims_of(text, quotes=None)[0]
    assert (claim.source.type, claim.source.name) == ("media", outlet)


@pytest.mark.parametrize("text, kind", [
    ("Moscow is ready to resume talks in Istanbul, a source in the Kremlin said.", "anonymous"),
    ("Moscow is ready to exchange all prisoners, people briefed on the talks said.", "anonymous"),
])
def test_a_closing_unnamed_source_the_parse_hung_on_the_clause(claims_of, text, kind):
    claim = claims_of(text, quotes=None)[0]
    assert (claim.party, claim.source.type) == ("RUS", kind)


def test_a_title_taken_up_as_the_person_named_with_it_is_on_record(claims_of):
    """"the Kremlin aide" after "Kremlin aide Yury Ushakov" is Ushakov, on record; "a Kremlin
    aide" is someone unnamed."""
    named = claims_of('Kremlin aide Yury Ushakov met Witkoff on Monday. "Moscow will never accept foreign troops in '
                      'Ukraine," the Kremlin aide said.', quotes=None)
    assert [(c.source.type, c.source.name) for c in named] == [("official", "Ushakov")]
    unnamed = claims_of('"Moscow will never accept foreign troops in Ukraine," a Kremlin aide said.', quotes=None)
    assert [c.source.type for c in unnamed] == ["anonymous"]
