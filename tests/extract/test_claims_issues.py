"""Issue choice from codebook cues; the embedding option fails clearly without its package."""
import importlib.util

import pytest

from detente.codebook import Codebook
from detente.extract.claims.issues import IssueClassifierError, classify_issue


@pytest.fixture(scope="module")
def cb():
    return Codebook.bundled()


@pytest.mark.parametrize("text, issue", [
    ("foreign troops on that land would count as an intervention", "security_guarantees"),
    ("ruling out Ukraine's NATO membership for good", "neutrality_military_limits"),
    ("urged Ukraine to hold both votes by May 15", "elections_governance"),
    ("recognition in law that Donbas belongs to Russia under any deal", "territory"),
    ("the first round of trilateral talks was constructive", "process_talks"),
    pytest.param("Kyiv would reject any cap on its army", "neutrality_military_limits",
                 id="a cue's article stands for any determiner"),
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
    from detente.extract.claims.finder import find_claims
    from detente.extract.context import ArticleContext
    from detente.records import Document

    text = ("Zelensky spoke of the need for a clear signal on security, adding that Ukraine "
            "would welcome it if Trump could join a three-way meeting.")
    ctx = ArticleContext(document=Document(id="t", text=text), codebook=cb, doc=nlp(text))
    found = [(c.party, c.issue, c.stance) for c in find_claims(ctx, [])]
    assert ("UKR", "process_talks", "proposal") in found


def test_what_is_offered_outranks_its_price_on_a_tie(cb):
    """'X in exchange for Y': the clause is about X; Y only breaks no tie."""
    text = "Kyiv could set aside NATO membership in exchange for security guarantees."
    assert classify_issue(text, cb).issue == "neutrality_military_limits"
    text = "Kyiv wants security guarantees in exchange for giving up NATO membership."
    assert classify_issue(text, cb).issue == "security_guarantees"


def test_western_troops_on_the_ground_are_about_security_guarantees(claims_of):
    found = [(c.party, c.issue, c.stance) for c in
             claims_of("Moscow will never agree to Western troops in Ukraine, Peskov said.")]
    assert ("RUS", "security_guarantees", "rejection") in found


@pytest.mark.parametrize("text, issue", [
    ("Kyiv will not give up its hopes of joining NATO", "neutrality_military_limits"),
    ("both sides spoke of halting the fighting by spring", "ceasefire"),
])
def test_a_phrase_cue_reads_its_words_inflected(cb, text, issue):
    """'join NATO' reads 'joining NATO'; a one-word cue is still matched as written."""
    assert classify_issue(text, cb).issue == issue


def test_a_short_word_keeps_its_spelling(cb):
    """'military aid' must not read 'military aides': words under four letters take no endings."""
    hit = classify_issue("two military aides to the president flew home", cb)
    assert hit is None or hit.issue != "neutrality_military_limits"
