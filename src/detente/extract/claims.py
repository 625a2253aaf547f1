"""Party positions (claims): who wants what on which issue, on whose word, how hedged.

Sentence by sentence: find stance words (demand, proposal, rejection, acceptance,
assessment), drop those under a hypothetical, flip negated ones, find whose position it is
(the stance word's subject, else the speaker), the issue (codebook cues), the source chain and
the hedges, and place the claim on the issue's scale. Precision first: a stance word with no
party or no issue yields nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from detente.extract.claim_cues import (ACCUSATION_LEMMAS, NEGATED_STANCE, OBLIGATION_WORDS,
                                        STANCE_LEMMAS, STANCE_PHRASES, VERB_ONLY)
from detente.extract.context import ArticleContext
from detente.extract.hedging import (doubted_topics, is_hypothetical, is_negated, sentence_hedges,
                                     topic_hedges)
from detente.extract.issues import classify_issue
from detente.extract.parties import LAST_PERSON, Mention, resolve
from detente.extract.positions import place
from detente.extract.claim_cues import REPORTING_LEMMAS
from detente.extract.provenance import make_source, reporting_subject, source_links
from detente.extract.claim_speakers import sentence_speaker
from detente.records import Claim, Quote

# When one sentence gives a party several stance words on one issue, the first listed wins.
STANCE_PRIORITY = ("rejection", "demand", "acceptance", "proposal", "assessment")
_NEGATIVE_PHRASE_WORDS = {"not", "n't", "cannot", "no", "won't"}
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
_CLIMB_DEPS = {"xcomp", "acomp", "attr", "dobj", "conj", "prep", "pobj", "amod", "aux", "advmod",
               "oprd", "appos", "npadvmod", "relcl", "acl", "ccomp"}


_POS_RANK = {"VERB": 1, "AUX": 1, "ADJ": 2, "ADV": 2, "NOUN": 3}


@dataclass
class Trigger:
    token: Token
    stance: str
    phrase: bool
    conditional: bool = False  # the phrase itself is a condition ('only if')


def find_claims(ctx: ArticleContext, quotes: list[Quote], issue_classifier: str = "lexical") -> list[Claim]:
    """Every party position the article states, one per party and issue per sentence."""
    doubts = doubted_topics(ctx.doc)
    sents = list(ctx.doc.sents)
    claims: list[Claim] = []
    for i, sent in enumerate(sents):
        follow = sents[i + 1] if i + 1 < len(sents) else None
        claims += _sentence_claims(sent, follow, ctx, quotes, doubts, issue_classifier)
        _remember_person(sent, ctx)
    return claims


def _remember_person(sent: Span, ctx: ArticleContext) -> None:
    """The last person named, for a later 'he' or 'she'."""
    for ent in reversed(sent.ents):
        if ent.label_ == "PERSON":
            hit = resolve(ent.root, ctx)
            if hit and hit[0].kind in ("person", "expert"):
                ctx.scratch[LAST_PERSON] = hit[0]
                return


def _sentence_claims(sent: Span, follow: Span | None, ctx: ArticleContext, quotes: list[Quote],
                     doubts, method: str) -> list[Claim]:
    speaker = sentence_speaker(sent, ctx, quotes)
    best: dict[tuple[str, str], Claim] = {}
    for trig in _triggers(sent, ctx):
        if not trig.conditional and is_hypothetical(trig.token, sent):
            continue
        stance = trig.stance
        if not _self_negating(trig) and is_negated(trig.token):
            stance = NEGATED_STANCE[stance]
            if stance is None:
                continue
        parties = _parties(trig.token, ctx, speaker)
        if _accused(trig.token, sent):
            stance = "assessment"
            parties = [(speaker.party, speaker)] if speaker is not None and speaker.party else []
        for party, mention in parties:
            items = _listed_items(trig, sent) or [None]
            for item in items:
                claim = _claim(trig, stance, party, mention, sent, follow, ctx, speaker, doubts,
                               method, item)
                if claim is None:
                    continue
                key = (claim.party, claim.issue)
                rank = _rank(trig, claim)
                if key not in best or rank < best[key][0]:
                    best[key] = (rank, claim)
    return [c for _, c in best.values()]


def _listed_items(trig: Trigger, sent: Span) -> list[tuple[int, int]]:
    """'… essential conditions: a, b, and c' → one (start, end) per listed item, so each
    demand gets its own issue and evidence."""
    if trig.stance not in ("demand", "proposal") or trig.token.pos_ != "NOUN":
        return []
    text = sent.doc.text
    colon = text.find(":", trig.token.idx, sent.end_char)
    if colon < 0 or colon - trig.token.idx > 80:
        return []
    items, start = [], colon + 1
    for m in re.finditer(r",\s*(?:and\s+)?|\s+and\s+|[.;]\s*$", text[start:sent.end_char]):
        items.append((start, colon + 1 + m.start()))
        start = colon + 1 + m.end()
    if start < sent.end_char:
        items.append((start, sent.end_char))
    items = [(a + len(text[a:b]) - len(text[a:b].lstrip()), b) for a, b in items]
    return [(a, b) for a, b in items if b - a > 10] if len(items) > 1 else []


def _heading(evidence: str) -> bool:
    """A headline or subheading (a line with no closing punctuation) restates the body."""
    return not evidence or (len(evidence) < 120 and evidence[-1] not in ".!?\"”’'»:;)…,")


def _self_negating(trig: Trigger) -> bool:
    """Phrases like 'will not accept' carry their own negation; 'rule out' does not."""
    if not trig.phrase:
        return False
    return True if trig.stance != "rejection" else not trig.token.lemma_.lower() in ("rule",)


def _accused(token: Token, sent: Span) -> bool:
    """The stance word sits in what a speaker presents as proof of someone's conduct."""
    return any(a.lemma_.lower() in ACCUSATION_LEMMAS for a in token.ancestors)


def _rank(trig: Trigger, claim: Claim) -> tuple[int, int]:
    """Phrases before verbs before adjectives before nouns; then the stance priority."""
    kind = 0 if trig.phrase else _POS_RANK.get(trig.token.pos_, 3)
    return kind, STANCE_PRIORITY.index(claim.stance)


def _triggers(sent: Span, ctx: ArticleContext) -> list[Trigger]:
    """Stance words: multi-word phrases first, then single lemmas not already covered."""
    out: list[Trigger] = []
    covered: set[int] = set()
    low = sent.text.lower()
    for stance, phrases in STANCE_PHRASES.items():
        for phrase in phrases:
            start = low.find(phrase)
            if start < 0:
                continue
            span = sent.char_span(start, start + len(phrase), alignment_mode="expand")
            if span is None:
                continue
            head = _phrase_anchor(span)
            covered.update(t.i for t in span)
            out.append(Trigger(head, stance, True, conditional=" if" in f" {phrase}"))
    for tok in sent:
        if tok.i in covered:
            continue
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and tok.dep_ == "amod":
            continue  # 'proposed guarantees' names a thing, it states no stance
        if (lemma in VERB_ONLY and tok.pos_ != "VERB") or (tok.pos_ == "NOUN" and not _owned_noun(tok, ctx)):
            continue
        for stance, lemmas in STANCE_LEMMAS.items():
            if lemma in lemmas and tok.pos_ in ("VERB", "NOUN", "ADJ", "ADV", "AUX"):
                out.append(Trigger(tok, stance, False))
                break
    return out


def _owned_noun(tok: Token, ctx: ArticleContext) -> bool:
    """A stance noun counts when someone holds it: a possessor or party adjective ('Trump's
    proposal', 'a key Ukrainian demand'), or as the object or predicate of a clause. As a
    subject ('Russia's demands are becoming tougher') it is talked about, not stated."""
    if tok.dep_ in ("nsubj", "nsubjpass"):
        return False
    if any(c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and ctx.codebook.party_for_mention(c.text))
           for c in tok.children):
        return True
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


def _parties(token: Token, ctx: ArticleContext, speaker: Mention | None) -> list[tuple[str, Mention]]:
    """Whose position: the stance word's subject (or possessor), else the speaker."""
    subj, how = _subject(token, ctx)
    mentions = resolve(subj, ctx) if subj is not None else []
    speaker = _nearest_reporter(token, ctx) or speaker
    voiced = speaker is not None and speaker.party and speaker.kind != "expert"
    if _obliged(token):
        return [(speaker.party, speaker)] if voiced else []  # 'Ukraine must …': said to Ukraine
    if voiced and how == "copula":
        return [(speaker.party, speaker)]  # 'the posture is inequitable': the speaker judges
    out = [(m.party, m) for m in mentions if m.party]
    if not out and voiced and (how in ("none", "passive") or all(m.kind == "pronoun" for m in mentions)):
        out.append((speaker.party, speaker))
    return out


def _nearest_reporter(token: Token, ctx: ArticleContext) -> Mention | None:
    """The party voice of the reporting verb that governs the stance word ('Moscow has made it
    clear that …'), which outranks the quote's speaker who relays it."""
    for anc in token.ancestors:
        if anc.lemma_.lower() in REPORTING_LEMMAS and anc.pos_ == "VERB":
            subj = reporting_subject(anc)
            for m in resolve(subj, ctx) if subj is not None else []:
                if m.party:
                    return m
    return None


def _obliged(token: Token) -> bool:
    return token.lower_ in OBLIGATION_WORDS or any(
        c.dep_ in ("aux", "advmod") and c.lower_ in OBLIGATION_WORDS for c in token.children)


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


def _main_verb(token: Token) -> bool:
    """The sentence's own statement, not an aside ('Zelensky, who has long refused …')."""
    t = token
    while t.dep_ in ("xcomp", "aux", "conj", "acomp", "prt", "dobj", "ccomp", "attr", "oprd"):
        t = t.head
    return t.dep_ == "ROOT"


def _claim(trig: Trigger, stance: str, party: str, mention: Mention | None, sent: Span,
           follow: Span | None, ctx: ArticleContext, speaker: Mention | None, doubts,
           method: str, item: tuple[int, int] | None = None) -> Claim | None:
    start, end = item or _evidence_bounds(sent, trig.token)
    evidence = ctx.text[start:end]
    if _heading(evidence) and item is None:
        return None
    hit = classify_issue(evidence, ctx.codebook, method) if item else (
        classify_issue(_core_text(trig.token), ctx.codebook, method)
        or classify_issue(evidence, ctx.codebook, method))
    if hit is None:
        return None
    links = source_links(trig.token, sent, ctx, speaker, _relay_sentence(follow))
    if not links and mention is not None and mention.kind == "person" and _main_verb(trig.token):
        links = [mention]  # 'Witkoff didn't rule out …': a named official on record
    hedges = sentence_hedges(trig.token, sent) + topic_hedges(sent, doubts)
    spot = place(hit.issue, stance, evidence, ctx.codebook)
    return Claim(
        party=party, issue=hit.issue, stance=stance,
        position=spot.value, position_anchor=spot.label, position_cues=spot.cues,
        summary=_summary(party, stance, hit.issue, spot.label, ctx),
        evidence=evidence, start=start, end=end,
        source=make_source(links), hedged=bool(hedges), hedges=list(dict.fromkeys(hedges)),
        confidence=_confidence(trig, hit.score, bool(hedges)),
    )


def _clause(token: Token) -> Span:
    """The clause a stance word belongs to: the subtree of its nearest verb, within the sentence."""
    t = token
    for _ in range(6):
        has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children)
        if (t.pos_ in ("VERB", "AUX") and has_subject) or t.head == t:
            break
        t = t.head
    return t.doc[t.left_edge.i:t.right_edge.i + 1]


_ASIDE_DEPS = {"advcl", "npadvmod", "parataxis", "relcl"}


def _core_text(token: Token) -> str:
    """The stance word's clause without its asides (adverbial and relative clauses), where
    the issue it is about is most likely named."""
    clause = _clause(token)
    drop: set[int] = set()
    for t in clause:
        if t.dep_ in _ASIDE_DEPS and t != clause.root and token not in t.subtree:
            drop.update(x.i for x in t.subtree)
    return " ".join(t.text for t in clause if t.i not in drop)


def _relay_sentence(follow: Span | None) -> Span | None:
    """A next sentence that only says who relayed this one ('This has been reported by …')."""
    if follow is None or follow[0].lower_ not in ("this", "that", "it"):
        return None
    return follow if any(t.lemma_ in ("report", "cite") for t in follow) else None


def _evidence_bounds(sent: Span, token: Token) -> tuple[int, int]:
    """The sentence around the stance word, cut at line breaks and trimmed of spaces."""
    text = sent.text
    rel = token.idx - sent.start_char
    lo = text.rfind("\n", 0, rel) + 1
    hi = text.find("\n", rel)
    hi = len(text) if hi < 0 else hi
    piece = text[lo:hi]
    lead = len(piece) - len(piece.lstrip())
    trail = len(piece.rstrip())
    return sent.start_char + lo + lead, sent.start_char + lo + trail


def _summary(party: str, stance: str, issue_id: str, anchor: str | None, ctx: ArticleContext) -> str:
    p = ctx.codebook.party(party)
    issue = ctx.codebook.issue(issue_id)
    who = p.name if p else party
    what = issue.name if issue else issue_id
    return f"{who}: {stance} on {what.lower()}" + (f" ({anchor})" if anchor else "")


def _confidence(trig: Trigger, issue_score: float, hedged: bool) -> float:
    """Phrases and verbs are surer than nouns; more issue cues make the issue surer."""
    c = 0.5 + (0.15 if trig.phrase else 0.0) - (0.1 if trig.token.pos_ == "NOUN" else 0.0)
    c += min(issue_score, 3) * 0.05
    return round(max(0.1, min(0.95, c - (0.15 if hedged else 0.0))), 2)
