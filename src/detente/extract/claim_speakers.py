"""Who is speaking in a sentence, for claims: the quote's speaker when the quotes stage found
one, else the subject of a reporting verb in the sentence, the line before a colon, or the
attribution elsewhere in the same paragraph ('"…," Yagodzinsky notes.').
"""
from __future__ import annotations

from spacy.tokens import Span

from detente.extract.claim_cues import REPORTING_LEMMAS
from detente.extract.context import ArticleContext
from detente.extract.parties import Mention, resolve
from detente.extract.provenance import reporting_subject
from detente.records import Quote

_QUOTE_CHARS = "\"“”«»"


def sentence_speaker(sent: Span, ctx: ArticleContext, quotes: list[Quote]) -> Mention | None:
    from_quote = _quote_speaker(sent, quotes)
    if from_quote is not None:
        return from_quote
    own = _reporter(sent, ctx)
    if own is not None:
        return own
    if not _quoted(sent):
        return None
    return _colon_intro(sent, ctx) or _paragraph_reporter(sent, ctx)


def _quote_speaker(sent: Span, quotes: list[Quote]) -> Mention | None:
    for q in quotes:
        inside = min(q.end, sent.end_char) - max(q.start, sent.start_char)
        if inside > 0.5 * len(sent.text.strip()) and q.speaker.name:  # not a scare-quoted phrase
            party = q.speaker.party if q.speaker.party != "NONE" else None
            return Mention(party, q.speaker.name, "person" if party else "expert")
    return None


def _reporter(sent: Span, ctx: ArticleContext) -> Mention | None:
    for t in sent:
        if t.lemma_.lower() in REPORTING_LEMMAS and t.pos_ == "VERB":
            subj = reporting_subject(t)
            if subj is None:
                continue
            for m in resolve(subj, ctx):
                if m.kind in ("person", "expert", "metonym", "anonymous"):
                    return m
    return None


def _quoted(sent: Span) -> bool:
    return any(ch in sent.text for ch in _QUOTE_CHARS)


def _colon_intro(sent: Span, ctx: ArticleContext) -> Mention | None:
    """'… said in a comment to Sky News:' ⏎ '“We see …”'."""
    doc = sent.doc
    if sent.start == 0:
        return None
    prev = doc[sent.start - 1].sent
    if not prev.text.rstrip().endswith(":"):
        return None
    return _reporter(prev, ctx)


def _paragraph_reporter(sent: Span, ctx: ArticleContext) -> Mention | None:
    text = ctx.text
    lo = text.rfind("\n", 0, sent.start_char) + 1
    hi = text.find("\n", sent.end_char)
    hi = len(text) if hi < 0 else hi
    para = ctx.doc.char_span(lo, hi, alignment_mode="expand")
    if para is None:
        return None
    for other in para.sents:
        if other.start != sent.start and _quoted(other):
            found = _reporter(other, ctx)
            if found is not None:
                return found
    return None
