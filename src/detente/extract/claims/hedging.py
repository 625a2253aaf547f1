"""Modality around a stance word: is it negated, hypothetical, or marked as doubtful?

Negation and hypotheticals decide whether a sentence states a position at all ("Ukraine will
not sign …" is a rejection; "if Russia agreed to …" is nobody's acceptance); hedges keep the
position but flag it for the analyst.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from detente.extract.claims.cues import (CONDITIONAL_MARKS, CONFIRM_LEMMAS, HEDGE_MODALS, NEGATING_NOUNS,
                                        HEDGE_PHRASES, HEDGE_WORDS)

_NEGATORS = {"not", "n't", "never", "no", "cannot"}
_STOP_POS = {"DET", "ADP", "PRON", "AUX", "CCONJ", "SCONJ", "PUNCT", "PART", "SPACE", "NUM"}


def is_negated(token: Token) -> bool:
    """A negator on the stance word or on the verb that governs it ('will not accept', 'is not on
    the table'), or a negating phrase on it ('will under no circumstances accept')."""
    for t in _governing(token):
        if any(c.dep_ == "neg" or c.lower_ in _NEGATORS for c in t.children if c.i < token.i + 3):
            return True
        if any(c.dep_ == "prep" and any(g.lower_ in NEGATING_NOUNS and any(d.lower_ == "no" for d in g.children)
                                        for g in c.children) for c in t.children):
            return True
    prev = token.doc[max(token.i - 3, 0):token.i]
    if any(t.lower_ in ("cannot", "never") for t in prev):
        return True
    return token.dep_ == "pcomp" and token.head.lower_ == "without"  # 'without offering specifics' 


def _governing(token: Token) -> tuple[Token, ...]:
    """The stance word and the verb it completes: 'not ready to' (xcomp, acomp), 'not on the
    table' (the object of a preposition on the verb)."""
    if token.dep_ in ("xcomp", "acomp"):
        return token, token.head
    if token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.pos_ in ("VERB", "AUX"):
        return token, token.head.head
    return (token,)


def is_hypothetical(token: Token, sentence: Span) -> bool:
    """Inside an if/unless clause, a question, or a hypothetical 'would … if'."""
    for t in [token, *token.ancestors]:
        if t.dep_ in ("advcl", "ccomp", "csubj") and any(
                c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in t.children):
            return True
        if t == sentence.root:
            break
    return sentence.text.rstrip().endswith("?")


def sentence_hedges(token: Token, sentence: Span) -> list[str]:
    """Hedge words on the stance word's own clause chain and hedge phrases in the sentence."""
    found: list[str] = []
    low = sentence.text.lower()
    found += [p for p in HEDGE_PHRASES if p in low]
    found += [t.text for t in sentence if t.lower_ in HEDGE_WORDS]
    for t in _own_clauses(token):
        found += [c.text for c in t.children if c.dep_ == "aux" and c.lower_ in HEDGE_MODALS]
    return list(dict.fromkeys(found))


def _own_clauses(token: Token) -> list[Token]:
    """The stance word and the verbs above it, leaving out a verb the stance word's clause is
    only joined to: in "Russia could attack again, and it wants …" the parse may hang "wants" on
    "attack", but a conjunct with its own subject does not take the other clause's "could"."""
    out, t = [token], token
    while t.head.i != t.i:
        joined = t.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
        t = t.head
        if not joined:
            out.append(t)
    return out


def doubted_topics(doc: Doc) -> list[tuple[str, set[str]]]:
    """Sentences that make the article's own information conditional ('If the information
    about X is confirmed'): the hedge phrase and the content words of X."""
    out = []
    for sent in doc.sents:
        for t in sent:
            if t.lemma_.lower() in CONFIRM_LEMMAS and _conditional_or_negated(t):
                out.append(("if confirmed" if _conditional_or_negated(t) == "if" else "not confirmed",
                            content_lemmas(t.subtree)))
    return out


def _conditional_or_negated(t: Token) -> str | None:
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in t.children):
        return "if"
    if any(c.dep_ == "neg" for c in t.children):
        return "not"
    return None


def content_lemmas(tokens) -> set[str]:
    return {t.lemma_.lower() for t in tokens if t.pos_ not in _STOP_POS and not t.is_stop
            and re.search(r"\w", t.text)}


def topic_hedges(sentence: Span, doubts: list[tuple[str, set[str]]], min_shared: int = 3) -> list[str]:
    """Document-level doubts whose topic shares enough content words with this sentence."""
    mine = content_lemmas(sentence)
    return [phrase for phrase, topic in doubts if len(mine & topic) >= min_shared]
