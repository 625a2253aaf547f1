"""The bundled samples exercise every reader, are the project's own text citing real reports,
and tell the demo's story: a territorial demand hardening from control to recognition in law,
a claim of progress, an expert's doubt and strikes on named cities while delegations meet."""
import datetime as dt
import re

import pytest

from detente.records import Document
from detente.sources import READERS, iter_documents, sample_paths
from detente.sources.reader import EXTENSIONS

CITATION = re.compile(r"^Based on: .*?(https?://\S+?)\.?\s", re.MULTILINE)


def _documents() -> list[Document]:
    items = list(iter_documents(sample_paths()))
    assert all(isinstance(i, Document) for i in items), items
    return items


def test_samples_cover_every_format_and_read_without_failures():
    paths = sample_paths()
    assert {EXTENSIONS[p.suffix] for p in paths} == set(READERS)
    items = _documents()
    assert len(items) == len({i.id for i in items}) >= len(paths)


def test_every_sample_is_dated_cites_its_report_and_says_it_was_written_for_the_demo():
    for doc in _documents():
        assert doc.published is not None and doc.warnings == [], doc.path
        assert CITATION.search(doc.text + "\n"), f"{doc.path} names no report it is based on"
        assert "written in our own words for detente's demo" in doc.text.lower(), doc.path


def test_samples_span_several_days():
    days = {doc.published for doc in _documents()}
    assert len(days) >= 4 and max(days) - min(days) >= dt.timedelta(days=14)


@pytest.fixture(scope="module")
def extractions(nlp):
    from detente.extract import Extractor

    return list(Extractor(nlp=nlp).pipe(_documents()))


def _claims(extractions, **wanted):
    return [(x.document.published, c) for x in extractions for c in x.claims
            if all(getattr(c, k) == v for k, v in wanted.items())]


@pytest.mark.model
def test_russian_territorial_demand_moves_up_the_scale_to_recognition_in_law(extractions):
    from detente.codebook import Codebook

    top = max(p.value for p in Codebook.bundled().issue("territory").scale)
    placed = [(day, c) for day, c in _claims(extractions, party="RUS", issue="territory", stance="demand")
              if c.position is not None]
    de_jure = [(day, c) for day, c in placed if c.position == top]
    assert de_jure, placed
    first_de_jure = min(day for day, _ in de_jure)
    earlier = [c for day, c in placed if day < first_de_jure and c.position < top]
    assert earlier, "no earlier, lower territorial demand by Russia"
    leaked = [c for _, c in de_jure if c.source.type == "anonymous" and c.hedged]
    assert leaked, "the demand for recognition is reported as an unconfirmed leak"


@pytest.mark.model
def test_envoy_claims_progress_and_an_expert_is_quoted(extractions):
    progress = [c for _, c in _claims(extractions, party="RUS", issue="process_talks", stance="assessment")
                if c.source.type == "official" and c.source.name and (c.position or 0) > 50]
    assert progress
    experts = [q for x in extractions for q in x.quotes
               if q.speaker.party == "NONE" and q.speaker.name and q.kind in ("direct", "mixed")]
    assert experts


@pytest.mark.model
def test_russia_rejects_foreign_troops(extractions):
    assert _claims(extractions, party="RUS", issue="security_guarantees", stance="rejection")


@pytest.mark.model
def test_strikes_on_named_cities_in_the_days_the_delegations_meet(extractions):
    def dated(kind):
        return [(e.date or x.document.published, e) for x in extractions for e in x.events if e.type == kind]

    strikes, meetings = dated("strike"), dated("meeting")
    many_cities = [e for _, e in strikes if len({loc.name for loc in e.locations}) >= 3]
    assert many_cities and all(e.actor == "RUS" for e in many_cities)
    assert any(abs((s - m).days) <= 3 for s, _ in strikes for m, _ in meetings)
