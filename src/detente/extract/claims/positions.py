"""Place a claim on its issue's 0–100 scale from the codebook's anchored cue phrases.

A rejection says where a party is not, so cues place only demands, proposals, acceptances and
assessments; with no anchor cue in the evidence the position stays null here. The learned head
(``claims._placed``) may still place a rejection at the party's usual place for it, as annotators
often do: without that, held-apart recall15 fell 0.356 -> 0.347 and 5-fold 0.315 -> 0.282.

A cue places the claim's party only when the clause it sits in is that party's voice: "he said
the other side wants X" or "they will call Y illegitimate", where the wanting or saying verb's
subject is another party, reports someone else's position, not the speaker's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Span, Token

from detente.codebook import Codebook
from detente.extract.claims.cues import RENOUNCE_FORMS, STANCE_LEMMAS
from detente.extract.context import ArticleContext
from detente.extract.mentions.parties import resolve
from detente.extract.mentions.vocabulary import REPORTING_LEMMAS

PLACED_STANCES = {"demand", "proposal", "acceptance", "assessment"}
VOICE_LEMMAS = REPORTING_LEMMAS["en"] | frozenset().union(*STANCE_LEMMAS.values())
"""Verbs whose subject owns what their clause says: saying, wanting, demanding, accepting …"""
_PLURAL_PRONOUNS = ("they", "them")


@dataclass
class Placement:
    value: float | None = None
    label: str | None = None
    cues: list[str] = field(default_factory=list)


def place(issue_id: str, stance: str, text: str, codebook: Codebook,
          skip: list[tuple[int, int]] = ()) -> Placement:
    """The scale point whose cues the text carries (most cue words wins; then the longest cue).

    ``skip``: character ranges of ``text`` that voice another party (``others_voice``)."""
    issue = codebook.issue(issue_id)
    if issue is None or stance not in PLACED_STANCES or not issue.scale:
        return Placement()
    low = text.lower()
    skip = [*skip, *_departures(low)]
    best, best_key = None, (0, 0)
    for point in issue.scale:
        found = [c for c in point.cues if any(not _inside(m.start(), skip) and not _negated(low, m.start())
                                              for m in cue_pattern(c).finditer(low))]
        if not found:
            continue
        key = (sum(len(c.split()) for c in found), max(len(c) for c in found))
        if key > best_key:
            best, best_key = (point, found), key
    if best is None:
        return _given_up(issue, low)
    point, found = best
    return Placement(point.value, point.label, found)


_ARTICLE_GAP = r"(?:[\s-]+(?:the|a|an)[\s-]+|[\s-]?)"


@lru_cache(maxsize=4096)
def cue_pattern(cue: str) -> re.Pattern:
    """A cue as a pattern over lower-cased text: its words in order, whole words, where a
    space, a hyphen or nothing may join them and an article may come between ("withdraw from
    donetsk" also reads "withdraw from the Donetsk region"; "front line" also "frontline")."""
    words = re.split(r"[\s-]+", cue.lower().strip())
    return re.compile(r"(?<!\w)" + _ARTICLE_GAP.join(map(re.escape, words)) + r"(?!\w)")


_DEPARTURE = re.compile(
    r"\b(?:no longer|stopped being|ceased to be|away from"
    r"|(?:mov|shift|switch|chang|turn)(?:e|es|ed|ing|s)?\s+(?:\w+\s+){0,3}?from)\b"
    r"(?P<left>[^.;:]{0,60}?)\b(?:to|into|toward|towards|become|becoming|became|now|but)\b")
_SET_ASIDE = re.compile(r"\b(?:rather than|instead of)\b(?P<left>[^.;:,]{0,60})")
_LAPSED = re.compile(r"(?P<left>[^.;:]{0,80}?)\b(?:has|have|had|was|were)?\s*(?:expired|lapsed|ran out)\b")
"""An arrangement that expired or lapsed ("the truce has expired") is no longer where the party
stands: its terms are a departure, and the lapse word is what the scale reads (a codebook cue)."""


_RENOUNCE = re.compile(
    r"\b(?:" + "|".join(map(re.escape, sorted(RENOUNCE_FORMS, key=len, reverse=True))) + r")\b"
    r"(?P<left>[^.;:,!?]{1,80}?)(?=\s+(?:in exchange|in return|and|but|if|provided|as long as|so that)\b|[.;:,!?]|$)")
_KEPT_ON = re.compile(r"\b(?:refus\w*|reject\w*|unwilling|rul\w* out|not ready|not prepared)\s+(?:\w+\s+){0,2}$")


def _renounced(low: str) -> list[tuple[int, int]]:
    """What a party gives up ("drop its bid for NATO membership", "abandoned the demand for all four
    regions"): a departure like "no longer X", unless the giving up is refused ("will never give up",
    "refused to drop")."""
    return [(m.start("left"), m.end("left")) for m in _RENOUNCE.finditer(low)
            if not _negated(low, m.start()) and not _KEPT_ON.search(low[max(0, m.start() - 40):m.start()])]


def _given_up(issue, low: str) -> Placement:
    """A claim that gives up one end of the scale and names nothing else stands at the scale's
    middle point: it says the party left the end, not how far it went, and the middle is the
    guess that is never more than half the scale off ("abandon plans to join NATO" is a
    non-aligned Ukraine)."""
    ends = (issue.scale[0], issue.scale[-1]) if len(issue.scale) > 2 else ()
    for lo, hi in _renounced(low):
        for end in ends:
            found = [c for c in end.cues if cue_pattern(c).search(low, lo, hi)]
            if found:
                mid = (issue.scale[0].value + issue.scale[-1].value) / 2
                point = min(issue.scale[1:-1], key=lambda p: abs(p.value - mid))
                return Placement(point.value, point.label, found)
    return Placement()


def _departures(low: str) -> list[tuple[int, int]]:
    """Where a text names the point a position moves away from ("from de facto control to de jure
    recognition", "no longer X but Y", "Y rather than X", "X has expired"): the departure is not where the party
    stands, so cues inside it do not place the claim; the destination does."""
    return [(m.start("left"), m.end("left")) for rx in (_DEPARTURE, _SET_ASIDE, _LAPSED)
            for m in rx.finditer(low)] + _renounced(low)


_NEGATOR = re.compile(r"(?:(?<!\w)(?:not|never|no|nor|without|hardly|absence|lack|lacking)|n't)"
                      r"(?:[^\w.,;:!?]+(?!but\b|and\b|or\b)\w+){0,2}[^\w.,;:!?]+$")


def _negated(low: str, pos: int) -> bool:
    """A cue with a negator up to two words before it ("never ruled out", "not at an impasse", "the
    absence of progress") says the opposite of its point, so it places nothing (NegEx's window,
    kept short)."""
    return _NEGATOR.search(low[max(0, pos - 40):pos]) is not None


def _inside(pos: int, ranges) -> bool:
    return any(lo <= pos < hi for lo, hi in ranges)


def others_voice(sent: Span, party: str, ctx: ArticleContext, start: int, end: int) -> list[tuple[int, int]]:
    """Character ranges (relative to ``start``) of the evidence ``start:end`` that state another
    party's position: the subtree of a saying or wanting verb whose subject is another party,
    unless a verb of the claim's own party sits between (the nearest voice owns the words)."""
    out = []
    for tok in sent:
        if not (start <= tok.idx < end) or tok.pos_ not in ("VERB", "AUX", "ADJ"):
            continue
        if tok.lemma_.lower() not in VOICE_LEMMAS:
            continue
        owners = _subject_parties(tok, ctx)
        if not owners or party in owners:
            continue
        inner = [t for t in tok.subtree if t is not tok and t.lemma_.lower() in VOICE_LEMMAS
                 and party in _subject_parties(t, ctx)]
        held = {x.i for t in inner for x in t.subtree}
        for t in tok.subtree:
            if t.i not in held and start <= t.idx < end:
                out.append((t.idx - start, t.idx + len(t) - start))
    return out


def _subject_parties(verb: Token, ctx: ArticleContext) -> set[str]:
    """The parties of the verb's subject ('Moscow and Kyiv' give both); 'they' is the nearest
    party named before it in the sentence."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return set()
    if subj.lower_ in _PLURAL_PRONOUNS:
        for t in reversed(list(verb.sent[: subj.i - verb.sent.start])):
            if t.pos_ in ("NOUN", "PROPN"):
                parties = {m.party for m in resolve(t, ctx) if m.party}
                if parties:
                    return parties
        return set()
    return {m.party for m in resolve(subj, ctx) if m.party}
