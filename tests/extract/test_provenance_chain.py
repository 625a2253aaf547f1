"""Source types and relay chains."""
import pytest

from detente.extract.mentions.parties import Mention
from detente.extract.provenance import make_source

pytestmark = pytest.mark.model


def test_chain_through_media_to_anonymous_sources(claims_of):
    text = ("According to Western sources in the Russian media, the Kremlin has put forward a new key "
            "condition — de jure recognition of Donbas as Russian territory. This has been reported by "
            "several news outlets, citing sources in diplomatic circles.")
    claim = next(c for c in claims_of(text) if c.issue == "territory")
    assert claim.source.type == "anonymous"
    chain = " | ".join(claim.source.chain)
    assert "Western sources" in chain and "Russian media" in chain and "diplomatic circles" in chain


def test_named_official_on_record(claims_of):
    claim = claims_of("Kremlin spokesman Dmitry Peskov said Moscow viewed the talks in Abu Dhabi positively.")[0]
    assert (claim.party, claim.source.type) == ("RUS", "official")
    assert "Peskov" in claim.source.name


def test_unattributed_is_author(claims_of):
    claim = claims_of("Ukraine does not agree to the quick signing of a ceasefire.")[0]
    assert (claim.party, claim.stance, claim.source.type) == ("UKR", "rejection", "author")


def test_expert_relaying_a_party_position(claims_of):
    text = ("According to Yagodzinsky, a political analyst, Moscow has already made it clear that any presence "
            "of foreign troops will be regarded as intervention.")
    claim = next(c for c in claims_of(text) if c.issue == "security_guarantees")
    assert (claim.party, claim.stance, claim.source.type) == ("RUS", "rejection", "expert")


def test_least_accountable_link_decides():
    links = [Mention("RUS", "Peskov", "person"), Mention(None, "Reuters", "media")]
    assert make_source(links).type == "official"
    links.append(Mention(None, "sources close to the Kremlin", "anonymous"))
    assert make_source(links).type == "anonymous"
    assert make_source([]).type == "author"


def test_heading_glued_to_sentence_is_not_the_source(claims_of):
    found = claims_of("Talks resume in Geneva.\nPlanned announcement on invasion anniversary\n"
                      "Officials said Zelensky intends to announce the peace plan on February 24.")
    hits = [c for c in found if c.party == "UKR"]
    assert hits and hits[0].source.type == "anonymous" and hits[0].source.name == "Officials"
