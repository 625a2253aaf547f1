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

from detente.extract.claims.cues import (ACCUSATION_LEMMAS, GUESSING_VERBS, HEDGE_MODALS, NEGATED_LEMMA_STANCE,
                                        NEGATED_STANCE, NEGATIVE_VERDICTS, RENOUNCE_LEMMAS)
from detente.extract.claims.model import ClaimModel, article_words, position, sentence_features, source_features
from detente.extract.mentions.speakers import sentence_speaker
from detente.extract.mentions.vocabulary import CITING_VERBS, REPORTING_LEMMAS
from detente.extract.context import ArticleContext
from detente.extract.paragraphs import heading_text
from detente.extract.claims.hedging import (doubted_topics, is_hypothetical, is_negated, sentence_hedges,
                                     topic_hedges)
from detente.extract.claims.holders import clause_verb, holders, main_verb
from detente.extract.claims.issues import antecedent_issue, classify_issue, lexical_issues, process_issue
from detente.extract.mentions.parties import Mention, resolve
from detente.extract.claims.positions import others_voice, place
from detente.extract.claims.provenance import make_source, source_links
from detente.extract.claims.stance import Trigger, find_triggers, rank, self_negating
from detente.records import Claim, Quote


@dataclass(frozen=True)
class Blend:
    """How the learned model and the rules combine (each switch is an ablation arm)."""

    add: bool = True         # a sentence the model finds, where the rules found nothing, yields a claim
    drop: float = 0.0        # rule claims in sentences the model scores under this are dropped
    stance: bool = False     # the model's stance replaces the rules' where it is surer than ``stance_min``
    stance_min: float = 0.0
    issue: bool = False      # the model's issue replaces the rules' cue match where surer than ``issue_min``
    issue_min: float = 0.0
    positions: bool = True   # the model places claims the codebook's anchor cues do not
    threshold: float | None = None  # claim probability that adds a sentence (None: the model's own)
    second_issue: bool = True  # a sentence the rules read on one issue yields a claim on another issue its cues name
    speaker_party: bool = True  # an added claim is the sentence speaker's side before the model's guess
    subject_party: bool = True  # … else the side its subject names ("Trump threatened …")
    trigger_stance: bool = True  # an added claim takes the stance its sentence's main stance word states
    cue_issue: bool = True   # … and the issue the codebook's cues name, before the model's issue head
    source: bool = True      # the model's source head tells the author's voice from an official's
    source_min: float = 0.5  # … where surer than this (chosen on folds 0-2: 0.4-0.8 tried)


def find_claims(ctx: ArticleContext, quotes: list[Quote], issue_classifier: str = "lexical",
                model: ClaimModel | None = None, blend: Blend = Blend()) -> list[Claim]:
    """Every party position the article states, one per party and issue per sentence.

    ``issue_classifier`` is 'lexical' (codebook cues) or 'embedding' (optional package); the
    Extractor resolves it once from ``detente.settings``. With a ``model``, the learned
    detector and classifiers join the rules as ``blend`` says."""
    doubts = doubted_topics(ctx.doc)
    sents = list(ctx.doc.sents)
    claims: list[Claim] = []
    for i, sent in enumerate(sents):
        if _question(sent):
            continue
        follow = sents[i + 1] if i + 1 < len(sents) else None
        speaker = sentence_speaker(sent, ctx, quotes)
        found = _sentence_claims(sent, follow, ctx, speaker, doubts, issue_classifier)
        if model is not None:
            found = _learned(sent, found, ctx, speaker, doubts, model, blend)
        claims += found
    return claims


def _question(sent: Span) -> bool:
    """"Will Russia accept the plan?", "Who would accept that?": a question states no position
    (a rhetorical one would state the opposite of its words)."""
    return sent.text.rstrip(" \n\"'”’»").endswith("?")


def _learned(sent: Span, rules: list[Claim], ctx: ArticleContext, speaker: Mention | None, doubts,
             model: ClaimModel, blend: Blend) -> list[Claim]:
    """The rules' claims of a sentence, checked, relabelled and completed by the model."""
    claims = _completed(sent, rules, ctx, speaker, doubts, model, blend)
    return _sourced(claims, sent, ctx, speaker, model, blend)


def _completed(sent: Span, rules: list[Claim], ctx: ArticleContext, speaker: Mention | None, doubts,
               model: ClaimModel, blend: Blend) -> list[Claim]:
    """The rules' claims, relabelled where the blend says, and the claim the model adds."""
    index = model.index(sentence_features(sent, ctx.codebook, rules, speaker, article_words(sent, ctx)))
    vector = model.vector(sent)
    p = model.heads["claim"].probability(index, vector)
    if rules and p < blend.drop:
        return []
    stance, stance_p = model.heads["stance"].best(index, vector)
    issue, issue_p = model.heads["issue"].best(index, vector)
    threshold = model.threshold if blend.threshold is None else blend.threshold
    out = []
    for c in rules:
        update = {}
        if blend.stance and stance_p >= blend.stance_min and stance != c.stance:
            update["stance"] = stance
        if blend.issue and issue_p >= blend.issue_min and issue != c.issue and _in_case(issue, ctx):
            update["issue"] = issue
        if update:
            c = c.model_copy(update=update)
        out.append(_placed(c, sent, ctx, model, blend))
    if not blend.add or p < threshold:
        return out
    start, end = _evidence_bounds(sent, sent.root)
    evidence = ctx.text[start:end]
    if not evidence:
        return out
    if out:  # "Kyiv rejected the land swap and asked for guarantees": the rules read one issue
        said = _without_attribution(sent, start, end, ctx)
        uncovered = [h.issue for h in lexical_issues(said, ctx.codebook)
                     if all(c.issue != h.issue for c in out) and _substantive(h.issue, ctx)]
        if not (blend.second_issue and uncovered):
            return out
        issue = uncovered[0]
    party = out[0].party if out else None
    if party is None and blend.speaker_party and speaker is not None and speaker.party and speaker.kind != "expert":
        party = speaker.party
    if party is None and blend.subject_party:  # "Trump threatened sanctions if Moscow …": who acts
        party = next((m.party for m in _subject_actors(sent, ctx)), None)
    if party is None and speaker is not None and speaker.kind == "expert":
        return out  # an analyst's own view is a quote, not a side's position: no side to guess
    party = party or model.heads["party"].best(index, vector)[0]
    label, issue = _read_labels(sent, ctx, evidence, out, stance, issue, blend)
    if ctx.codebook.party(party) is None or not _in_case(issue, ctx):
        return out  # a side or issue of the case the model was trained on, not of this one
    hedges = sentence_hedges(sent.root, sent) + topic_hedges(sent, doubts)
    links = source_links(sent.root, sent, ctx, speaker) or _acting_party(sent, party, ctx)
    claim = Claim(party=party, issue=issue, stance=label, summary="", evidence=evidence,
                  start=start, end=end, source=make_source(links),
                  hedged=bool(hedges), hedges=list(dict.fromkeys(hedges)),
                  confidence=round(min(0.9, p), 2))
    return out + [_placed(claim, sent, ctx, model, blend, read_as=stance)]


SWAPPED_SOURCES = ("author", "official")  # the only kinds the source head moves a claim between


def _sourced(claims: list[Claim], sent: Span, ctx: ArticleContext, speaker: Mention | None,
             model: ClaimModel, blend: Blend) -> list[Claim]:
    """Whose voice the claims are in, as the model's source head reads it: the rules tell an
    outlet, an expert or an anonymous source well by their nouns, but an official on record from
    the author's own summary ("Russia has long demanded …") only by habits of style, which the
    head learned. It moves a claim between those two only, and to an official only where the
    sentence names one of the claim's side."""
    head = model.heads.get("source")
    if not blend.source or head is None or not claims:
        return claims
    perfect = _background(sent.root)
    out = []
    for c in claims:
        if c.source.type in SWAPPED_SOURCES:
            index = model.index(source_features(article_words(sent, ctx), c.source.type, perfect, speaker))
            label, p = head.best(index)
            if label != c.source.type and label in SWAPPED_SOURCES and p >= blend.source_min:
                c = _with_source(c, label, sent, ctx, speaker)
        out.append(c)
    return out


def _with_source(c: Claim, label: str, sent: Span, ctx: ArticleContext, speaker: Mention | None) -> Claim:
    if label == "author":
        return c.model_copy(update={"source": make_source([])})
    links = [m for m in ([speaker] if speaker is not None else []) + _subject_actors(sent, ctx)
             if m.party == c.party and m.kind in ("person", "metonym")]
    return c.model_copy(update={"source": make_source(links[:1])}) if links else c


def _in_case(issue_id: str, ctx: ArticleContext) -> bool:
    """The model's heads were trained on one case; another case's codebook may lack their labels."""
    return ctx.codebook.issue(issue_id) is not None


def _substantive(issue_id: str, ctx: ArticleContext) -> bool:
    """An issue of the settlement, not the talks themselves: 'rejected the land swap under any
    peace deal' frames the land swap with the talks; it says nothing of the talks."""
    issue = ctx.codebook.issue(issue_id)
    return issue is not None and not issue.process


def _without_attribution(sent: Span, start: int, end: int, ctx: ArticleContext) -> str:
    """The evidence with its attribution blanked: "two people familiar with the talks told
    Reuters", "citing a draft of the plan" name the source, not a second issue of the claim."""
    text = list(ctx.text[start:end])
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in REPORTING_LEMMAS["en"]:
            parts = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        elif lemma in CITING_VERBS["en"] or (tok.lower_ == "according" and tok.dep_ == "prep"):
            parts = [tok]
        else:
            continue
        for part in parts:
            for t in part.subtree:
                for k in range(max(t.idx, start), min(t.idx + len(t.text), end)):
                    text[k - start] = " "
    return "".join(text)


def _read_labels(sent: Span, ctx: ArticleContext, evidence: str, out: list[Claim], stance: str, issue: str,
                 blend: Blend) -> tuple[str, str]:
    """The stance and issue of a claim the model adds: the sentence's own stance word and the issue
    the codebook's cues name, which label unseen articles better than the model's heads; the heads'
    guesses (``stance``, ``issue``) only where the sentence has none. The model's stance still
    places the claim (``_placed``): its position head learned with it."""
    if blend.trigger_stance:
        stance = _main_stance(sent, ctx) or stance
    named = classify_issue(evidence, ctx.codebook) if blend.cue_issue else None
    if named is not None and not any(c.issue == named.issue for c in out):
        issue = named.issue
    return stance, issue


def _main_stance(sent: Span, ctx: ArticleContext) -> str | None:
    """The stance the sentence's stance word nearest its root states (negation and hypotheticals
    read as the rules read them), for a claim the rules could not give a holder or an issue."""
    found = [(_depth(t.token), t.token.i, st) for t in find_triggers(sent, ctx) if (st := _stance(t, sent))]
    return min(found)[2] if found else None


def _depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)


def _subject_actors(sent: Span, ctx: ArticleContext) -> list[Mention]:
    """The people or bodies of a side that the sentence's subject names."""
    subj = next((c for c in sent.root.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return []
    return [m for m in resolve(subj, ctx) if m.party and m.kind in ("person", "metonym")]


def _acting_party(sent: Span, party: str, ctx: ArticleContext) -> list[Mention]:
    """'Putin thanked Trump for …': with no voice reporting it, a sentence whose subject is the
    claim's own side, acting now, puts that side on record (as the rules' holders do)."""
    if _background(sent.root):
        return []
    return [m for m in _subject_actors(sent, ctx) if m.party == party][:1]


def _placed(c: Claim, sent: Span, ctx: ArticleContext, model: ClaimModel, blend: Blend,
            read_as: str | None = None) -> Claim:
    """The claim on its issue's scale: the codebook's anchor cues first, then the model
    (``read_as``: the stance the model's position head reads, where it differs from the label)."""
    spot = place(c.issue, c.stance, c.evidence, ctx.codebook, others_voice(sent, c.party, ctx, c.start, c.end))
    value = spot.value
    if value is None and blend.positions and c.issue in model.heads["issue"].classes:
        value = position(model, c.evidence, c.party, c.issue, read_as or c.stance)
    return c.model_copy(update={"position": value, "position_anchor": spot.label, "position_cues": spot.cues,
                                "summary": _summary(c.party, c.stance, c.issue, spot.label, ctx)})


def _sentence_claims(sent: Span, follow: Span | None, ctx: ArticleContext, speaker: Mention | None,
                     doubts, method: str) -> list[Claim]:
    best: dict[tuple[str, str], tuple[tuple[int, int], Claim]] = {}
    for trig in find_triggers(sent, ctx):
        stance = _stance(trig, sent)
        if stance is None:
            continue
        parties = holders(trig.token, ctx, speaker)
        if _accused(trig.token, sent):
            stance = "assessment"
            parties = [(speaker.party, speaker)] if speaker is not None and speaker.party else []
        for party, mention in parties:
            items = _listed_items(trig, sent, ctx.text) or [None]
            for item in items:
                claim = _claim(trig, stance, party, mention, sent, follow, ctx, speaker, doubts,
                               method, item)
                if claim is None:
                    continue
                key = (claim.party, claim.issue)
                order = rank(trig, claim)
                if key not in best or order < best[key][0]:
                    best[key] = (order, claim)
    return [c for _, c in best.values()]


def _stance(trig: Trigger, sent: Span) -> str | None:
    """The stance a word states here: none under a hypothetical, flipped or dropped under negation."""
    if not trig.conditional and is_hypothetical(trig.token, sent):
        return None
    given_up = _given_up(trig.token) if trig.stance == "demand" else None
    if given_up is not None:
        return "demand" if is_negated(given_up) else "proposal"
    if not self_negating(trig) and is_negated(trig.token):
        return NEGATED_LEMMA_STANCE.get(trig.token.lemma_.lower(), NEGATED_STANCE[trig.stance])
    if _guess(trig.token):
        return "assessment"
    if trig.stance in ("acceptance", "demand", "proposal") and _judged_wrong(trig.token):
        return "rejection"
    return trig.stance


def _given_up(token: Token) -> Token | None:
    """The verb that gives up a demand ('ready to drop its demand for NATO membership'): a demand
    given up is a concession offered, one whose giving up is refused ('will never abandon its
    demand') is still demanded."""
    verb = token.head
    if token.dep_ not in ("dobj", "nsubjpass") or token.pos_ != "NOUN":
        return None
    if verb.lemma_.lower() in RENOUNCE_LEMMAS or (
            verb.lemma_.lower() == "give" and any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)):
        return verb
    return None


def _judged_wrong(token: Token) -> bool:
    """'Agreeing to a truce now would be a mistake': a stance that is the subject of a verdict
    against it is rejected by whoever gives the verdict."""
    if token.dep_ != "csubj":
        return False
    verdict = [c for c in token.head.children if c.dep_ in ("attr", "acomp")]
    return any(c.lemma_.lower() in NEGATIVE_VERDICTS for c in verdict)


def _guess(token: Token) -> bool:
    """'He suggested that the round might pave the way …': a guess, not a proposal."""
    return token.lemma_.lower() in GUESSING_VERBS and any(
        c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in HEDGE_MODALS for a in c.children)
        for c in token.children)


def _listed_items(trig: Trigger, sent: Span, text: str) -> list[tuple[int, int]]:
    """'… essential conditions: a, b, and c' → one (start, end) per listed item, so each
    demand gets its own issue and evidence."""
    if trig.stance not in ("demand", "proposal") or trig.token.pos_ != "NOUN":
        return []
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
    """A headline or subheading restates the body."""
    return not evidence or heading_text(evidence)


def _accused(token: Token, sent: Span) -> bool:
    """The stance word sits in what a speaker presents as proof of someone's conduct."""
    return any(a.lemma_.lower() in ACCUSATION_LEMMAS for a in token.ancestors)


def _claim(trig: Trigger, stance: str, party: str, mention: Mention | None, sent: Span,
           follow: Span | None, ctx: ArticleContext, speaker: Mention | None, doubts,
           method: str, item: tuple[int, int] | None = None) -> Claim | None:
    start, end = item or _evidence_bounds(sent, trig.token)
    evidence = ctx.text[start:end]
    if _heading(evidence) and item is None:
        return None
    if trig.assertion:
        hit = process_issue(trig.token, ctx.codebook, method)
    elif item:
        hit = classify_issue(evidence, ctx.codebook, method)
    else:
        hit = (classify_issue(_core_text(trig.token), ctx.codebook, method)
               or classify_issue(_clause(trig.token).text, ctx.codebook, method)
               or classify_issue(evidence, ctx.codebook, method))
    if hit is None:
        return None
    hit = antecedent_issue(hit, evidence, sent, ctx.codebook, method)
    links = source_links(trig.token, sent, ctx, speaker, _relay_sentence(follow))
    if not links and mention is not None and mention.kind in ("person", "anonymous") and main_verb(trig.token) \
            and not _background(trig.token):
        links = [mention]  # 'Witkoff didn't rule out …': a named official on record; 'officials urged
        # …': unnamed ones (a country or capital as holder too gained on folds 0-2 but cost
        # positions held apart: left out)
    hedges = sentence_hedges(trig.token, sent) + topic_hedges(sent, doubts)
    spot = place(hit.issue, stance, evidence, ctx.codebook, others_voice(sent, party, ctx, start, end))
    return Claim(
        party=party, issue=hit.issue, stance=stance,
        position=spot.value, position_anchor=spot.label, position_cues=spot.cues,
        summary=_summary(party, stance, hit.issue, spot.label, ctx),
        evidence=evidence, start=start, end=end,
        source=make_source(links), hedged=bool(hedges), hedges=list(dict.fromkeys(hedges)),
        confidence=_confidence(trig, hit.score, bool(hedges)),
    )


def _background(token: Token) -> bool:
    """'Putin has long insisted …', 'Kyiv had agreed last month …': the perfect of the clause's
    verb recalls a known position in the article's own voice, where no one is on record today."""
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in clause_verb(token).children)


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
