"""A live-blog-like article of any length, from sentences written for this benchmark.

usage: python benchmarks/live_blog.py CHARS [--seed N] > article.txt

Live blogs are the long articles detente meets: a timestamped entry every few paragraphs, many
people quoted again and again, places, strikes and talks. The text is assembled from templates
below (written for this file, not taken from any corpus) with a seeded random choice, so the same
length and seed give the same article.
"""
from __future__ import annotations

import argparse
import random

PEOPLE = [
    ("Vladimir Putin", "Russian President"), ("Dmitry Peskov", "Kremlin spokesman"),
    ("Sergey Lavrov", "Russian Foreign Minister"), ("Volodymyr Zelensky", "Ukrainian President"),
    ("Andrii Sybiha", "Ukrainian Foreign Minister"), ("Marco Rubio", "US Secretary of State"),
    ("Steve Witkoff", "US special envoy"), ("Kirill Dmitriev", "Russian envoy"),
    ("Rustem Umerov", "Ukrainian negotiator"), ("Maria Zakharova", "Russian Foreign Ministry spokeswoman"),
]
PLACES = ["Kharkiv", "Zaporizhzhia", "Odesa", "Dnipro", "Kherson", "Sumy", "Geneva", "Istanbul",
          "Abu Dhabi", "Riyadh", "Kyiv", "Moscow", "Pokrovsk", "Donetsk"]
TOPICS = ["a ceasefire along the front line", "security guarantees for Kyiv", "the exchange of prisoners",
          "the future of the nuclear plant", "sanctions relief", "elections after the war",
          "the status of the occupied regions", "the reconstruction fund"]
SENTENCES = [
    '"We are ready to talk about {topic}, but not under pressure," {name} said.',
    '{role} {name} told reporters that progress on {topic} was slow.',
    '"There will be no agreement on {topic} this week," {name} said in {place}.',
    'According to {name}, the delegations spent the morning on {topic}.',
    'Officials in {place} reported that a drone strike damaged two apartment blocks overnight.',
    'Air defence units shot down several missiles over {place}, the regional governor said.',
    '{name} said he had spoken with his counterpart about {topic} and would travel to {place}.',
    'The talks in {place} are expected to resume on Thursday, two people familiar with the plan said.',
    '"Our position has not changed," {name} added. "We want {topic} first."',
    'Ground fighting continued near {place}, where both sides claimed small gains.',
    '{role} {name} rejected the proposal on {topic} as unrealistic.',
    'Asked about {topic}, {name} said only that "work is under way."',
    'A prisoner exchange took place near {place}, the first in several weeks.',
    '{name}, the {role_lower}, met the other delegations in {place} on Tuesday.',
]


def live_blog(chars: int, seed: int = 0) -> str:
    """About ``chars`` characters (never fewer) of a live blog: title, dateline, entries."""
    rng = random.Random(seed)
    parts = ["Live: peace talks and the war, as it happened", "",
             "GENEVA, 6 February 2026", ""]
    size = sum(len(p) + 1 for p in parts)
    minute = 0
    while size < chars:
        minute += rng.randint(2, 9)
        entry = [f"{6 + minute // 60 % 18:02d}:{minute % 60:02d} GMT"]
        for _ in range(rng.randint(1, 4)):
            entry.append(" ".join(_sentence(rng) for _ in range(rng.randint(1, 3))))
        block = "\n\n".join(entry) + "\n\n"
        parts.append(block)
        size += len(block)
    return "\n".join(parts)


def _sentence(rng: random.Random) -> str:
    name, role = rng.choice(PEOPLE)
    return rng.choice(SENTENCES).format(name=name, role=role, role_lower=role.lower(),
                                        place=rng.choice(PLACES), topic=rng.choice(TOPICS))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("chars", type=int)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    print(live_blog(args.chars, args.seed), end="")


if __name__ == "__main__":
    main()
