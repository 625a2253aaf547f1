"""Name keys that survive transliteration: Sergei/Serhiy, Zelensky/Zelenskyy/Zelenskiy."""
from __future__ import annotations

import re
import unicodedata

_FOLDS = (("kh", "h"), ("iy", "y"), ("yy", "y"), ("yi", "y"), ("ii", "i"), ("y", "i"), ("j", "i"),
          ("g", "h"), ("ey", "i"), ("ei", "i"), ("ie", "i"), ("ck", "k"), ("w", "v"))
_HONORIFICS = {"mr", "mrs", "ms", "dr", "prof", "president", "sir", "mister", "madam"}


def name_key(text: str) -> str:
    """Lower-case, accent-free, letters and single spaces only: for metonyms and party names."""
    t = unicodedata.normalize("NFKD", text.lower())
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = re.sub(r"^the\s+", "", t)
    t = re.sub(r"['’]s\b", "", t)
    return re.sub(r"[^a-z0-9]+", " ", t).strip()


def token_key(token: str) -> str:
    """One name token folded so transliteration variants collide."""
    t = unicodedata.normalize("NFKD", token.lower())
    t = "".join(c for c in t if c.isalpha() and not unicodedata.combining(c))
    for a, b in _FOLDS:
        t = t.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", t)


def person_keys(name: str) -> list[str]:
    """Folded tokens of a person's name, honorifics and initials dropped."""
    name = re.sub(r"['’]s$", "", name.strip())
    toks = [token_key(t) for t in re.split(r"[\s\-]+", name)]
    return [t for t in toks if len(t) > 1 and t not in _HONORIFICS]
