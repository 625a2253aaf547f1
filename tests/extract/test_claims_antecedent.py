"""'… announce the plan': a noun pointing back takes the issue an earlier sentence names."""
import pytest


pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def issues_of(claims_of):
    return lambda text: {(c.party, c.issue) for c in claims_of(text)}


def test_the_plan_takes_earlier_issue(issues_of):
    found = issues_of("Ukraine is preparing for presidential elections and a referendum.\n"
                      "Zelensky intends to present the plan on February 24.")
    assert ("UKR", "elections_governance") in found
    assert ("UKR", "process_talks") not in found


def test_the_plan_alone_stays_generic(issues_of):
    found = issues_of("Zelensky intends to present the plan on February 24.")
    assert ("UKR", "elections_governance") not in found


def test_specific_issue_word_is_kept(issues_of):
    found = issues_of("Ukraine is preparing for presidential elections.\n"
                      "Zelensky intends to propose a prisoner exchange.")
    assert ("UKR", "humanitarian_prisoners") in found
    assert ("UKR", "elections_governance") not in found
