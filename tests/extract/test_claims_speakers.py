"""Claims take their speakers from the quotes stage's mention index and its quotes."""
import pytest


pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def claims_of(claims_of):
    """Claims with the quotes stage's quotes, as in the pipeline."""
    return lambda text: claims_of(text, quotes=None)


def test_pronoun_resolves_through_mention_index(claims_of):
    found = claims_of("Zelensky spoke in Kyiv on Monday. He rejected the ceasefire.")
    assert ("UKR", "ceasefire", "rejection") in [(c.party, c.issue, c.stance) for c in found]


def test_document_source_is_not_an_expert(claims_of):
    found = claims_of("Russian President Vladimir Putin has agreed to a temporary ceasefire on energy "
                      "infrastructure, according to a statement from the Kremlin.")
    hits = [c for c in found if c.party == "RUS" and c.issue == "ceasefire"]
    assert hits and hits[0].source.type == "official"


def test_anonymous_reporter_keeps_source_anonymous(claims_of):
    found = claims_of("Officials said Russia agreed to a prisoner exchange.")
    hits = [c for c in found if c.party == "RUS"]
    assert hits and hits[0].source.type == "anonymous"

