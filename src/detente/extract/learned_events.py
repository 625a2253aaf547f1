"""Events the rules do not read, from the learned sentence model.

The rules keep a happening only when it is concrete (placed, dated, with named sides) and real,
so most of the events they miss on unseen articles are never candidates: meetings announced or
scheduled, a memorandum handed over, an order given (issue 9). The claim model's ``event`` head,
a linear model over the sentence's words trained on the gold and training articles, finds such
sentences. One is added where the head is sure enough and the rules found no event in the
sentence, and not in a headline or caption. It is never a strike: a strike is worth little
without the places it hit, and only the rules read those. Its places, sides and date stay
unknown: nothing in it was read from the parse.
"""
from __future__ import annotations

from spacy.tokens import Span

from detente.extract.claims.model import ClaimModel, article_words
from detente.extract.context import ArticleContext
from detente.extract.events.finder import reports
from detente.extract.paragraphs import headline
from detente.records import Event

NEVER_ADDED = frozenset({"none", "strike"})


def learned_events(ctx: ArticleContext, events: list[Event], model: ClaimModel | None) -> list[Event]:
    """``events`` (the rules') with the model's additions, in the order of the text."""
    head = model.heads.get("event") if model is not None else None
    if head is None:
        return events
    starts = [e.start for e in events]
    added = []
    for sent in ctx.doc.sents:
        if any(sent.start_char <= s < sent.end_char for s in starts) or not _reports(sent):
            continue
        kind, p = head.best(model.index(article_words(sent, ctx)), model.vector(sent))
        if kind in NEVER_ADDED or p < model.event_threshold:
            continue
        start, end = _bounds(sent)
        added.append(Event(type=kind, evidence=ctx.text[start:end], start=start, end=end))
    return sorted(events + added, key=lambda e: e.start) if added else events


def _reports(sent: Span) -> bool:
    """What the rules read as reporting (no link line, no question), and no headline or caption,
    which repeats or teases what the body reports."""
    return bool(sent.text.strip()) and reports(sent) and not headline(sent)


def _bounds(sent: Span) -> tuple[int, int]:
    """The sentence's characters without the white space around it."""
    text = sent.text
    lead = len(text) - len(text.lstrip())
    return sent.start_char + lead, sent.start_char + len(text.rstrip())
