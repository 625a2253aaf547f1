"""Name keys that survive transliteration: Sergei/Serhiy, Zelensky/Zelenskyy/Zelenskiy."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_FOLDS = (("kh", "h"), ("iy", "y"), ("yy", "y"), ("yi", "y"), ("ii", "i"), ("y", "i"), ("j", "i"),
          ("g", "h"), ("ey", "i"), ("ei", "i"), ("ie", "i"), ("ck", "k"), ("w", "v"))
_HONORIFICS = {"mr", "mrs", "ms", "dr", "prof", "president", "sir", "mister", "madam"}
# Words that sit inside a written name but are not given names: "Ursula von der Leyen",
# "Mohammed bin Salman", "Foreign Minister Sergey Lavrov". Kept apart from person_keys so a
# name's keys stay stable; the matcher ignores them when it compares given names.
PARTICLES = frozenset({"von", "der", "van", "de", "den", "du", "da", "di", "del", "la", "le", "bin", "ibn",
                       "al", "el", "ben"})
ROLE_WORDS = frozenset({
    "minister", "prime", "foreign", "defence", "defense", "secretary", "general", "chancellor", "envoy",
    "special", "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "aide", "ambassador",
    "deputy", "chief", "head", "governor", "mayor", "acting", "commander", "lieutenant", "colonel", "gen",
    "lt", "col", "sheikh", "prince", "crown", "king", "emir", "senator", "vice", "state", "national",
    "security", "press", "first", "former", "top", "negotiator", "chair", "chairman", "leader", "army",
    "intelligence", "presidential", "office", "speaker", "official", "diplomat", "council", "assistant",
    "ministry"})


@lru_cache(maxsize=65536)  # pure, and every article asks for the same few names again and again
def name_key(text: str) -> str:
    """Lower-case, accent-free, letters and single spaces only: for metonyms and party names."""
    t = unicodedata.normalize("NFKD", text.lower())
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = re.sub(r"^the\s+", "", t)
    t = re.sub(r"['’]s\b", "", t)
    return re.sub(r"[^a-z0-9]+", " ", t).strip()


@lru_cache(maxsize=65536)
def token_key(token: str) -> str:
    """One name token folded so transliteration variants collide."""
    t = unicodedata.normalize("NFKD", token.lower())
    t = "".join(c for c in t if c.isalpha() and not unicodedata.combining(c))
    for a, b in _FOLDS:
        t = t.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", t)


def person_keys(name: str) -> list[str]:
    """Folded tokens of a person's name, honorifics and initials dropped."""
    name = re.sub(r"['’ʼ]s$", "", name.strip())
    toks = [token_key(t) for t in re.split(r"[\s\-]+", name)]
    return [t for t in toks if len(t) > 1 and t not in _HONORIFICS]


def given_keys(keys: list[str]) -> set[str]:
    """The given-name keys of a name's ``person_keys``: all but the surname, particles dropped."""
    return {k for k in keys[:-1] if k not in _PARTICLE_KEYS}


def given_names_agree(mention: set[str], known: set[str]) -> bool:
    """True when a written given name fits a known one: 'Serhiy'='Sergei', 'Steve'~'Steven'."""
    return any(m == k or (min(len(m), len(k)) >= 3 and (m.startswith(k) or k.startswith(m)))
               for m in mention for k in known)


_PARTICLE_KEYS = frozenset(token_key(p) for p in PARTICLES)
ROLE_KEYS = frozenset(token_key(w) for w in ROLE_WORDS)
