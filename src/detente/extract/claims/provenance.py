"""How the article knows a claim: the chain of sources behind it and the kind of source.

Links are collected nearest first (the speaker of a quote, the subject of a reporting verb,
"according to X", "citing X", "X in the Y media"); the source type is that of the least
accountable link, because a named outlet relaying unnamed sources is still anonymous.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from detente.extract.claims.cues import OFFICIAL_BODY_NOUNS
from detente.extract.context import ArticleContext
from detente.extract.mentions.parties import Mention, mention_span, resolve
from detente.extract.mentions.speakers import reporting_subject
from detente.extract.mentions.vocabulary import CITING_PREPS, DOCUMENT_NOUNS, MEDIA_NOUNS, REPORTING_LEMMAS
from detente.records import Source

# Least accountable first: that link decides the type.
# A named official relayed by an outlet is still on record, so official outranks media; a body
# with no person of it named, relayed by an outlet, is not (``_only_through_outlets``).
_TYPE_ORDER = ("anonymous", "expert", "official", "media", "document")
_KIND_TO_TYPE = {"anonymous": "anonymous", "expert": "expert", "person": "official",
                 "metonym": "official", "media": "media", "document": "document"}


def source_links(trigger: Token, sentence: Span, ctx: ArticleContext, speaker: Mention | None,
                 follow: Span | None = None) -> list[Mention]:
    """Every voice between the claim and the article, nearest first."""
    links: list[Mention] = []
    if speaker is not None:
        links.append(speaker)
    for anc in [trigger, *trigger.ancestors]:
        if anc.lemma_.lower() in REPORTING_LEMMAS["en"] and anc.pos_ in ("VERB", "AUX"):
            subj = reporting_subject(anc)
            if subj is not None and not _taken_up(subj, speaker):
                links += [_typed(m, subj) for m in resolve(subj, ctx)]
    for span in (sentence, follow):
        if span is not None:
            links += _according_and_citing(span, ctx)
    return _dedupe(links)


def _taken_up(subj: Token, speaker: Mention | None) -> bool:
    """"“…,” the Kremlin aide said": a title with "the" that the quotes stage took up as a named
    person (``speaker``) is that person's voice, not a second, unnamed one."""
    return speaker is not None and speaker.kind == "person" and subj.pos_ == "NOUN" \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children)


def _according_and_citing(span: Span, ctx: ArticleContext) -> list[Mention]:
    out: list[Mention] = []
    for t in span:
        low = t.lower_
        target = None
        if low == "according":
            to = next((c for c in t.children if c.lower_ == "to"), None)
            target = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        elif t.lemma_.lower() == "cite":
            target = next((c for c in t.children if c.dep_ in ("dobj", "pobj")), None)
        elif t.dep_ == "agent" and t.head.lemma_.lower() in ("report", "publish"):
            target = next((c for c in t.children if c.dep_ == "pobj"), None)
        elif low in CITING_PREPS["en"] and t.dep_ == "prep":
            target = next((c for c in t.children if c.dep_ == "pobj" and c.ent_type_), None)
        if target is None:
            continue
        out += _with_relays(target, ctx)
    return out


def _with_relays(target: Token, ctx: ArticleContext) -> list[Mention]:
    """'sources in the Russian media' → [sources, Russian media]."""
    out = [_typed(m, target) for m in resolve(target, ctx)]
    for prep in target.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "from", "at", "close"):
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    out += [_typed(m, obj) for m in resolve(obj, ctx)]
    return out


def _typed(m: Mention, token: Token) -> Mention:
    """Refine a mention's kind with source nouns: outlets, documents, official bodies."""
    lemma = token.lemma_.lower()
    if m.kind in ("person", "expert", "anonymous"):
        return m
    if lemma in MEDIA_NOUNS["en"]:
        return Mention(m.party, mention_span(token).text, "media")
    if lemma in OFFICIAL_BODY_NOUNS and m.party:
        return Mention(m.party, mention_span(token).text, "metonym")
    if lemma in DOCUMENT_NOUNS["en"]:
        return Mention(m.party, mention_span(token).text, "document")
    if m.kind == "other" and token.ent_type_ == "PERSON":
        return Mention(m.party, m.name, "person")
    if m.kind == "other" and (token.ent_type_ in ("ORG", "WORK_OF_ART", "GPE")
                              or token.pos_ == "PROPN" and token.ent_type_ != "PERSON"):  # "according to Axios"
        return Mention(m.party, m.name, "media")
    return m


def _dedupe(links: list[Mention]) -> list[Mention]:
    seen, out = set(), []
    for m in links:
        if m.name not in seen and m.kind not in ("pronoun", "other"):
            seen.add(m.name)
            out.append(m)
    return out


def make_source(links: list[Mention]) -> Source:
    """The source record: type of the least accountable link, named by it, with the chain."""
    typed = [(m, _KIND_TO_TYPE.get(m.kind)) for m in links]
    typed = [(m, t) for m, t in typed if t]
    if not typed:
        return Source(type="author", name=None, chain=[])
    if _only_through_outlets(links):
        typed = [(m, t) for m, t in typed if m.kind != "metonym"]
    best = min(typed, key=lambda mt: _TYPE_ORDER.index(mt[1]))
    return Source(type=best[1], name=best[0].name, chain=[m.name for m, _ in typed])


def _only_through_outlets(links: list[Mention]) -> bool:
    """'Washington has told Kyiv …, per Reuters': a body's position that no person of it put on
    record, known through an outlet, is the outlet's report."""
    kinds = {m.kind for m in links}
    return "media" in kinds and "metonym" in kinds and kinds <= {"metonym", "media", "document"}
