"""Who is speaking in a sentence, for claims: the speaker the quotes stage attributed the
sentence's quote to (it already follows colons, paragraphs and coreference), else the subject
of a reporting verb in the sentence (``reporting_subject``, shared with claims' provenance).
"""
from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Span, Token

from detente.extract.context import ArticleContext
from detente.extract.mentions.phrases import closing_subject, passive_agent
from detente.extract.mentions.parties import Mention, resolve
from detente.extract.mentions.vocabulary import DOCUMENT_NOUNS, MEDIA_NOUNS, REPORTING_LEMMAS
from detente.records import Quote, Speaker

_QUOTES_BY_START = "claim_speakers.quotes_by_start"


def sentence_speaker(sent: Span, ctx: ArticleContext, quotes: list[Quote]) -> Mention | None:
    return _quote_speaker(sent, quotes, ctx) or _reporter(sent, ctx)


def _quote_speaker(sent: Span, quotes: list[Quote], ctx: ArticleContext) -> Mention | None:
    size = None
    for q in _overlapping(sent, quotes, ctx):
        inside = min(q.end, sent.end_char) - max(q.start, sent.start_char)
        if inside <= 0 or not q.speaker.name:
            continue
        size = size if size is not None else len(sent.text.strip())
        if inside > 0.5 * size:  # not a scare-quoted phrase
            return speaker_mention(q.speaker, ctx)
    return None


def _overlapping(sent: Span, quotes: list[Quote], ctx: ArticleContext) -> list[Quote]:
    """The quotes that may overlap ``sent``, in their list order; the quotes are sorted by start
    once per article (scanning every quote at every sentence was quadratic in a live blog)."""
    table = ctx.scratch.get(_QUOTES_BY_START)
    if table is None or table[0] is not quotes or table[1] != len(quotes):
        order = sorted(range(len(quotes)), key=lambda k: quotes[k].start)
        longest = max((q.end - q.start for q in quotes), default=0)
        table = (quotes, len(quotes), order, [quotes[k].start for k in order], longest)
        ctx.scratch[_QUOTES_BY_START] = table
    _, _, order, starts, longest = table
    lo, hi = bisect_left(starts, sent.start_char - longest), bisect_left(starts, sent.end_char)
    return [quotes[k] for k in sorted(order[lo:hi])]


def speaker_mention(spk: Speaker, ctx: ArticleContext) -> Mention:
    """The quotes stage's speaker as a claims voice. Its kind (person, anonymous, outlet…)
    comes from resolving the phrase it was found at; a sideless speaker that resolves to
    no voice is an expert."""
    party = spk.party if spk.party != "NONE" else None
    span = ctx.doc.char_span(spk.start, spk.end, alignment_mode="expand") \
        if spk.start is not None and spk.end is not None else None
    hits = resolve(span.root, ctx) if span is not None else []
    if span is not None and not spk.actor_id and (span.root.lemma_.lower() in MEDIA_NOUNS["en"] or (
            party is None and _outlet(span.root))):
        return Mention(party, spk.name, "media")  # "Russian state media reported …": an outlet, not the state
    if hits and hits[0].kind in ("anonymous", "metonym") and not _named_person(spk, ctx):
        return Mention(hits[0].party or party, spk.name, hits[0].kind)
    if hits and hits[0].kind == "other" and span.root.lemma_.lower() in DOCUMENT_NOUNS["en"]:
        return Mention(party, spk.name, "document")  # "“…,” the document says": a text on record
    if hits and hits[0].kind == "other" and not party and spk.actor_id is None:
        return Mention(None, spk.name, "other")
    return Mention(party, spk.name, "person" if party else "expert")


def _named_person(spk: Speaker, ctx: ArticleContext) -> bool:
    """"Kremlin aide Yury Ushakov met … “…,” the Kremlin aide said": the quotes stage took the
    title up as the person the text named with it, who is on record, not an unnamed aide."""
    actor = ctx.codebook.actor(spk.actor_id) if spk.actor_id else None
    return actor is not None and actor.kind == "person"


def _outlet(name: Token) -> bool:
    """"Kommersant reported …", "the newspaper Bild reported …": a name the case does not know that
    reports, or that a media noun introduces, is an outlet (a journalist reports for one)."""
    head = name.head if name.dep_ in ("appos", "compound") else name
    return head.lemma_.lower() in MEDIA_NOUNS["en"] or (
        name.dep_ == "nsubj" and name.head.lemma_.lower() in OUTLET_VERBS and name.pos_ == "PROPN")


OUTLET_VERBS = frozenset({"report", "publish"})


def _reporter(sent: Span, ctx: ArticleContext) -> Mention | None:
    for t in sent:
        if t.lemma_.lower() in REPORTING_LEMMAS["en"] and t.pos_ == "VERB":
            subj = reporting_subject(t)
            if subj is None:
                continue
            for m in resolve(subj, ctx):
                if m.kind in ("person", "expert", "metonym", "anonymous"):
                    return m
    return None


def reporting_subject(verb: Token) -> Token | None:
    """The subject of a reporting verb (or its agent in the passive)."""
    if any(c.dep_ == "agent" for c in verb.children):
        return passive_agent(verb)
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj"):
            return c
    if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        return reporting_subject(_trailing_report(verb) or verb.head)
    return _glued_subject(verb) or closing_subject(verb)


def _trailing_report(verb: Token) -> Token | None:
    """"Merz said the officials would meet, stressing …": a participle trailing a reported clause
    is the reporter's, not the reported subject's (the parse hangs it on the nearer verb)."""
    head = verb.head
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.i < head.i or head.dep_ != "ccomp":
        return None
    outer = head.head
    return outer if outer.lemma_.lower() in REPORTING_LEMMAS["en"] and outer.pos_ in ("VERB", "AUX") else None


def _glued_subject(verb: Token) -> Token | None:
    """'Planned announcement on invasion anniversary⏎Officials said …': a heading glued to the
    sentence makes the parser take a heading word for the subject; the noun that opens the
    verb's line right before it is the subject."""
    doc = verb.doc
    if verb.i < 2 or "\n" not in doc[verb.i - 2].text_with_ws:
        return None
    noun = doc[verb.i - 1]
    return noun if noun.pos_ in ("NOUN", "PROPN", "PRON") and noun.head.i < noun.i else None
