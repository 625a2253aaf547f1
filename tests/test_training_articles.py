"""The project's own training articles: annotated by the gold corpus's rules, listed with their
sources, and never a copy of an article the project is scored on (issue 9: "kept in a separate
training folder ... never mixed into the gold")."""
from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

TRAINING = Path(__file__).resolve().parents[1] / "training"
GOLD_FOLDERS = ("dev", "dev2", "dev3")
MIN_SHARED_CHARS = 80  # a run of this many characters in common means one text holds the other


def _files() -> list[Path]:
    return sorted((TRAINING / "articles").glob("*.json"))


@pytest.fixture(scope="module")
def checker(shared_dir):
    """The corpus's own validator (``check_gold.py``), imported, never copied."""
    spec = importlib.util.spec_from_file_location("check_gold", shared_dir / "corpus" / "check_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scored(shared_dir) -> list[dict]:
    """Every article detente is scored on: the gold corpus and the shift benchmark's timelines."""
    paths = [p for f in GOLD_FOLDERS for p in sorted((shared_dir / "corpus" / f).glob("*.json"))]
    paths += sorted((shared_dir / "benchmarks" / "shifts" / "articles").glob("*.json"))
    out = [json.loads(p.read_text(encoding="utf-8")) for p in paths]
    assert len(out) > 90
    return out


def test_there_are_training_articles():
    assert len(_files()) >= 20


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.stem)
def test_article_passes_the_corpus_validator(path, checker):
    errors, data = checker.check_file(str(path))
    assert errors == [], errors
    assert data["id"] == path.stem


def test_no_training_article_is_a_scored_article(scored):
    urls = {d.get("url") for d in scored} - {None}
    ids = {d.get("id") for d in scored}
    texts = [_norm(d["text"]) for d in scored]
    for path in _files():
        article = json.loads(path.read_text(encoding="utf-8"))
        assert article["url"] not in urls, path.name
        assert article["id"] not in ids, path.name
        for chunk in _chunks(_norm(article["text"])):
            assert not any(chunk in t for t in texts), f"{path.name} shares text with a scored article"


def test_no_two_training_articles_share_text():
    texts = {p.stem: _norm(json.loads(p.read_text(encoding="utf-8"))["text"]) for p in _files()}
    for name, text in texts.items():
        others = [t for n, t in texts.items() if n != name]
        for chunk in _chunks(text):
            assert not any(chunk in t for t in others), f"{name} shares text with another training article"


def test_readme_lists_every_article_with_its_url():
    readme = (TRAINING / "README.md").read_text(encoding="utf-8")
    for path in _files():
        article = json.loads(path.read_text(encoding="utf-8"))
        row = next((line for line in readme.splitlines() if line.startswith(f"| {path.stem} ")), None)
        assert row is not None, f"{path.stem} is not listed in training/README.md"
        assert article["url"] in row


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def _chunks(text: str) -> list[str]:
    """Non-overlapping runs of the text, long enough that sharing one is no coincidence."""
    return [text[i:i + MIN_SHARED_CHARS] for i in range(0, len(text) - MIN_SHARED_CHARS + 1, MIN_SHARED_CHARS)]
