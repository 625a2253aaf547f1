"""Who struck: read from the parse ('Russian drones', 'Russia launched', 'hit by Russian
missiles'), from the victim ('Ukraine has suffered strikes' → the other side), and as a last
resort from where the blows fell. Parties come from the codebook, never from Python."""
from __future__ import annotations

from spacy.tokens import Token

from detente.extract.events import words as W
from detente.extract.context import ArticleContext
from detente.extract.events.places import PlaceHit
from detente.extract.places.gazetteer import country_alpha3

MODIFIER_DEPS = {"amod", "compound", "poss", "nmod", "appos"}


def strike_actor(triggers: list[Token], places: list[PlaceHit], ctx: ArticleContext,
                 from_targets: bool = True) -> str | None:
    """``from_targets`` only for strikes: fighting on one side's soil involves both sides."""
    for t in triggers:
        party = _from_parse(t, ctx)
        if party:
            return party
    return _from_targets(places, ctx) if from_targets else None


def _from_parse(t: Token, ctx: ArticleContext) -> str | None:
    party = _modifier_party(t, ctx)
    if party:
        return party
    if t.pos_ == "VERB":
        return _doer_of(t, ctx)
    head = t.head
    if t.dep_ in {"dobj", "conj"} and head.pos_ == "VERB":
        if head.lemma_.lower() in W.SUFFERING_VERBS:
            return ctx.codebook.opponent(_subject_party(head, ctx))
        if head.lemma_.lower() in W.LAUNCH_VERBS | W.STRIKE_VERBS:
            return _doer_of(head, ctx)
    return None


def _doer_of(verb: Token, ctx: ArticleContext) -> str | None:
    """The active subject, or the passive agent ('hit by Russian drones')."""
    for c in verb.children:
        if c.dep_ == "nsubj":
            return party_of(c, ctx)
        if c.dep_ == "agent":
            for obj in c.children:
                if obj.dep_ == "pobj":
                    return party_of(obj, ctx)
    return None


def _subject_party(verb: Token, ctx: ArticleContext) -> str | None:
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return party_of(subj, ctx) if subj is not None else None


def party_of(tok: Token, ctx: ArticleContext) -> str | None:
    """The party a noun phrase stands for: a party name, metonym, demonym or a known person."""
    cb = ctx.codebook
    if tok.ent_type_ == "PERSON":
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        actor = cb.find_actor(ent.text if ent is not None else tok.text)
        if actor is not None and actor.party in {p.code for p in cb.parties}:
            return actor.party
    party = cb.party_for_mention(tok.text)
    return party or _modifier_party(tok, ctx)


def _modifier_party(tok: Token, ctx: ArticleContext, depth: int = 2) -> str | None:
    """'Russian drones', "Russia's attack", 'Russian President Vladimir Putin'."""
    for c in tok.children:
        if c.dep_ not in MODIFIER_DEPS:
            continue
        party = ctx.codebook.party_for_mention(c.text)
        if party:
            return party
        if depth > 1:
            party = _modifier_party(c, ctx, depth - 1)
            if party:
                return party
    return None


def _from_targets(places: list[PlaceHit], ctx: ArticleContext) -> str | None:
    """All blows fell in one warring party's country: the other side struck."""
    parties = {country_alpha3().get(p.location.country or "") for p in places}
    if len(parties) != 1:
        return None
    return ctx.codebook.opponent(parties.pop())
