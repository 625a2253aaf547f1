"""The codebook's cues are the general vocabulary of each issue, not phrases of one article.

A cue that occurs in exactly one gold-corpus article was most likely lifted from it (issue 9:
"NATO membe", "by may 15", "vicious circle"…); it helps only on that article. Multi-word cues,
and single words that are not ordinary words (numbers, hyphenated coinages, long words), must
occur in no corpus article or in at least two.
"""
from __future__ import annotations

import json

import pytest

from detente.codebook import Codebook
from detente.extract.claims import cues as claim_cues
from detente.extract.claims.positions import cue_pattern

FOLDERS = ("dev", "dev2", "dev3")


@pytest.fixture(scope="module")
def articles(shared_dir) -> list[str]:
    texts = [json.loads(p.read_text(encoding="utf-8"))["text"].lower()
             for f in FOLDERS for p in sorted((shared_dir / "corpus" / f).glob("*.json"))]
    assert len(texts) > 70
    return texts


def every_cue(codebook: Codebook) -> list[tuple[str, str]]:
    """(where, cue) for every issue cue and scale-point cue."""
    rows = [(issue.id, c) for issue in codebook.issues for c in issue.cues]
    rows += [(f"{issue.id}@{p.value:g}", c) for issue in codebook.issues for p in issue.scale for c in p.cues]
    return rows


def ordinary_word(cue: str) -> bool:
    return cue.isalpha() and len(cue) <= 12


def test_no_multiword_cue_occurs_in_exactly_one_article(articles):
    flagged = []
    for where, cue in every_cue(Codebook.bundled()):
        if len(cue.split()) < 2:
            continue
        if sum(1 for t in articles if cue_pattern(cue).search(t)) == 1:  # as the extractor matches it
            flagged.append(f"{where}: {cue}")
    assert not flagged, "cues found in one corpus article only: " + "; ".join(flagged)


def test_no_unusual_cue_is_a_substring_of_one_article_only(articles):
    flagged = [f"{where}: {cue}" for where, cue in every_cue(Codebook.bundled())
               if not ordinary_word(cue) and sum(1 for t in articles if cue.lower() in t) == 1]
    assert not flagged, "cues inside one corpus article only: " + "; ".join(flagged)


# Word-list phrases found in one corpus article that are plain English all the same: the
# corpus guidelines' own hedges, and idioms whose other forms the lists hold too.
GENERAL_PHRASES = {"according to preliminary data", "based on leaks", "not rule out", "didn't rule out",
                   "it is possible", "call for", "pushed back"}


def test_no_stance_or_hedge_phrase_of_the_word_lists_occurs_in_exactly_one_article(articles):
    """The same rule for ``extract/claims/cues.py``'s phrase tables as for the codebook (issue 9:
    "never copy a phrase of a corpus article into the codebook or a word list")."""
    phrases = [(f"STANCE_PHRASES[{k}]", p) for k, ps in claim_cues.STANCE_PHRASES.items() for p in ps]
    phrases += [("HEDGE_PHRASES", p) for p in claim_cues.HEDGE_PHRASES]
    flagged = [f"{where}: {p}" for where, p in phrases
               if len(p.split()) > 1 and p not in GENERAL_PHRASES and sum(1 for t in articles if p in t) == 1]
    assert not flagged, "word-list phrases found in one corpus article only: " + "; ".join(flagged)


def test_the_check_flags_a_phrase_of_one_article():
    texts = ["the envoy spoke of a vicious circle of strikes", "talks resumed in geneva"]
    cue = "vicious circle"
    assert sum(1 for t in texts if cue in t) == 1 and not ordinary_word(cue)
    assert ordinary_word("deadlock") and not ordinary_word("800,000") and not ordinary_word("NATO-like")
