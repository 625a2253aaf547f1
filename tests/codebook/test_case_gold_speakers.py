"""Every speaker of a gold quote in the dev corpus who speaks for a side is known to the case."""
from __future__ import annotations

import json



def _speakers(shared_dir):
    out = set()
    for path in sorted((shared_dir / "corpus" / "dev").glob("*.json")):
        for quote in json.loads(path.read_text(encoding="utf-8"))["gold"]["quotes"]:
            if quote["speaker"] and quote["speaker_party"] != "NONE":
                out.add((quote["speaker"], quote["speaker_party"]))
    return sorted(out)


def test_gold_speakers_resolve_to_their_party(case_book, shared_dir):
    speakers = _speakers(shared_dir)
    assert speakers, "no gold quote speakers found"
    wrong = []
    for name, party in speakers:
        actor = case_book.find_actor(name)
        found = actor.party if actor else case_book.party_for_mention(name)
        if found != party:
            wrong.append(f"{name}: gold {party}, codebook {found}")
    assert not wrong, "\n".join(wrong)


def test_named_people_among_gold_speakers_are_actors(case_book, shared_dir):
    """A person (two or more name words, not a metonym or a body of a party) must be an actor."""
    people = [n for n, _ in _speakers(shared_dir)
              if len(n.split()) > 1 and case_book.party_for_mention(n) is None and "Ministry" not in n]
    assert people
    missing = [n for n in people if case_book.find_actor(n) is None]
    assert not missing, missing
