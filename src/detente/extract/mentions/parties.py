"""Whose position is it: map a mention (subject, speaker, possessor) to a party.

Uses the codebook only (party names, metonyms, adjectives, actors); people the codebook does
not know get their party from the words beside their name ("Kremlin spokesman Dmitry Peskov",
"Russian President Vladimir Putin") and are remembered for later surname mentions.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from detente.codebook.names import person_keys
from detente.extract.mentions.actors import same_body_before, served_by, side_of_source
from detente.extract.mentions.people import Person, mention_index, party_named_in
from detente.extract.mentions.phrases import names_head
from detente.extract.context import ArticleContext
from detente.extract.mentions.vocabulary import ANONYMOUS_NOUNS, BODY_NOUNS, EXPERT_NOUNS, OFFICE_NOUNS, RELATION_NOUNS

PRONOUNS = {"he", "she", "him", "her", "his", "we", "our", "us", "they", "them", "their", "it", "i", "my"}


@dataclass
class Mention:
    """A resolved mention: its party, a printable name and what kind of voice it is."""

    party: str | None
    name: str
    kind: str  # person | metonym | expert | anonymous | pronoun | other


def mention_span(token: Token) -> Span:
    """The noun phrase a token heads, without trailing clauses."""
    left = token.left_edge.i  # never across a line break: paragraphs end sentences (``paragraphs``)
    right = token.i
    for child in token.rights:
        if child.dep_ in ("compound", "flat", "appos") or (child.dep_ == "prep" and child.lower_ in ("of", "in", "close")):
            right = max(right, child.right_edge.i)
    return token.doc[left:right + 1]


def resolve(token: Token, ctx: ArticleContext) -> list[Mention]:
    """The parties a subject-like token stands for; conjuncts give several ('Moscow and Kyiv')."""
    out = [_resolve_one(token, ctx)]
    for conj in token.conjuncts:
        out.append(_resolve_one(conj, ctx))
    return [m for m in out if m is not None]


def _resolve_one(token: Token, ctx: ArticleContext) -> Mention | None:
    if token.lower_ in ("he", "she", "him", "her"):
        earlier = _earlier_subject(token, ctx)
        if earlier is not None:
            return earlier
        person = mention_index(ctx).antecedent(token.i, token.lower_)
        if person is not None:
            return _from_person(person, token, ctx)
    if _pronoun(token):
        return Mention(None, token.text, "pronoun")
    span = mention_span(token)
    person = _person_in(span, ctx)
    if person is not None:
        return person
    if token.lemma_.lower() in ANONYMOUS_NOUNS["en"] and not any(
            t.ent_type_ == "PERSON" and names_head(t, span.root) for t in span):  # not "Trump administration officials"
        return Mention(party_named_in(local_words(token), ctx) or side_of_source(token, ctx), _name(span), "anonymous")
    if token.lemma_.lower() in EXPERT_NOUNS["en"]:
        return Mention(None, _name(span), "expert")
    if token.lemma_.lower() in RELATION_NOUNS["en"]:  # "Ukraine's allies" are not Ukraine
        return Mention(party_named_in(_own_words(token), ctx), _name(span), "other")
    party = party_named_in(local_words(token), ctx) or _owner_party(token, ctx) or (
        side_of_source(token, ctx) if token.lemma_.lower() in OFFICE_NOUNS["en"] else None)  # "an official in Zelensky's office"
    if party is None and token.lemma_.lower() in BODY_NOUNS["en"]:  # "the ministry", named before
        body = same_body_before(span, token, ctx)
        if body is not None:
            return Mention(body.party, body.name, "metonym")
    if party:
        kind = "person" if token.lemma_.lower() in OFFICE_NOUNS["en"] else "metonym"
        if kind == "person" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children):
            kind = "anonymous"  # "an adviser to Zelensky", unnamed: not on record
        return Mention(party, _name(span), kind)
    return Mention(None, _name(span), "other")


def _pronoun(token: Token) -> bool:
    """'us', 'it', 'I' as the parse reads them, as ``actors.resolve_mention`` does: 'US' (the
    United States) is a proper noun."""
    return token.lower_ in PRONOUNS and token.pos_ == "PRON"


def _owner_party(token: Token, ctx: ArticleContext) -> str | None:
    """"Putin's spokesperson", "an adviser to Zelensky": the side of the person the role serves."""
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is None and token.lemma_.lower() in OFFICE_NOUNS["en"]:
        owner = served_by(token)
    found = _resolve_one(owner, ctx) if owner is not None else None
    return found.party if found is not None and found.kind == "person" else None


def local_words(token: Token) -> Span:
    """A noun and the words that qualify it directly ('Russia's defence ministry', 'the head of
    the Russian delegation'), not clauses hanging off it."""
    keep = {token.i}
    for c in token.children:
        if c.dep_ in ("compound", "amod", "poss", "nmod", "det", "predet"):
            keep.update(t.i for t in c.subtree)
        if c.dep_ == "prep" and c.lower_ == "of":
            for obj in c.children:
                if obj.dep_ == "pobj":
                    keep.update(t.i for t in obj.subtree if t.i <= obj.i)
    lo, hi = min(keep), max(keep)
    return token.doc[lo:hi + 1]


def _own_words(token: Token) -> Span:
    """The noun and its qualifiers without its owner: "Ukraine's European allies" → "European allies"."""
    words = local_words(token)
    owner = {t.i for c in token.children if c.dep_ == "poss" for t in c.subtree}
    kept = [t.i for t in words if t.i not in owner]
    return token.doc[min(kept):max(kept) + 1]


def _name(span: Span) -> str:
    """A printable name: the phrase without leading determiners ('Both Moscow' → 'Moscow')."""
    toks = [t for t in span]
    while toks and toks[0].dep_ in ("det", "predet", "cc") and len(toks) > 1:
        toks = toks[1:]
    return span.doc[toks[0].i:toks[-1].i + 1].text if toks else span.text


def _earlier_subject(token: Token, ctx: ArticleContext) -> Mention | None:
    """'The Russian president outlined what he considers …': he is the sentence's own subject, if
    a person ('Russia, he said, is raising the stakes': he is not Russia)."""
    line_start = ctx.text.rfind("\n", 0, token.idx)  # ctx.text: Doc.text is rebuilt per call
    for t in token.sent:
        if t.i >= token.i:
            return None
        if t.idx > line_start and t.dep_ == "nsubj" and not _pronoun(t):
            found = _resolve_one(t, ctx)
            if found is not None and found.party and found.kind == "person":
                return found
    return None


def _person_in(span: Span, ctx: ArticleContext) -> Mention | None:
    """A named person inside the phrase: the quotes stage's mention index (coreference and
    all), else the codebook."""
    index = mention_index(ctx)
    for tok in reversed(list(span)):
        if not names_head(tok, span.root):
            continue  # "Putin's spokesperson" speaks for Putin's side, but is not Putin
        key = index.at.get(tok.i)
        if key is None and tok.pos_ == "PROPN":
            key = next((k for k in person_keys(tok.text)[-1:] if k in index.people), None)
        if key is not None:
            return _from_person(index.people[key], tok, ctx)
    names = [t for t in span if (t.pos_ == "PROPN" or t.is_title and (t.ent_type_ in ("PERSON", "ORG")
                                                                     or t.pos_ == "NOUN"))
             and names_head(t, span.root)]  # "Trump threatened …": the tagger may read a name as a noun
    actor = ctx.codebook.find_actor(" ".join(t.text for t in names)) if names else None
    if actor is None:
        return None
    kind = "expert" if actor.party == "NONE" else "person"
    return Mention(actor.party if actor.party != "NONE" else None, actor.name, kind)


def _from_person(person: Person, tok: Token, ctx: ArticleContext) -> Mention:
    """A person of the index as a claims voice: experts have no side; an official the text
    gives no side takes it from the words beside this mention."""
    name = person.actor.name if person.actor else person.name
    if person.party != "NONE":
        return Mention(person.party, name, "person")
    words = {w for r in person.roles for w in r.lower().split()}
    if person.actor is not None or words & EXPERT_NOUNS["en"]:
        return Mention(None, name, "expert")
    return Mention(party_named_in(local_words(tok), ctx), name, "person")
