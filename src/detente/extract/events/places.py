"""Named places in a sentence, found through the gazetteer rather than NER labels alone.

The small spaCy model tags Zaporizhzhia as a PERSON and misses others, so every capitalised
proper-noun run is looked up (longest first); NER only vetoes names the gazetteer knows solely
by an alternate spelling (Putin → Putian) when spaCy says it is a person.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from detente.extract.events import words as W
from detente.extract.context import ArticleContext
from detente.extract.dates import MONTHS, WEEKDAYS
from detente.extract.places.gazetteer import CASE_REASON, Match, Place, belligerent_countries, geocode, place_key
from detente.records import Location

MAX_NAME_TOKENS = 5  # "Mar-a-Lago" is five tokens
CLAUSE_BOUNDARIES = {"advcl", "conj", "ccomp", "parataxis", "relcl"}
ANCHOR_DEPS = {"dobj", "nsubj", "nsubjpass", "attr", "pobj", "prep", "compound", "amod"}
NAME_LABELS = {"GPE", "LOC", "FAC", "ORG", "PERSON", "NORP"}
_SCRATCH = "events.geocoding"


@dataclass(frozen=True)
class PlaceHit:
    location: Location
    kind: str  # city | country | region | venue
    head: Token


def places_in(line: Span, ctx: ArticleContext, venues_only: bool = False) -> list[PlaceHit]:
    """Places named in ``line``; ``venues_only`` drops metonyms ('Moscow said', "Russia's")."""
    hits: list[PlaceHit] = []
    seen: set[str] = set()
    i = line.start
    while i < line.end:
        hit, n = _longest_place(line.doc, i, line.end, ctx)
        if hit is None:
            i += 1
            continue
        i += n
        key = place_id(hit.location)
        if key in seen or _metonym(hit.head, strict=venues_only) or _weapon_name(line.doc[i - n:i]):
            continue
        seen.add(key)
        hits.append(hit)
    return hits


def _weapon_name(span: Span) -> bool:
    """'four Iskander-M missiles', 'Kalibr cruise missiles', 'a Shahed drone', 'the Kh-101': a
    name with a model code joined to it ('-M', '-101') or that heads no phrase of its own but
    classifies a munition after it names the weapon, not a town ('a Kyiv missile strike', where
    the munition itself modifies another noun, still names the city)."""
    doc, k = span.doc, span.end
    if k + 1 < len(doc) and _joins(doc[k]) and _model_code(doc[k + 1]):
        return True
    steps = 0
    while k < len(doc) and steps < 4:
        t = doc[k]
        if t.lemma_.lower() in W.MUNITION_NOUNS or t.lower_ in W.MUNITION_NOUNS:
            return t.dep_ != "compound" or t.head.lemma_.lower() in W.MUNITION_NOUNS
        if not (_joins(t) or _model_code(t) or t.is_lower and t.is_alpha and t.dep_ in {"compound", "amod"}
                and t.lemma_.lower() not in W.REGION_NOUNS | W.VENUE_NOUNS):
            return False
        k, steps = k + 1, steps + 1
    return False


def _model_code(t: Token) -> bool:
    """'M', '101', 'M2', '136': a model's letters or number, not a word of a name ('Frankivsk')."""
    text = t.text
    return bool(text) and text.isalnum() and (text.isdigit() or text.isupper() and len(text) <= 3
                                              or any(c.isdigit() for c in text))


def place_id(loc: Location) -> str:
    """One key per spot: its point (a region named after its city stands at the city's, so
    "Kharkiv" and "the Kharkiv region" in one report are one place hit), else its name."""
    if loc.lat is not None and loc.lon is not None:
        return f"{loc.lat:.4f},{loc.lon:.4f}"
    return str(loc.geonameid or place_key(loc.name))


def _longest_place(doc, i: int, end: int, ctx: ArticleContext) -> tuple[PlaceHit | None, int]:
    if not _name_like(doc[i]):
        return None, 1
    for n in range(min(MAX_NAME_TOKENS, end - i), 0, -1):
        span = doc[i:i + n]
        if n > 4 and not any(_joins(t) for t in span):
            continue  # only a hyphenated name runs to five tokens ("Mar-a-Lago")
        if not all(_name_like(t) or (0 < k < n - 1 and (t.lower_ in {"of", "on"} or _joins(t) or _hyphenated(t)))
                   for k, t in enumerate(span)):
            continue
        hit = _lookup(span, ctx)
        if hit is not None:
            return hit, n
    return None, 1


def _before_a_time(t: Token) -> bool:
    """'Odesa overnight', 'Kharkiv on Tuesday' read as one time: the name opens it and a time word
    follows inside it (a holiday alone, 'Easter', stays a date)."""
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    return (t.ent_iob_ == "B" and nxt is not None and nxt.ent_iob_ == "I"
            and (nxt.is_lower or nxt.lower_ in WEEKDAYS))


def _joins(t: Token) -> bool:
    """The hyphen inside one name ('Ivano-Frankivsk', 'Velykyi-Burluk'): no space on either side."""
    return t.text in {"-", "‑"} and not t.whitespace_ and not t.doc[t.i - 1].whitespace_


def _hyphenated(t: Token) -> bool:
    """A lower-case word between two joining hyphens ('Mar-a-Lago', 'Rostov-on-Don')."""
    doc = t.doc
    return 0 < t.i < len(doc) - 1 and _joins(doc[t.i - 1]) and _joins(doc[t.i + 1]) and t.is_alpha


def _name_like(t: Token) -> bool:
    """Capitalised proper noun, not a date ('March'); the small model's NER sometimes swallows a
    city into a time ("Odesa overnight"), so a proper noun that names no month or day still counts;
    so does a word the tagger took for a common noun ("Kharkiv was hit"), if the gazetteer places
    it in a belligerent's country (``_lookup``)."""
    if not (t.is_alpha and t.text[:1].isupper()):
        return False
    if t.ent_type_ in {"DATE", "TIME"}:
        return t.pos_ == "PROPN" and t.lower_ not in MONTHS and t.lower_ not in WEEKDAYS and _before_a_time(t)
    return t.pos_ == "PROPN" or t.ent_type_ in NAME_LABELS or _mistagged_name(t)


def _mistagged_name(t: Token) -> bool:
    return t.pos_ == "NOUN" and not t.ent_type_ and t.lemma_ == t.lower_ and t.tag_ == "NN"


def _lookup(span: Span, ctx: ArticleContext) -> PlaceHit | None:
    region = _region_word(span)
    name = span.text if region is None else f"{span.text} {region.text}"
    m = geocode(name, ctx.codebook) if region is not None else None
    if m is None:
        m = geocode(span.text, ctx.codebook, _regions_after(span, ctx) if region is None else frozenset())
        if m is None or _vetoed(span, m, ctx):
            return None
        if region is not None:
            m = Match(_region_of(m), f"region named after {m.place.name}")
    if all(_mistagged_name(t) for t in span) and m.place.country not in belligerent_countries(ctx.codebook):
        return None  # a capitalised common word ('Energy') that names some town abroad
    end = region.idx + len(region.text) if region is not None else span.end_char
    _note(ctx, name, m)
    p = m.place
    loc = Location(name=name, geonameid=p.geonameid, lat=p.lat, lon=p.lon, country=p.country,
                   start=span.start_char, end=end)
    return PlaceHit(loc, p.kind, span.root)


def _regions_after(span: Span, ctx: ArticleContext) -> frozenset[tuple[str, str]]:
    """The divisions a place is said to lie in, right after its name: 'Sosnivka in the
    Dnipropetrovsk region', 'Andriivka in Synelnykove district of the Dnipropetrovsk region',
    'Ivanivka, Kherson region'. A region stands where the city it is named after does, so its
    (country, admin1) is that city's."""
    doc, k, found = span.doc, span.end, set()
    while k < len(doc) and doc[k].lower_ in {"in", "of", ","}:
        k += 1
        if k < len(doc) and doc[k].lower_ == "the":
            k += 1
        start = k
        while k < len(doc) and k - start < 3 and _name_like(doc[k]):
            k += 1
        if k == start or k >= len(doc) or doc[k].lower_ not in W.REGION_NOUNS:
            break
        m = geocode(doc[start:k].text, ctx.codebook)
        if m is not None and m.place.kind == "city" and m.place.admin1:
            found.add((m.place.country, m.place.admin1))
        k += 1
    return frozenset(found)


def _region_word(span: Span) -> Token | None:
    """'the Poltava region' (singular only: 'the Kyiv and Dnipro regions' names two cities' areas)."""
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and nxt.lower_ in W.REGION_NOUNS:
        return nxt
    return None


def _region_of(m: Match) -> Place:
    """A region named after its city: same country, no GeoNames id of its own; its city, which
    lies inside it, stands for it on a map and when reports are merged by distance."""
    p = m.place
    return Place(None, f"{p.name} region", p.country, p.lat, p.lon, 0, "region", p.admin1)


def _vetoed(span: Span, m: Match, ctx: ArticleContext) -> bool:
    """People and bodies are not places: a codebook actor, 'Vladimir' of Vladimir Putin, 'Union'
    of the European Union, an all-caps dateline, or a PERSON known to the gazetteer only by
    an alternate spelling, nor a river named like a city. 'Kharkiv Governor Oleh Syniehubov'
    still names Kharkiv."""
    if ctx.codebook.find_actor(span.text) is not None:
        return True
    if m.by_alias and span.root.ent_type_ == "PERSON":
        return True
    if span.text.isupper():
        return m.reason != CASE_REASON
    doc = span.doc
    before = doc[span.start - 1] if span.start > span.sent.start else None
    after = doc[span.end] if span.end < span.sent.end else None
    if before is not None and _name_like(before) and before.lower_ not in W.TITLE_WORDS:
        return True
    if after is not None and after.lower_ in W.WATER_NOUNS:
        return True  # 'across the Dnipro river': the river, not the city
    return after is not None and _name_like(after) and after.lower_ not in W.TITLE_WORDS | W.REGION_NOUNS


def where_hit(hit: PlaceHit) -> bool:
    """Could a strike have hit this place? Not a venue or a country, nor a place that acts as a
    side ('Moscow's invasion', 'Kyiv accused Moscow', 'Kyiv said'), nor the place of a visit,
    a meeting or a statement ('the president was in Berlin'), nor the dateline the report was
    filed from ('KYIV, Ukraine –')."""
    if hit.kind in {"venue", "country"}:
        return False
    tok = hit.head
    while tok.dep_ in {"conj", "appos"} and tok.head.pos_ == "PROPN" and tok.head.i != tok.i:
        tok = tok.head
    head = tok.head
    if tok.dep_ == "poss" or any(c.dep_ == "case" for c in tok.children):
        return head.lemma_.lower() not in W.SIDE_NOUNS  # 'Kyiv's power plant' was hit
    if tok.dep_ in {"compound", "nmod", "amod"} and head.lemma_.lower() in W.RULER_NOUNS and head.dep_ != "compound":
        return False  # 'the Kyiv regime', not 'the Kharkiv administration building'

    if tok.dep_ == "nsubj":  # 'Kharkiv was under fire', not 'Moscow was not serious'
        return head.lemma_.lower() in W.SUFFERING_VERBS | W.TARGET_SUBJECT_VERBS \
            and not any(c.dep_ == "acomp" for c in head.children)
    if tok.dep_ == "dobj" and head.lemma_.lower() in W.BLAMING_VERBS | W.SPEECH_VERBS:
        return False
    if tok.dep_ == "pobj" and head.head.lemma_.lower() in W.STATEMENT_NOUNS:
        return False  # 'in a statement from Moscow', 'at a briefing in Kyiv'
    if tok.dep_ == "pobj" and head.head.pos_ in {"VERB", "AUX"}:
        verb = head.head
        if verb.lemma_.lower() in W.PRESENCE_VERBS | W.SPEECH_VERBS \
                and not any(c.dep_ == "expl" for c in verb.children):  # 'there were blasts in Kyiv'
            return False
    return not _dateline(tok)


def _dateline(tok: Token) -> bool:
    """'KYIV, Ukraine –', 'Kyiv (Reuters) -': the place that opens a paragraph and is closed
    off by a dash, colon or bracket within a few words."""
    doc, i = tok.doc, tok.i
    while i > 0 and doc[i - 1].pos_ == "PROPN":
        i -= 1
    if i > 0 and "\n" not in doc[i - 1].text_with_ws:
        return False
    return any(t.text in {"–", "—", "-", ":", "("} for t in doc[tok.i + 1:tok.i + 6])


def attached(head: Token, triggers: list[Token]) -> bool:
    """Is this place (or date) where the trigger happened ('talks held in Abu Dhabi', 'met in the
    US state of Alaska', 'Geneva peace talks', 'Turkey, where he is meeting'), not merely near
    it ('the war in Ukraine', 'guarantees for Ukraine')?"""
    targets = {t.i for t in triggers} | {anchor(t).i for t in triggers}
    tok = head
    while tok.dep_ in {"conj", "appos"} and tok.head.pos_ == "PROPN":
        tok = tok.head
    while tok.dep_ == "compound" and tok.head.dep_ == "compound":
        tok = tok.head  # 'Geneva peace talks'
    if tok.dep_ in {"compound", "nmod", "dobj", "nsubjpass"} and tok.head.i in targets:
        return True  # 'Geneva peace talks', 'captured Pokrovsk', 'Pokrovsk was captured'
    if tok.dep_ in {"compound", "nmod", "amod"} and tok.head.lemma_.lower() in W.VENUE_NOUNS:
        tok = tok.head  # 'in the Florida city'
    if tok.dep_ == "relcl" or any(t.dep_ == "relcl" and t.head.i == tok.i for t in triggers):
        return any(t.head.i == tok.i for t in triggers)
    return _on_the_object(tok, targets) or _fought_for(tok, targets) or _climbs_to(tok, targets)


def acts_in_title(head: Token, triggers: list[Token]) -> bool:
    """'Moscow and Kyiv trade words after strike on Poltava': in a title the parser often reads
    the subject as a modifier of the main word ('Moscow' of 'words'); a place that heads the
    title so, when the main word is no trigger, no place hit and no suffering, acts rather than
    is hit."""
    targets = {t.i for t in triggers} | {anchor(t).i for t in triggers}
    tok = head
    while tok.dep_ in {"conj", "appos"} and tok.head.i != tok.i:
        tok = tok.head
    main = tok.head
    return (tok.dep_ in {"nsubj", "nmod", "compound"} and main.dep_ == "ROOT" and main.i not in targets
            and main.lemma_.lower() not in W.VENUE_NOUNS | W.SUFFERING_VERBS | W.TARGET_SUBJECT_VERBS)


def _fought_for(tok: Token, targets: set[int]) -> bool:
    """'the fighting for Kostiantynivka', 'the battle for Pokrovsk': the town fought over (elsewhere
    'for' names a topic: 'guarantees for Ukraine')."""
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ == "for" and prep.head.i in targets \
        and prep.head.lemma_.lower() in W.GROUND_NOUNS


def _on_the_object(tok: Token, targets: set[int]) -> bool:
    """'hosted the prime minister in Kyiv', 'signed the deal in Riyadh': the parse hangs the place
    on the trigger's object rather than on the trigger."""
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ in {"in", "at"} and prep.head.dep_ == "dobj" \
        and prep.head.head.i in targets


def anchor(t: Token) -> Token:
    """The verb a trigger noun hangs from ('held [a series of] talks'), or the trigger itself."""
    h, hops = t, 0
    while h.pos_ not in {"VERB", "AUX"} and h.dep_ in ANCHOR_DEPS and hops < 4:
        h, hops = h.head, hops + 1
    return h if h.pos_ in {"VERB", "AUX"} else t


def _climbs_to(tok: Token, targets: set[int], steps: int = 6) -> bool:
    """Up the tree through a locative preposition, 'the city of', and verb chains only."""
    if tok.i in targets:
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ in W.TOPIC_PREPS and not tok.ent_type_ in {"DATE", "TIME"}:
        return False  # 'guarantees for Ukraine', 'talks on Crimea'
    if tok.dep_ not in {"pobj", "npadvmod", "advmod"} and tok.ent_type_ not in {"DATE", "TIME"}:
        return False
    while steps and tok.head.i != tok.i:
        tok, steps = tok.head, steps - 1
        if tok.i in targets:
            return True
        if (tok.pos_ in {"NOUN", "PRON", "PROPN"} and tok.lemma_.lower() not in W.VENUE_NOUNS
                and tok.ent_type_ not in {"DATE", "TIME"}):  # 'on the morning of December 15'
            return False
        if tok.pos_ in {"VERB", "AUX"} and tok.dep_ in CLAUSE_BOUNDARIES:
            return False  # 'the meetings on Monday took place after they met in Alaska'
    return False


def _metonym(head: Token, strict: bool) -> bool:
    """'Kyiv said', and (for venues) 'Russia's demands' or 'Moscow rejected': a side, not a spot."""
    if head.dep_ in {"nsubj", "nsubjpass"} and head.head.lemma_.lower() in W.SPEECH_VERBS:
        return True
    if not strict:
        return False
    return head.dep_ in {"nsubj", "nsubjpass", "poss"} or any(c.dep_ == "case" for c in head.children)


def _note(ctx: ArticleContext, name: str, m: Match) -> None:
    """Keep why each name was geocoded as it was (NGEC style), for whoever wants to audit it."""
    ctx.scratch.setdefault(_SCRATCH, {})[name] = {
        "geonameid": m.place.geonameid, "country": m.place.country, "reason": m.reason}
