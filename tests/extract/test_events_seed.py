"""End to end on the seed article and the gold dev corpus (real model, parsed once per session)."""
import datetime as dt
import importlib.util
import json

import pytest

from detente.codebook import Codebook
from detente.extract.pipeline import Extractor
from detente.records import Document


@pytest.fixture(scope="module")
def extractor(nlp):
    return Extractor(codebook=Codebook.bundled(), nlp=nlp, components=("events",))


def _document(path) -> Document:
    d = json.loads(path.read_text(encoding="utf-8"))
    published = dt.date.fromisoformat(d["published"]) if d["published"] else None
    return Document(id=d["id"], text=d["text"], url=d.get("url"), title=d.get("title"), published=published)


def test_seed_has_one_russian_strike_on_four_geocoded_cities(extractor, shared_dir):
    seed = shared_dir / "corpus" / "dev" / "S001.json"
    events = extractor.extract(_document(seed)).events
    strikes = [e for e in events if e.type == "strike"]
    assert len(strikes) == 1
    strike = strikes[0]
    assert strike.actor == "RUS"
    assert [(l.name, l.geonameid, l.country) for l in strike.locations] == [
        ("Kyiv", 703448, "UA"), ("Kharkiv", 706483, "UA"), ("Dnipro", 709930, "UA"),
        ("Zaporizhzhia", 687700, "UA")]
    assert all(l.lat and l.lon for l in strike.locations)
    [gold] = json.loads(seed.read_text(encoding="utf-8"))["gold"]["events"]
    assert gold["evidence"] in strike.evidence
    # "the parties continue to meet", "if the parties continue to meet": talk about talks, not events
    assert [e.type for e in events] == ["strike"]


def test_dev_corpus_floors(extractor, shared_dir):
    gold_dir = shared_dir / "corpus" / "dev"
    spec = importlib.util.spec_from_file_location("corpus_score", gold_dir.parent / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    preds = [extractor.extract(_document(p)).contract() for p in sorted(gold_dir.glob("*.json"))]
    result = score.score(score.load_gold(str(gold_dir)), preds)
    assert result["events"]["f1"] >= 0.70, result["events"]
    assert result["strike_places"]["f1"] >= 0.95, result["strike_places"]
    assert result["event_actor"]["acc"] >= 0.8, result["event_actor"]
