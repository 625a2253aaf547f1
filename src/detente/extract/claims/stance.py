"""Stance words: which words state a demand, proposal, rejection, acceptance or assessment.

Cue words are data (``cues``); here they are found in a parsed sentence and anchored to
the word of the parse that carries them, so negation, conditions and subjects can be read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from detente.extract.claims.cues import (ASSERTION_LEMMAS, CONCESSION_LEMMAS, CONCESSION_PARTICLES, NEGATIVE_VERDICTS,
                                        REFUSING_MODALS,
                                        STANCE_LEMMAS, STANCE_PHRASES, VERB_ONLY)
from detente.extract.context import ArticleContext
from detente.extract.claims.holders import obliged_to
from detente.extract.mentions.vocabulary import REPORTING_LEMMAS
from detente.records import Claim

_NEGATIVE_PHRASE_WORDS = {"not", "n't", "cannot", "no", "won't"}
_POS_RANK = {"VERB": 1, "AUX": 1, "ADJ": 2, "ADV": 2, "NOUN": 3}


# When one sentence gives a party several stance words on one issue, the first listed wins.
STANCE_PRIORITY = ("rejection", "demand", "acceptance", "proposal", "assessment")


@dataclass
class Trigger:
    """A stance word found in a sentence, with the stance it states."""

    token: Token
    stance: str
    phrase: bool
    conditional: bool = False  # the phrase itself is a condition ('only if')
    assertion: bool = False  # a bare verb of saying, no stance word: counts only on the talks


def self_negating(trig: Trigger) -> bool:
    """Rejecting phrases like 'will not accept' carry their own negation ('rule out' does not);
    the others ('ready to', 'open to') are negated as words are: 'not ready to' refuses."""
    return trig.phrase and trig.stance == "rejection" and trig.token.lemma_.lower() != "rule"


def rank(trig: Trigger, claim: Claim) -> tuple[int, int, int]:
    """The sentence's own statement before an accompanying participle ("told reporters he was
    ready to organise a vote, urging allies to help"); then phrases before verbs before
    adjectives before nouns; then the stance priority."""
    kind = 0 if trig.phrase else _POS_RANK.get(trig.token.pos_, 3)
    return int(_accompanying(trig.token)), kind, STANCE_PRIORITY.index(claim.stance)


def _accompanying(tok: Token) -> bool:
    """In a trailing "-ing" clause set off after the main one ("…, urging the US to help")."""
    for t in [tok, *tok.ancestors]:
        if t.dep_ == "advcl" and t.tag_ == "VBG" and t.i > t.head.i:
            return True
    return False


# Each phrase starts at a word: 'willing to' is not read inside 'unwilling to'.
_PHRASE_PATTERNS = [(stance, phrase, re.compile(r"(?<!\w)" + re.escape(phrase)))
                    for stance, phrases in STANCE_PHRASES.items() for phrase in phrases]
_LEMMA_STANCE: dict[str, str] = {}
for _stance, _lemmas in STANCE_LEMMAS.items():  # a lemma in two tables states the first one's stance
    for _lemma in _lemmas:
        _LEMMA_STANCE.setdefault(_lemma, _stance)
_ANY_PHRASE = re.compile("|".join(p.pattern for _, _, p in _PHRASE_PATTERNS))  # most sentences have none


def find_triggers(sent: Span, ctx: ArticleContext) -> list[Trigger]:
    """Stance words: multi-word phrases first, then single lemmas not already covered."""
    out: list[Trigger] = []
    covered: set[int] = set()
    low = sent.text.lower()
    for stance, phrase, pattern in (_PHRASE_PATTERNS if _ANY_PHRASE.search(low) else ()):
        found = pattern.search(low)
        if found is None:
            continue
        start = found.start()
        span = sent.char_span(start, start + len(phrase), alignment_mode="expand")
        if span is None:
            continue
        head = _phrase_anchor(span)
        covered.update(t.i for t in span)
        out.append(Trigger(head, stance, True, conditional=" if" in f" {phrase}"))
    for tok in sent:
        if tok.i in covered:
            continue
        if _imperative(tok):
            out.append(Trigger(tok, "demand", False))
            continue
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and tok.dep_ == "amod":
            continue  # 'proposed guarantees' names a thing, it states no stance
        if (lemma in VERB_ONLY and tok.pos_ != "VERB") or (tok.pos_ == "NOUN" and not _owned_noun(tok, ctx)):
            continue
        if lemma == "need" and not _stated_need(tok):
            continue
        if lemma == "ask" and tok.pos_ == "VERB" and _asks_for(tok):
            out.append(Trigger(tok, "demand", False))
            continue
        if obliged_to(tok):  # 'Russia will have to agree to a truce': a demand on Russia
            out.append(Trigger(tok, "demand", False))
            continue
        if lemma in CONCESSION_LEMMAS or _phrasal_concession(tok, lemma):
            if _refused(tok):
                out.append(Trigger(tok, "rejection", True))
            continue
        stance = _LEMMA_STANCE.get(lemma)
        if stance is not None and tok.pos_ in ("VERB", "NOUN", "ADJ", "ADV", "AUX"):
            out.append(Trigger(tok, _naming(tok) or stance, False))
    out = [t for t in out if not _presents_stance_noun(t, out) and not _rejected(t, out) and not _asked_of(t)]
    return out or _assertions(sent)


def _phrasal_concession(tok: Token, lemma: str) -> bool:
    """'give up', 'hand over': a verb of conceding with its particle."""
    particle = CONCESSION_PARTICLES.get(lemma)
    return particle is not None and any(c.dep_ == "prt" and c.lower_ == particle for c in tok.children)


def _refused(tok: Token) -> bool:
    """'will never recognise', 'won't cede': a concession refused, its own negation in the phrase."""
    kids = list(tok.children)
    return tok.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ in REFUSING_MODALS for c in kids) \
        and any(c.dep_ == "neg" or c.lower_ == "never" for c in kids)


def _stated_need(tok: Token) -> bool:
    """'Ukraine needs guarantees before it signs' states a demand; 'missiles are needed',
    'a much-needed message' and 'the decision Kyiv needed to make' state none: a need counts as
    a main or reported verb with its own subject."""
    return tok.dep_ in ("ROOT", "ccomp", "conj") and any(c.dep_ == "nsubj" for c in tok.children) \
        and not any(c.dep_ == "xcomp" for c in tok.children)  # 'needs to accept': the verb says what


def _naming(tok: Token) -> str | None:
    """'called the talks useful', 'calling the plan a first step': to call something a name is
    to judge it (an assessment), and a refusing name refuses ('called the proposal unacceptable',
    'a trap'); 'called for a truce', 'called on Kyiv to …' still demand (a 'for' beside an object
    is the parse's: 'called the plan for a truce unacceptable')."""
    if tok.lemma_.lower() != "call":
        return None
    kids = list(tok.children)
    named = any(c.dep_ in ("oprd", "dobj", "ccomp") for c in kids)
    if any(c.dep_ == "prep" and (c.lower_ in ("on", "upon") or c.lower_ == "for" and not named)
           or c.dep_ == "xcomp" for c in kids):
        return None
    if not named:
        return None
    said = [t for c in kids if c.dep_ not in ("nsubj", "nsubjpass") for t in c.subtree]
    return "rejection" if any(t.lemma_.lower() in NEGATIVE_VERDICTS for t in said) else "assessment"


def _asks_for(tok: Token) -> bool:
    """'Kyiv asked Washington to provide guarantees', 'asked for more air defence': a request; not
    'asked whether …' or 'Asked about the plan, Peskov said …' (a question put to someone)."""
    kids = list(tok.children)
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in kids) or not any(c.dep_ == "nsubj" for c in kids):
        return False
    return any(c.dep_ == "xcomp" for c in kids) or any(c.dep_ == "prep" and c.lower_ == "for" for c in kids)


def _asked_of(trig: Trigger) -> bool:
    """'urged Moscow to agree', 'wants Kyiv to accept', 'is being asked to accept': what one side
    presses another to do is the presser's demand, not the other's stance."""
    tok, head = trig.token, trig.token.head
    if trig.stance == "demand" or tok.dep_ not in ("xcomp", "ccomp") or head.i == tok.i \
            or head.lemma_.lower() not in STANCE_LEMMAS["demand"] | {"ask"} \
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    return any(c.dep_ in ("dobj", "nsubjpass") for c in head.children) \
        or any(c.dep_ == "nsubj" for c in tok.children)  # 'wants Kyiv to accept', parsed as a clause


def _rejected(trig: Trigger, found: list[Trigger]) -> bool:
    """'rejected calls for a ceasefire', 'dismissed the proposal': a stance that is the object of
    a rejecting verb is what the party rejects, not what it states (the phrase would outrank
    the verb)."""
    return trig.stance != "rejection" and trig.token.pos_ == "NOUN" and any(
        t.stance == "rejection" and t.token.pos_ == "VERB" and _object_of(trig.token, t.token) for t in found)


def _presents_stance_noun(trig: Trigger, found: list[Trigger]) -> bool:
    """'put forward a new condition', 'submitted a set of demands': a verb of presenting whose
    object is itself a stance noun states that noun's stance, not a proposal of its own."""
    return trig.stance == "proposal" and trig.token.pos_ == "VERB" and any(
        t.token.pos_ == "NOUN" and t.stance != "proposal" and _object_of(t.token, trig.token) for t in found)


def _object_of(noun: Token, verb: Token) -> bool:
    """The noun is the verb's object, or what its object is a set of ('a list of demands')."""
    if noun.dep_ == "dobj":
        return noun.head == verb
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.dep_ == "dobj" and prep.head.head == verb


def _assertions(sent: Span) -> list[Trigger]:
    """'Peskov claims that Russia has not received …': a verb of saying with a reported
    clause states the speaker's assessment, when no stance word is there."""
    return [Trigger(tok, "assessment", False, assertion=True) for tok in sent
            if tok.lemma_.lower() in ASSERTION_LEMMAS and tok.pos_ == "VERB"
            and any(c.dep_ == "ccomp" for c in tok.children)]


def _imperative(tok: Token) -> bool:
    """A bare command reported as speech ('… say that, if you want peace, get out of Donbas')."""
    if tok.tag_ != "VB" or tok.dep_ != "ccomp" or tok.head.lemma_.lower() not in REPORTING_LEMMAS["en"]:
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in tok.children)


def _owned_noun(tok: Token, ctx: ArticleContext) -> bool:
    """A stance noun counts when someone holds it: a possessor or party adjective ('Trump's
    proposal', 'a key Ukrainian demand'), or as the object or predicate of a clause, or what
    that object is a set of ('a list of demands'). As a subject ('Russia's demands are becoming
    tougher') it is talked about, not stated."""
    if tok.dep_ in ("nsubj", "nsubjpass"):
        return False
    if any(c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and ctx.codebook.party_for_mention(c.text))
           for c in tok.children):
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":  # 'put forward a set of ultimatums'
        return tok.head.head.dep_ in ("dobj", "attr", "oprd")
    return tok.dep_ in ("dobj", "attr", "oprd") or (tok.dep_ == "pobj" and tok.head.lower_ == "as")


def _phrase_anchor(span: Span) -> Token:
    """The word a phrase hangs on: its first content word, or for 'only if' the main clause."""
    head = next((t for t in span if t.pos_ in ("VERB", "AUX", "ADJ", "NOUN")
                 and t.lower_ not in _NEGATIVE_PHRASE_WORDS), None)
    if head is not None:
        return head
    t = span.root
    while t.dep_ in ("mark", "advmod", "advcl", "nsubjpass", "conj") and t.head != t:
        t = t.head
    return t
