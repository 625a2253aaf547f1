"""Only our own words ship: no file under src/ or tests/ repeats a run of eight or more words
of a corpus, seed or benchmark article, or of the project's training articles (case and punctuation ignored; web addresses, which
cite a report rather than copy it, are left out). Tests that need a real article read it from
../shared.

Run as a script (``python tests/test_fixtures_own_words.py``) to list every run found.
"""
from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

RUN = 8
REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
REFERENCE_DIRS = ("corpus", "seed", "benchmarks/polnear", "benchmarks/shifts")
# Articles and their annotations; the folders' READMEs, scorers and the scales file are the
# project's own definitions, shared with it, not outlets' text.
REFERENCE_SUFFIXES = {".json", ".jsonl", ".txt", ".tsv"}
TRAINING_DIR = REPO / "training" / "articles"  # outlets' words too, kept only to train on
SCANNED_DIRS = ("src", "tests")
# Names, not prose: the official title of an office may be written out in full.
NAMES = ("Secretary of the National Security and Defence Council",)
SKIPPED_SUFFIXES = {".pyc", ".sqlite", ".db", ".parquet", ".png", ".jpg", ".gz", ".zip", ".whl"}
_URL = re.compile(r"https?://\S+|www\.\S+")
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """Lower-case words, punctuation and web addresses dropped."""
    return _WORD.findall(_URL.sub(" ", text).lower())


def _strings(value) -> Iterator[str]:
    """Every string inside parsed JSON, each on its own so no run crosses two fields."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def _texts(path: Path) -> Iterator[str]:
    raw = path.read_text(encoding="utf-8", errors="replace")
    try:
        if path.suffix == ".json":
            yield from _strings(json.loads(raw))
            return
        if path.suffix == ".jsonl":
            for line in raw.splitlines():
                if line.strip():
                    yield from _strings(json.loads(line))
            return
    except json.JSONDecodeError:
        pass
    yield raw


def reference_runs(shared: Path = SHARED) -> set[tuple[str, ...]]:
    """Every run of ``RUN`` consecutive words in the reference articles."""
    runs: set[tuple[str, ...]] = set()
    for folder in [shared / f for f in REFERENCE_DIRS] + [TRAINING_DIR]:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in REFERENCE_SUFFIXES:
                for text in _texts(path):
                    w = words(text)
                    runs.update(tuple(w[i:i + RUN]) for i in range(len(w) - RUN + 1))
    for name in NAMES:
        w = words(name)
        runs.difference_update(tuple(w[i:i + RUN]) for i in range(len(w) - RUN + 1))
    return runs


def scanned_files(repo: Path = REPO) -> Iterator[Path]:
    for folder in SCANNED_DIRS:
        for path in sorted((repo / folder).rglob("*")):
            if (path.is_file() and path.suffix not in SKIPPED_SUFFIXES
                    and "__pycache__" not in path.parts and ".egg-info" not in str(path)):
                yield path


def copied_runs(path: Path, runs: set[tuple[str, ...]]) -> list[tuple[int, str]]:
    """(line, words) of each maximal stretch of ``path`` made of reference runs."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return []
    # The whole file is one stream of words, so a fixture split over lines is still one run.
    matches = list(_WORD.finditer(_URL.sub(lambda m: " " * len(m.group()), text)))
    w = [m.group().lower() for m in matches]
    hit = [tuple(w[i:i + RUN]) in runs for i in range(len(w) - RUN + 1)]
    found: list[tuple[int, str]] = []
    i = 0
    while i < len(hit):
        if not hit[i]:
            i += 1
            continue
        end = i
        while end + 1 < len(hit) and hit[end + 1]:
            end += 1
        found.append((1 + text.count("\n", 0, matches[i].start()), " ".join(w[i:end + RUN])))
        i = end + 1
    return found


@pytest.fixture(scope="module")
def runs(shared_dir) -> set[tuple[str, ...]]:
    found = reference_runs(shared_dir)
    assert found, f"no reference texts under {shared_dir}"
    return found


def test_words_ignore_case_punctuation_and_web_addresses():
    assert words("Peskov said: “Talks—constructive!” (see https://x.org/a-b-c)") == [
        "peskov", "said", "talks", "constructive", "see"]


def test_a_copied_sentence_is_found_across_lines_and_quote_marks(tmp_path):
    runs = {tuple("one two three four five six seven eight".split())}
    path = tmp_path / "t.py"
    path.write_text('x = 1\ntext = ("One two three four "\n        "five, six seven EIGHT nine")\n')
    assert copied_runs(path, runs) == [(2, "one two three four five six seven eight")]
    path.write_text("one two three four five six seven\n")
    assert copied_runs(path, runs) == []


def test_no_file_under_src_or_tests_repeats_eight_words_of_a_reference_article(runs):
    hits = [f"{path.relative_to(REPO)}:{line}: {run}"
            for path in scanned_files() for line, run in copied_runs(path, runs)]
    assert not hits, "text copied from ../shared (write your own sentences):\n" + "\n".join(hits)


if __name__ == "__main__":
    reference = reference_runs()
    total = 0
    for path in scanned_files():
        for line, run in copied_runs(path, reference):
            total += 1
            print(f"{path.relative_to(REPO)}:{line}: {run}")
    print(f"{total} copied runs", file=sys.stderr)
    sys.exit(1 if total else 0)
