"""Issue choice from codebook cues; the embedding option fails clearly without its package."""
import importlib.util

import pytest

from detente.codebook import Codebook
from detente.extract.issues import IssueClassifierError, classify_issue


@pytest.fixture(scope="module")
def cb():
    return Codebook.bundled()


@pytest.mark.parametrize("text, issue", [
    ("any presence of foreign troops will be regarded as intervention", "security_guarantees"),
    ("excluding any possibility of Ukraine's NATO membership", "neutrality_military_limits"),
    ("urged Ukraine to hold both votes by May 15", "elections_governance"),
    ("de jure recognition of Donbas as Russian territory in a peace agreement", "territory"),
    ("the first round of trilateral talks was constructive", "process_talks"),
])
def test_lexical_issue(cb, text, issue):
    assert classify_issue(text, cb).issue == issue


def test_no_cue_no_issue(cb):
    assert classify_issue("it rained all day", cb) is None


def test_unknown_classifier(cb):
    with pytest.raises(IssueClassifierError):
        classify_issue("talks", cb, method="magic")


@pytest.mark.skipif(importlib.util.find_spec("torch") is not None, reason="embedding package installed")
def test_embedding_without_package_says_so(cb):
    with pytest.raises(IssueClassifierError, match="pip install"):
        classify_issue("talks", cb, method="embedding")


@pytest.mark.model
def test_issue_from_own_clause_before_rest_of_sentence(nlp, cb):
    from detente.extract.claims import find_claims
    from detente.extract.context import ArticleContext
    from detente.records import Document

    text = ("Zelensky stressed the importance of security guarantees, noting that Ukraine "
            "would be happy if Trump could attend a trilateral meeting.")
    ctx = ArticleContext(document=Document(id="t", text=text), codebook=cb, doc=nlp(text))
    found = [(c.party, c.issue, c.stance) for c in find_claims(ctx, [])]
    assert ("UKR", "process_talks", "proposal") in found
