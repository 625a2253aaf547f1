"""The seed article end to end: five direct quotes, two speakers, one of them under two spellings."""
import datetime as dt
import json

import pytest

from detente.extract import Extractor
from detente.records import Document


@pytest.fixture(scope="module")
def seed_quotes(nlp, shared_dir):
    gold = json.loads((shared_dir / "corpus" / "dev" / "S001.json").read_text(encoding="utf-8"))
    doc = Document(id="S001", text=gold["text"], published=dt.date(2026, 2, 6))
    quotes = Extractor(nlp=nlp, components=("quotes",)).extract(doc).quotes
    return gold, [q for q in quotes if q.kind == "direct"]


def test_all_five_direct_quotes_are_found_with_exact_spans(seed_quotes):
    gold, quotes = seed_quotes
    texts = [q.text for q in quotes]
    for g in gold["gold"]["quotes"]:
        assert g["text"] in texts
    for q in quotes:
        assert gold["text"][q.start:q.end] == q.text


def test_the_colon_introduced_quote_is_dmitriev_of_russia(seed_quotes):
    _, quotes = seed_quotes
    [q] = [q for q in quotes if q.text.startswith("We see that there is definitely progress")]
    assert (q.speaker.name, q.speaker.party, q.speaker.actor_id) == ("Kirill Dmitriev", "RUS", "kirill_dmitriev")
    assert q.speaker.role == "special envoy"


def test_the_four_expert_quotes_are_one_independent_speaker(seed_quotes):
    gold, quotes = seed_quotes
    expert = [q for q in quotes if q.text in {g["text"] for g in gold["gold"]["quotes"][1:]}]
    assert len(expert) == 4
    assert {q.speaker.name for q in expert} == {"Sergei Yagodzinsky"}
    assert {q.speaker.party for q in expert} == {"NONE"}
