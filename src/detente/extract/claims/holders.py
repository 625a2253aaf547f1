"""Whose position a stance word states: its subject, a possessor, or the voice that says it.

"Trump said Putin agreed …" is Russia's acceptance (the subject), reported by Trump; "Ukraine
must withdraw", said by Putin, is Russia's demand (the speaker); "the talks are constructive"
is the judgement of whoever says so.
"""
from __future__ import annotations

from spacy.tokens import Token

from detente.extract.claims.cues import OBLIGATION_WORDS, OBLIGING_HEADS, RED_LINE
from detente.extract.context import ArticleContext
from detente.extract.mentions.parties import Mention, resolve
from detente.extract.mentions.speakers import reporting_subject
from detente.extract.mentions.vocabulary import REPORTING_LEMMAS

_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")


_CLIMB_DEPS = {"xcomp", "acomp", "attr", "dobj", "conj", "prep", "pobj", "amod", "aux", "advmod",
               "oprd", "appos", "npadvmod", "relcl", "acl", "ccomp"}


def holders(token: Token, ctx: ArticleContext, speaker: Mention | None) -> list[tuple[str, Mention]]:
    """Whose position: the stance word's subject (or possessor), else the speaker."""
    subj, how = _subject(token, ctx)
    mentions = resolve(subj, ctx) if subj is not None else []
    reporters = _nearest_reporters(token, ctx)
    if not reporters and speaker is not None and speaker.party and speaker.kind != "expert":
        reporters = [speaker]
    voiced = [(m.party, m) for m in reporters]
    line = _red_line(token)
    if line is not None:  # 'X is a red line for Kyiv': Kyiv refuses X, whoever says it
        owner = _for_whom(line)
        owners = [(m.party, m) for m in resolve(owner, ctx) if m.party] if owner is not None else []
        return owners or voiced
    if _obliged(token):
        return voiced  # 'Ukraine must …' is the speaker's demand on Ukraine
    if how == "copula" and voiced:
        return voiced  # 'the posture is inequitable': the speaker judges
    out = [(m.party, m) for m in mentions if m.party]
    if not out and (how in ("none", "passive") or all(m.kind == "pronoun" for m in mentions)):
        out = voiced
    return out


def _red_line(token: Token) -> Token | None:
    """The noun "line" of "a red line" the phrase's anchor (its adjective) hangs on."""
    red, line = RED_LINE
    noun = token.head if token.lower_ == red else token
    return noun if noun.lemma_.lower() == line and any(c.lower_ == red for c in noun.children) else None


def _for_whom(token: Token) -> Token | None:
    """"… is a red line for Kyiv", "For Ukraine, … is a red line": the one whose line it is."""
    for t in (token, token.head):
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "for":
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
    return None


def _nearest_reporters(token: Token, ctx: ArticleContext) -> list[Mention]:
    """The party voices of the reporting verb that governs the stance word ('Moscow has made it
    clear that …'), which outrank the quote's speaker who relays them."""
    for anc in token.ancestors:
        if anc.lemma_.lower() in REPORTING_LEMMAS["en"] and anc.pos_ == "VERB":
            subj = reporting_subject(anc)
            found = [m for m in (resolve(subj, ctx) if subj is not None else []) if m.party]
            if found:
                return found
    return []


def _obliged(token: Token) -> bool:
    return token.lower_ in OBLIGATION_WORDS or obliged_to(token) or any(
        c.dep_ in ("aux", "advmod") and c.lower_ in OBLIGATION_WORDS for c in token.children)


def obliged_to(token: Token) -> bool:
    """'will have to agree', 'needs to accept': the verb is what someone is told to do."""
    return token.pos_ in ("VERB", "AUX") and token.dep_ == "xcomp" \
        and token.head.lemma_.lower() in OBLIGING_HEADS and token.head.pos_ in ("VERB", "AUX") \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _subject(token: Token, ctx: ArticleContext) -> tuple[Token | None, str]:
    """The stance word's subject and how it was reached: 'active', 'passive' (subject of a
    passive verb, not its agent), 'copula' (the thing judged by 'is …'), or 'none'."""
    t = token
    for _ in range(5):
        subj = _own_subject(t, ctx)
        if subj is not None:
            if subj.dep_ == "nsubjpass":
                return subj, "passive"
            if t.lemma_ == "be" and ctx.codebook.party_for_mention(subj.text) is None:
                return subj, "copula"
            return subj, "active"
        if t.dep_ not in _CLIMB_DEPS or t.head == t:
            return None, "none"
        if t.dep_ == "ccomp" and t.head.pos_ in ("VERB", "AUX"):
            return None, "none"
        t = t.head
    return None, "none"


def _own_subject(t: Token, ctx: ArticleContext) -> Token | None:
    """A token's own subject, passive agent, possessor or party adjective."""
    for c in t.children:
        if c.dep_ == "agent":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    for c in t.children:
        if c.dep_ in _SUBJECT_DEPS:
            if c.lower_ in ("which", "that", "who") and t.dep_ == "relcl":
                return t.head
            if c.lower_ in ("what", "whatever"):
                continue  # 'what he considers …': the subject is 'he'
            return c
    if t.pos_ in ("NOUN", "PROPN"):
        for c in t.children:
            if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and ctx.codebook.party_for_mention(c.text)):
                return c
    return None


def clause_verb(token: Token) -> Token:
    """The verb that carries a stance word's clause, climbing complements and conjuncts."""
    t = token
    while t.dep_ in ("xcomp", "aux", "conj", "acomp", "prt", "dobj", "ccomp", "attr", "oprd") and t.head != t:
        t = t.head
    return t


def main_verb(token: Token) -> bool:
    """The sentence's own statement, not an aside ('Zelensky, who has long refused …')."""
    return clause_verb(token).dep_ == "ROOT"
