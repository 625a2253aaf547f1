"""A bare 'X said that …' about the talks is X's assessment of them; about anything else, nothing."""
import pytest


pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def claims_of(claims_of):
    return lambda text: [(c.party, c.issue, c.stance) for c in claims_of(text)]


def test_statement_on_the_talks_is_an_assessment(claims_of):
    found = claims_of("Kremlin spokesman Dmitry Peskov claims that Moscow has not yet seen the revised draft of the peace plan.")
    assert ("RUS", "process_talks", "assessment") in found


def test_statement_on_casualties_is_no_position(claims_of):
    assert claims_of("Zelensky said that the missile attack left 31 people dead, four of them children.") == []


def test_statement_naming_another_issue_too_is_no_position(claims_of):
    found = claims_of("The Kremlin said that territorial issues remain central to the talks.")
    assert ("RUS", "process_talks", "assessment") not in found


def test_stance_word_wins_over_bare_statement(claims_of):
    found = claims_of("Peskov said that Russia rejects the peace plan.")
    assert ("RUS", "process_talks", "rejection") in found
    assert ("RUS", "process_talks", "assessment") not in found
