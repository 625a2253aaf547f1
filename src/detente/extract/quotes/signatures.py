"""Quotes their layout signs, with no reporting verb: a name and a colon opening the line (a
label such as "Quote:" instead points back to the speaker named just before), a name after a
closing dash, a transcript's "NAME:", a title line's colon.
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from detente.extract.context import ArticleContext
from detente.extract.mentions.actors import resolve_mention
from detente.extract.mentions.vocabulary import LABEL_LINKS, LABEL_WORDS, QUOTE_LABELS, SOURCE_LABELS
from detente.extract.quotes.attribution import is_cue, main_subject, mention_of, subject_of
from detente.extract.quotes.marks import Marked
from detente.records import Speaker


def signed_speaker(ctx: ArticleContext, m: Marked, para_start: int) -> Speaker | None:
    """The speaker a quote's layout names; ``para_start`` is where its paragraph begins."""
    return (_headline_speaker(ctx, m, para_start) or dash_speaker(ctx, m) or _transcript_speaker(ctx, m)
            or _title_speaker(ctx, m, para_start) or _label_line_speaker(ctx, m, para_start))


def _label_line_speaker(ctx: ArticleContext, m: Marked, para_start: int) -> Speaker | None:
    """"Quote: Prime Minister Keir Starmer" ⏎ “…”: a press release's label line names the speaker
    of the quote that opens the next line."""
    line_end = len(ctx.text[:para_start].rstrip())
    if m.open > para_start + 1 or line_end < 2:
        return None
    line_start = ctx.text.rfind("\n", 0, line_end) + 1
    span = ctx.doc.char_span(line_start, line_end, alignment_mode="contract")
    words = [t for t in span if not t.is_space] if span is not None else []
    if not 3 <= len(words) <= 8 or words[0].lower_ not in QUOTE_LABELS["en"] or words[1].text != ":":
        return None
    names = [t for t in words[2:] if t.pos_ == "PROPN"]
    if not names:
        return None
    found = resolve_mention(ctx.doc[names[0].i:names[-1].i + 1], ctx)
    return found if found.name is not None else None


def _headline_speaker(ctx: ArticleContext, m: Marked, para_start: int) -> Speaker | None:
    """"Umerov: Moscow finally delivers ‘its proposal’": a name and a colon open the line."""
    span = ctx.doc.char_span(para_start, m.open, alignment_mode="expand")
    if span is None:
        return None
    toks = _after_timestamp([t for t in span if not t.is_space])
    colon = next((k for k, t in enumerate(toks) if t.text == ":"), None)
    if colon is None or colon == 0:
        return None
    if toks[0].lower_ in LABEL_WORDS["en"]:
        return _labelled_speaker(ctx, para_start, toks[1:colon])
    if colon > 3 or not all(_name_like(t) for t in toks[:colon]):
        return None
    return resolve_mention(ctx.doc[toks[0].i:toks[colon - 1].i + 1], ctx)


def _labelled_speaker(ctx: ArticleContext, para_start: int, rest: list[Token]) -> Speaker | None:
    """"Quote: “…”" is a layout label, not a speaker: the quote is that of the person the
    paragraphs just before name ("Source: Umerov on Telegram", "Umerov said …", "Umerov spoke
    on TV."); "Quote from Umerov:" names its speaker after the label."""
    doc = ctx.doc
    if rest:
        if rest[0].lower_ not in LABEL_LINKS["en"] or not 2 <= len(rest) <= 5:
            return None
        found = resolve_mention(doc[rest[1].i:rest[-1].i + 1], ctx)
        return found if found.name is not None or found.role is not None else None
    start = doc.char_span(para_start, para_start + 1, alignment_mode="expand")
    if start is None:
        return None
    for sent in reversed(list(doc[max(0, start.start - 150):start.start].sents)):
        words = [t for t in sent if not t.is_space]
        if len(words) > 2 and words[0].lower_ in SOURCE_LABELS["en"] | QUOTE_LABELS["en"] and words[1].text == ":":
            names = [t for t in words[2:6] if t.pos_ == "PROPN"]
            found = resolve_mention(doc[names[0].i:names[-1].i + 1], ctx) if names else None
        else:
            cue = next((t for t in reversed(words) if is_cue(t)), None)
            subj = subject_of(cue) if cue is not None else main_subject(sent)
            found = resolve_mention(mention_of(subj), ctx) if subj is not None else None
        if found is not None and found.name is not None:
            return found
    return None


def _after_timestamp(toks: list[Token]) -> list[Token]:
    """"14:52 – Rubio: “…”": a live blog's time and its dash or bullet come before the name."""
    k = 0
    while k < len(toks) and (_TIME.match(toks[k].text) or toks[k].lower_ in ("am", "pm", "a.m.", "p.m.")
                             or k and toks[k].is_punct and toks[k].text != ":"):
        k += 1
    return toks[k:] if k and k < len(toks) and _TIME.match(toks[0].text) else toks


_TIME = re.compile(r"^\d{1,2}[:.]\d{2}$")


def _name_like(tok: Token) -> bool:
    """A proper name, or a capitalised word the small model took for a noun ("Trump: “…”")."""
    return tok.pos_ == "PROPN" or tok.pos_ == "NOUN" and tok.is_alpha and tok.text[:1].isupper()


def dash_speaker(ctx: ArticleContext, m: Marked) -> Speaker | None:
    """"“…” ― Carla Sanchez": a name after a dash closes the line (reader comments, epigraphs,
    headlines such as "US wants «a deal by May», — Zelensky"); what follows a comma describes the
    name ("― Carla Sanchez, speaking in Lima")."""
    text = ctx.text
    rest = text[m.stop:text.find("\n", m.stop) if "\n" in text[m.stop:] else len(text)]
    lead = len(rest) - len(rest.lstrip(" \u00a0,"))
    if rest[lead:lead + 1] not in ("―", "—", "–") or rest[:lead].count(",") > 1:
        return None
    start = m.stop + lead + 1
    signed = rest[lead + 1:].split(",", 1)[0]
    span = ctx.doc.char_span(start, start + len(signed), alignment_mode="expand")
    names = [t for t in span if not (t.is_space or t.is_punct)] if span is not None else []
    if not names or len(names) > 5 or not all(t.text[:1].isupper() for t in names):
        return None
    return resolve_mention(ctx.doc[names[0].i:names[-1].i + 1], ctx)


def _transcript_speaker(ctx: ArticleContext, m: Marked) -> Speaker | None:
    """"“WALLACE: Let’s start with …”": a transcript line names its speaker before a colon."""
    span = ctx.doc.char_span(m.start, min(m.end, m.start + 60), alignment_mode="expand")
    toks = [t for t in span if not t.is_space] if span is not None else []
    colon = next((k for k, t in enumerate(toks[:5]) if t.text == ":"), None)
    if not colon or not all(t.is_alpha and (t.pos_ == "PROPN" or t.is_upper) for t in toks[:colon]):
        return None
    return resolve_mention(ctx.doc[toks[0].i:toks[colon - 1].i + 1], ctx)


def _title_speaker(ctx: ArticleContext, m: Marked, para_start: int) -> Speaker | None:
    """"A word from Anna Kovalenko: ‘Stand up …’": in the title line, the person named before
    a colon said the quote after it (title case defeats the parse, so the name is the person entity)."""
    if para_start != 0:
        return None
    span = ctx.doc.char_span(0, m.open, alignment_mode="expand")
    toks = [t for t in span if not t.is_space] if span is not None else []
    if not toks or toks[-1].text != ":":
        return None
    people = [e for e in span.ents if e.label_ == "PERSON"]
    return resolve_mention(people[0], ctx) if people else None
