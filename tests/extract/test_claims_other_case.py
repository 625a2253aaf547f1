"""A case is data: with another negotiation's codebook, the claim model (trained on the bundled
case) may still find and check claims, but never labels one with a side or an issue the case
lacks, nor places a claim on a scale it never learned."""
import datetime as dt
from pathlib import Path

import pytest

from detente.codebook import Codebook
from detente.extract import Extractor
from detente.records import Document

CASE = Path(__file__).resolve().parents[2] / "examples" / "armenia_azerbaijan.yaml"

TEXT = """Pashinyan said Armenia would never accept any foreign troops on its soil and called for a ceasefire along the whole border.

Baku wants international guarantees that Armenia will not rearm, and it has asked Washington to stop military aid to Yerevan.

"The text is ready, but the signature will come only after the preamble is gone," Aliyev told reporters in Baku.

Armenia wants the road and rail link to run under Armenian customs, while Baku has pressed for passage without checks.
"""


@pytest.fixture(scope="module")
def extraction(nlp):
    codebook = Codebook.load(CASE)
    return codebook, Extractor(codebook, nlp=nlp).extract(Document(id="c", text=TEXT, published=dt.date(2026, 3, 3)))


def test_every_claim_has_a_side_and_an_issue_of_this_case(extraction):
    codebook, found = extraction
    assert found.claims
    assert all(codebook.party(c.party) is not None and codebook.issue(c.issue) is not None for c in found.claims)


def test_the_model_places_no_claim_on_an_issue_it_never_learned(extraction):
    codebook, found = extraction
    unanchored = [c for c in found.claims if c.issue == "constitution" and not c.position_anchor]
    assert unanchored and all(c.position is None for c in unanchored)


def test_the_case_own_scale_cues_still_place_claims(extraction):
    _, found = extraction
    route = {c.party: c.position for c in found.claims if c.issue == "transit_route" and c.stance == "demand"}
    assert route == {"ARM": 0, "AZE": 100}
