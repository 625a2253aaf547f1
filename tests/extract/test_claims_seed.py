"""The seed article end to end through the Extractor: the four positions an analyst expects."""
from pathlib import Path

import pytest

from detente.extract.pipeline import Extractor
from detente.records import Document

pytestmark = pytest.mark.model
SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "kremlin-de-jure-2026-02-06.txt"


@pytest.fixture(scope="session")
def seed_claims():
    if not SEED.is_file():
        pytest.fail(f"shared seed article not found at {SEED}")
    text = SEED.read_text(encoding="utf-8")
    return Extractor(components=("quotes", "claims")).extract(Document(id="seed", text=text)).claims


def _one(claims, party, issue, stance):
    hits = [c for c in claims if (c.party, c.issue, c.stance) == (party, issue, stance)]
    assert hits, f"no {party} {issue} {stance} in {[(c.party, c.issue, c.stance) for c in claims]}"
    return hits[0]


def test_de_jure_demand(seed_claims):
    c = _one(seed_claims, "RUS", "territory", "demand")
    assert "de jure" in c.evidence and c.position == 100 and c.position_anchor
    assert c.source.type == "anonymous" and c.hedged


def test_dmitriev_progress(seed_claims):
    _one(seed_claims, "RUS", "process_talks", "assessment")
    hits = [c for c in seed_claims if c.stance == "assessment" and "Dmitriev" in (c.source.name or "")]
    assert len(hits) == 1 and hits[0].party == "RUS" and hits[0].source.type == "official"
    assert "progress" in hits[0].evidence and not hits[0].hedged


def test_no_claim_for_independent_expert(seed_claims):
    assert all(c.party != "NONE" for c in seed_claims)


def test_evidence_offsets(seed_claims):
    text = SEED.read_text(encoding="utf-8")
    for c in seed_claims:
        assert text[c.start:c.end] == c.evidence and len(c.evidence) < 400
