"""Events on the ground and in the process (strikes, fighting, prisoner exchanges, meetings,
agreements), geocoded and dated.

Each line of a sentence yields a mention per event type (per venue, for talks) only when it is
concrete (a place, a date, named participants) and neither negated nor hypothetical: talk
*about* talks is everywhere in this news, and precision matters more than catching every
aside. Mentions of the same happening are then merged (event_merge), so the ledger holds one
event per happening, with the clause-level sentence that states it best as evidence.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Span, Token

from detente.extract.events import words as W
from detente.extract.context import ArticleContext
from detente.extract.dates import Resolved, resolve
from detente.extract.events.actor import strike_actor
from detente.extract.events.index import DocIndex, index_of
from detente.extract.events.merge import Mention, merge
from detente.extract.events.places import PlaceHit, acts_in_title, anchor, attached, places_in, where_hit
from detente.extract.events.reality import reported_will, shelved, topic_of_other, unreal
from detente.extract.mentions.people import mention_index
from detente.extract.mentions.phrases import passive_agent
from detente.extract.mentions.parties import resolve as resolve_parties
from detente.extract.mentions.vocabulary import BODY_NOUNS, ROLE_NOUNS
from detente.extract.paragraphs import headline
from detente.records import Event, EventType

PEOPLE_NOUNS = ROLE_NOUNS["en"] | BODY_NOUNS["en"]  # whom one meets: 'his counterpart', 'the delegation'


def find_events(ctx: ArticleContext) -> list[Event]:
    """One event per happening reported in the article, in order of first report."""
    index = index_of(ctx)
    mentions = [m for sent in ctx.doc.sents if index.any_within(index.triggers, sent.start, sent.end)
                for line in _lines(sent, index) for m in _sentence_mentions(line, ctx, index)]
    return [m.to_event() for m in merge(mentions)]


def _sentence_mentions(sent: Span, ctx: ArticleContext, index: DocIndex) -> list[Mention]:
    out = []
    found = _triggers(sent, index, ctx)
    for etype, triggers in found.items():
        real = [t for t in triggers if not unreal(t) and not topic_of_other(t)]
        if not real:
            continue
        talks = [t for k in ("meeting", "agreement") for t in found.get(k, [])] if etype == "strike" else []
        out += _mentions(etype, real, sent, ctx, talks)
    return out


# --- triggers ----------------------------------------------------------------------------------
def _triggers(sent: Span, index: DocIndex, ctx: ArticleContext) -> dict[EventType, list[Token]]:
    """Only the tokens the index marks as possible triggers are read (the rest cannot be)."""
    found: dict[EventType, list[Token]] = {}
    has_prisoners = index.any_within(index.prisoners, sent.start, sent.end)
    for i in index.within(index.triggers, sent.start, sent.end):
        t = sent.doc[i]
        etype = _trigger_type(t, has_prisoners, ctx)
        if etype:
            found.setdefault(etype, []).append(t)
    return found


def _trigger_type(t: Token, has_prisoners: bool, ctx: ArticleContext) -> EventType | None:
    lemma, pos = t.lemma_.lower(), t.pos_
    if t.lower_ in W.PLURAL_EVENT_NOUNS:
        lemma, pos = t.lower_, "NOUN"
    if pos == "NOUN":
        if lemma in W.AGREEMENT_NOUNS and t.head.lemma_.lower() in W.SEALING_VERBS and not _habitual(t.head) \
                and not _to_come(t.head):
            return "agreement"
        if lemma in W.EXCHANGE_WORDS and has_prisoners:
            return "prisoner_exchange"
        if lemma in W.MEETING_NOUNS and (lemma != "call" or _is_phone_call(t) or _named_call(t, ctx)) \
                and not _round_of_other(t) or lemma in W.CALL_NOUNS and _is_phone_call(t):
            return "meeting"
        if lemma in W.GROUND_NOUNS:
            return "ground_fighting"
        if lemma in W.STRIKE_NOUNS and not (lemma in W.WEAPON_NOUNS and _arms(t)) \
                or lemma in W.UNDER_FIRE and t.dep_ == "pobj" and t.head.lower_ == "under":
            return "strike"
    elif pos == "VERB":
        if lemma in W.AGREEMENT_VERBS and _realis_past(t) and not _agreed_to_meet(t) and (
                lemma == "sign" and not _signed_alone(t) or _jointly(t) and not _shared_view(t)):
            return "agreement"
        if lemma in W.EXCHANGE_WORDS and (any(x.lemma_.lower() in W.PRISONER_WORDS for x in t.subtree) or _traded(t)):
            return "prisoner_exchange"  # 'swapped 175 prisoners', not 'return children'
        if lemma in W.MEETING_VERBS and not any(_thing_object(c) for c in t.children):
            return "meeting"  # 'gathered everything' collects, it does not meet
        if lemma in W.CALL_VERBS and (_by_phone(t) or _in_company(t, ctx)) \
                or lemma in W.DIAL_VERBS and _rang_someone(t, ctx) or lemma in W.COMPANY_VERBS and _in_company(t, ctx) \
                or lemma in W.COMPANY_VERBS and _sides_sit_down(t) \
                or lemma in W.HOST_VERBS and _hosts(t, ctx) or lemma in W.NEGOTIATE_VERBS:
            return "meeting"
        if lemma in W.GROUND_VERBS and _realis_past(t) and t.dep_ != "amod":
            return "ground_fighting"
        if lemma in W.STRIKE_VERBS and not _object_is_agreement(t) and not _penalised(t) \
                and not _figurative(t, ctx):
            return "strike"
        if _realis_past(t) and _process_step(t, lemma):
            return "other"
    return None


def _arms(weapon: Token) -> bool:
    """The weapons themselves, supplied, made or banned, not fired: 'produced drones', 'the
    delivery of missiles', 'banned a whole class of missiles'."""
    t = weapon
    for _ in range(3):
        if t.dep_ in {"dobj", "nsubjpass", "pobj", "compound"} and t.head.lemma_.lower() in W.ARMS_WORDS:
            return True
        if t.dep_ != "pobj" or t.head.lower_ != "of":
            return False
        t = t.head.head  # 'a batch of missiles', 'a whole class of missiles': the noun they count
        if t.lemma_.lower() in W.ARMS_WORDS:
            return True
    return False


def _process_step(t: Token, lemma: str) -> bool:
    """'Putin ordered a three-day ceasefire', 'the summit was postponed', 'scrapping a summit',
    'announced an Easter truce': a step of the process that is neither talks nor a deal."""
    objects = [c for c in t.children if c.dep_ in {"dobj", "nsubjpass"}]
    if lemma in W.ORDER_VERBS:
        return any(c.dep_ == "nsubj" and c.pos_ in {"PROPN", "NOUN"} for c in t.children) and bool(objects)
    if lemma in W.CALL_OFF_VERBS or lemma in W.CALL_OFF_PARTICLES and _particle(t) == W.CALL_OFF_PARTICLES[lemma] \
            or shelved(t):
        return any(c.lemma_.lower() in W.MEETING_NOUNS for c in objects)
    if lemma in W.ANNOUNCE_VERBS:
        return any(c.lemma_.lower() in W.TRUCE_NOUNS for c in objects)
    return False


def _particle(verb: Token) -> str | None:
    return next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)


def _in_company(verb: Token, ctx: ArticleContext) -> bool:
    """'Witkoff spent five hours with Putin', '… at the Kremlin with Putin' (the parse hangs
    "with" on the place): time spent with a named person."""
    heads = [verb] + [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return any(c.dep_ == "prep" and c.lower_ == "with" and any(_person(g, ctx) for g in c.children if g.dep_ == "pobj")
               for h in heads for c in h.children)


def _sides_sit_down(verb: Token) -> bool:
    """'the delegations will sit down in Geneva', 'Russian and Ukrainian negotiators sat down':
    sides that sit down together (a plural or joined subject) hold talks; 'he sat down for an
    interview' is one man."""
    if _particle(verb) != "down":
        return False
    return any(c.dep_ == "nsubj" and (c.tag_ in {"NNS", "NNPS"} or c.lower_ in W.JOINT_PRONOUNS
                                      or any(k.dep_ == "conj" for k in c.children)) for c in verb.children)


def _hosts(verb: Token, ctx: ArticleContext) -> bool:
    """'Zelensky hosted Starmer in Kyiv', 'will host him next week', 'he was received by Putin': a
    person received (held or scheduled, as talks are), not 'received the proposal'."""
    host = passive_agent(verb)
    if host is not None and _person(host, ctx):  # the guest may be 'he', whom the text named before
        return any(c.dep_ == "nsubjpass" and (_guest(c, ctx) or c.lower_ in W.SUBJECT_PRONOUNS)
                   for c in verb.children)
    return any(c.dep_ == "dobj" and _guest(c, ctx) for c in verb.children)


def _guest(tok: Token, ctx: ArticleContext) -> bool:
    """A person, a body or a team received ('hosted the Ukrainian team in Florida')."""
    return _person(tok, ctx) or tok.lemma_.lower() in PEOPLE_NOUNS or tok.lemma_.lower() == "team"


def _thing_object(c: Token) -> bool:
    """'gathered everything' (a thing) rather than 'met Witkoff', 'met them' or 'met his
    counterpart' (people)."""
    return (c.dep_ == "dobj" and c.pos_ != "PROPN" and c.lower_ not in W.PERSONAL_PRONOUNS
            and c.ent_type_ not in {"PERSON", "ORG", "NORP"} and c.lemma_.lower() not in PEOPLE_NOUNS)


def _is_phone_call(t: Token) -> bool:
    return any(c.lemma_.lower() in W.PHONE_WORDS for c in t.children)


def _named_call(t: Token, ctx: ArticleContext) -> bool:
    """'the Rubio-Lavrov call', 'Trump's call with Putin', 'a call between the presidents': a call
    that people hold, not a call for something."""
    return any(c.dep_ in {"compound", "poss", "nmod"} and _person(c, ctx)
               or c.dep_ == "prep" and c.lower_ in W.PARTICIPANT_PREPS for c in t.children)


def _by_phone(verb: Token) -> bool:
    """'spoke by telephone with Lavrov', 'talked over the phone': a call, not a speech."""
    return any(c.dep_ == "prep" and c.lower_ in {"by", "over", "on"}
               and any(g.lemma_.lower() in W.PHONE_WORDS for g in c.children) for c in verb.children)


def _rang_someone(verb: Token, ctx: ArticleContext) -> bool:
    """'Trump called Zelensky', 'phoned him': a person is the only complement ('called him a
    liar' names him; 'called for talks' asks for them). The parser may read the person as the
    name given ('oprd'), so that counts when nothing else is named."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "oprd", "xcomp", "ccomp", "dative"}]
    return len(objects) == 1 and objects[0].dep_ in {"dobj", "oprd"} and (
        _person(objects[0], ctx) or objects[0].lower_ in {"him", "her"})


def _person(tok: Token, ctx: ArticleContext) -> bool:
    """A person, by NER or by the article's people (the small model often takes "Volodymyr
    Zelenskyy" or "Andrii Sybiha" for an organisation or nothing at all)."""
    return tok.ent_type_ == "PERSON" or tok.i in mention_index(ctx).at


def _object_is_agreement(t: Token) -> bool:
    return any(c.dep_ == "dobj" and c.lemma_.lower() in W.AGREEMENT_NOUNS for c in t.children)


def _agreed_to_meet(t: Token) -> bool:
    """'Both sides agreed to meet again next month': a date set for talks, not a deal."""
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in W.MEETING_VERBS | W.NEGOTIATE_VERBS for c in t.children)


def _penalised(t: Token) -> bool:
    """'The EU hit Moscow with new sanctions', '… with a fresh round of tariffs', 'sanctions are
    hitting the economy': a blow dealt with a penalty, not a weapon."""
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in W.PENALTY_NOUNS for c in t.children):
        return True
    used = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
    counted = [x for g in used for c in g.children if c.dep_ == "prep" and c.lower_ == "of"
               for x in c.children if x.dep_ == "pobj"]  # 'a round of sanctions': what the round is of
    return any(g.lemma_.lower() in W.PENALTY_NOUNS for g in used + counted)


def _figurative(verb: Token, ctx: ArticleContext) -> bool:
    """'struck a conciliatory tone', 'hit a snag', 'every round has hit the same wall', 'Sybiha
    struck a firmer tone': what is hit is a manner or an obstacle, or the one who hits is the
    process itself or a person, who strikes with words unless a weapon is named ('with drones')."""
    if any(c.dep_ == "dobj" and c.lemma_.lower() in W.FIGURATIVE_OBJECTS for c in verb.children):
        return True
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ == "conj":  # 'visited Kyiv and struck a firmer tone'
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    if any(s.lemma_.lower() in W.MEETING_NOUNS | W.AGREEMENT_NOUNS | W.PROCESS_NOUNS
           or s.lower_ in W.PLURAL_EVENT_NOUNS for s in subjects):
        return True
    armed = any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)
    return not armed and any((_person(s, ctx) or s.lemma_.lower() in ROLE_NOUNS["en"] or s.lower_ in {"he", "she"})
                             and s.lower_ not in _WEAPON_FORMS for s in subjects)  # 'Drones struck' (as a name)


_WEAPON_FORMS = W.inflected(W.STRIKE_NOUNS)


def _round_of_other(t: Token) -> bool:
    """'a new round of sanctions', 'a round of strikes': a round of something other than talks."""
    return t.lemma_.lower() == "round" and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and g.lemma_.lower() not in W.MEETING_NOUNS
                                                     for g in c.children) for c in t.children)


def _signed_alone(t: Token) -> bool:
    """'Zelensky signed a decree': an act of one side, not a deal between sides."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in W.UNILATERAL_ACTS for c in t.children)


def _traded(t: Token) -> bool:
    """'freed an American journalist in exchange for a Russian spy': a person freed for another."""
    return t.lemma_.lower() in W.FREEING_VERBS and any(
        c.dep_ == "prep" and c.lower_ == "in" and any(g.lower_ == "exchange" for g in c.children) for c in t.children)


def _jointly(t: Token) -> bool:
    """'The leaders agreed', 'X and Y agreed', 'agreed between X and Y', 'they (we) agreed to a
    truce': an agreement is mutual; 'Putin agreed to a proposal', 'we agreed to their plan' is
    one side's acceptance (a claim, not an event)."""
    for c in t.children:
        if c.dep_ == "nsubj" and (c.tag_ in {"NNS", "NNPS"} or any(k.dep_ == "conj" for k in c.children)):
            return True
        if c.dep_ == "nsubj" and c.lower_ in W.JOINT_PRONOUNS and not _accepts_offer(t):
            return True
        if c.dep_ == "prep" and c.lower_ == "between":
            return True
    return False


def _shared_view(t: Token) -> bool:
    """'agreed that the war must end', 'agreed on the need for guarantees': a view the sides
    share, not a deal they made."""
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ == "on" and any(g.lemma_.lower() in W.NEED_NOUNS for g in c.children):
            return True
        if c.dep_ == "ccomp" and (any(a.dep_ == "aux" and a.lower_ in W.NECESSITY_MODALS for a in c.children)
                                  or c.lemma_.lower() in {"have", "need"} and any(x.dep_ == "xcomp" for x in c.children)
                                  or c.lemma_.lower() == "be" and any(x.dep_ == "acomp" for x in c.children)):
            return True
    return False


def _accepts_offer(t: Token) -> bool:
    """'agreed to the proposal': what is agreed to is another's offer."""
    return any(c.dep_ == "prep" and any(g.dep_ == "pobj" and g.lemma_.lower() in W.OFFER_NOUNS for g in c.children)
               for c in t.children)


def _habitual(verb: Token) -> bool:
    """'where deals are reached', 'they sign accords': the present tells what is usual, not a
    deal done."""
    return verb.tag_ in {"VBZ", "VBP"} or any(c.dep_ == "auxpass" and c.lower_ in {"is", "are", "'re"}
                                               for c in verb.children)


def _realis_past(t: Token) -> bool:
    """Past tense or perfect ('agreed', 'have signed', 'was signed'), the way news states a done deal."""
    return t.tag_ == "VBD" or t.tag_ == "VBN" and not _to_come(t)


def _to_come(verb: Token) -> bool:
    """'will sign', 'will be signed', 'only after a truce is signed': a participle with only
    present or future auxiliaries, or a future, is still to come ('signs a deal' in a headline is
    news of the day)."""
    auxes = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a in _FUTURE_AUX for a in auxes):
        return True
    return verb.tag_ == "VBN" and bool(auxes) and not any(a in _PAST_AUX for a in auxes)


_PAST_AUX = frozenset({"was", "were", "has", "have", "had", "been", "'ve", "'d", "having"})
_FUTURE_AUX = frozenset({"will", "'ll", "shall"})


# --- mentions ----------------------------------------------------------------------------------
def _mentions(etype: EventType, triggers: list[Token], sent: Span, ctx: ArticleContext,
              talks: list[Token] = ()) -> list[Mention]:
    """Strikes: one mention per sentence over all places hit. Other types: one per venue, since
    one sentence may name two rounds of talks ('talks in Miami follow negotiations in Berlin')."""
    line = sent
    places = places_in(line, ctx, venues_only=etype != "strike")
    if etype != "strike":  # 'talks with Washington', 'a swap with Russia': a side, not a venue
        places = [p for p in places if not (p.kind == "country" and _participant(p.head))]
    if etype == "strike":
        hit = [p for p in places if where_hit(p)]
        hit = [p for p in hit if not _aside(p.head, triggers, ctx) and not _venue_of(p.head, talks, triggers)]
        if _title(line):
            hit = [p for p in hit if not acts_in_title(p.head, triggers)]
        m = _mention(etype, triggers, hit, line, ctx)
        return [m] if m else []
    groups: dict[frozenset, list[Token]] = {}
    venues: dict[frozenset, list[PlaceHit]] = {}
    placeless = []
    for t in triggers:
        mine = [p for p in places if attached(p.head, [t]) and not _owned_by_other(p.head, t, triggers)]
        if not mine:
            placeless.append(t)
            continue
        key = frozenset(p.location.name for p in mine)
        groups.setdefault(key, []).append(t)
        venues.setdefault(key, mine)
    for t in placeless:  # 'signed an agreement in Riyadh': same clause, same happening
        key = next((k for k, ts in groups.items() if _same_clause(t, ts)), frozenset())
        groups[key] = sorted(groups.get(key, []) + [t], key=lambda x: x.i)
        venues.setdefault(key, [])
    out = [_mention(etype, ts, venues[k], line, ctx) for k, ts in groups.items()]
    return [m for m in out if m]


def _venue_of(place: Token, talks: list[Token], strikes: list[Token]) -> bool:
    """'The attack came hours after the delegations finished consultations in Istanbul': where
    talks or a deal of the sentence were held is their venue, not a place hit (unless the strike
    is said to hit it too)."""
    return bool(talks) and attached(place, talks) and not attached(place, strikes)


def _aside(place: Token, triggers: list[Token], ctx: ArticleContext) -> bool:
    """'A missile hit the station in Kramatorsk, and officials still cite it when asked about
    trusting Moscow', 'drones hit Odesa as Putin met Witkoff in Moscow': a place in a clause
    hung on the strike's clause where a person does something else is that act's, not a
    place hit. Where the strike's wounds are told ('killing two in Sumy') it stays."""
    targets = {t.i for t in triggers} | {anchor(t).i for t in triggers}
    between, tok = [], place
    while tok.head.i != tok.i:
        child, tok = tok, tok.head
        if tok.i in targets or tok.lemma_.lower() in W.DAMAGE_WORDS:
            return any(_acted_by_person(v, ctx) for v in between)
        if tok.pos_ in {"VERB", "AUX"} and child.dep_ not in {"nsubj", "nsubjpass"}:
            between.append(tok)  # what the verb is about, not who does it ('the mayor of Kremenchuk said')
    return False  # no strike clause above the place: where_hit has judged it


def _acted_by_person(verb: Token, ctx: ArticleContext) -> bool:
    """The verb has a person for its subject ('officials cite', 'Putin met', 'he was asked')."""
    return any(c.dep_ in {"nsubj", "nsubjpass"} and (
        _person(c, ctx) or c.lemma_.lower() in ROLE_NOUNS["en"] or c.lower_ in {"he", "she", "we", "i"})
        and c.lower_ not in _WEAPON_FORMS for c in verb.children)


def _title(line: Span) -> bool:
    """The article's title: a headline that is its first line."""
    return headline(line) and not line.doc.text[:line.start_char].strip()


def _owned_by_other(place: Token, t: Token, triggers: list[Token]) -> bool:
    """'talks in Riyadh follow negotiations in Geneva': a place inside another trigger's own
    phrase is that one's venue, though both hang from one verb."""
    return not t.is_ancestor(place) and any(o.i != t.i and o.is_ancestor(place) for o in triggers)


def _participant(tok: Token) -> bool:
    """'talks with Washington', 'a meeting between Kyiv and Moscow': a side that meets, not
    where it meets."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in W.PARTICIPANT_PREPS


def _same_clause(t: Token, others: list[Token]) -> bool:
    return any(anchor(t).i == anchor(o).i for o in others)


def _mention(etype: EventType, triggers: list[Token], places: list[PlaceHit], line: Span,
             ctx: ArticleContext) -> Mention | None:
    if etype == "ground_fighting":
        places = [p for p in places if p.kind != "country" and attached(p.head, triggers)]
    when, dated = _date(line, triggers, ctx)
    people = _participants(triggers, line, ctx)
    damage = any(t.lemma_.lower() in W.DAMAGE_WORDS for t in line)
    placeless = etype == "strike" and not places and (damage or dated)
    if not (placeless or _concrete(etype, triggers, places, dated, people)):
        return None
    actor = (strike_actor(triggers, places, ctx, from_targets=etype == "strike")
             if etype in {"strike", "ground_fighting"} else _doer(triggers, ctx) if etype == "other" else None)
    anaphor = _anaphor(etype, triggers, places, dated)
    if anaphor:
        when = Resolved(None, "unknown")  # the line's date is the report's, not the talks'
    return Mention(etype, actor, places, when, people, line,
                   damage=damage, headline=headline(line), placeless=placeless,
                   counted=placeless and _counted(triggers), anaphor=anaphor, entry=_entry(line, ctx))


_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
_PROSE = re.compile(r"[a-z]{3,}[ ,]+[a-z]{3,}")
TIMESTAMP_MAX_CHARS = 40
_ENTRIES = "events.entries"


def _entry(line: Span, ctx: ArticleContext) -> int:
    """Which entry of a live blog the line is in: how many timestamp lines ('08:00', '14:30
    GMT', 'Updated 9.15 am') come before it (0 in an ordinary article)."""
    stamps = ctx.scratch.get(_ENTRIES)
    if stamps is None or stamps[0] is not ctx.doc:
        stamps = ctx.scratch[_ENTRIES] = (ctx.doc, _timestamp_lines(ctx.doc.text))
    return bisect_right(stamps[1], line.start_char)


def _timestamp_lines(text: str) -> list[int]:
    """Where each line that is only a clock time (with a day, zone or 'Updated') starts."""
    out, at = [], 0
    for raw in text.split("\n"):
        if _timestamp(raw.strip()):
            out.append(at)
        at += len(raw) + 1
    return out


def _timestamp(line: str) -> bool:
    """'08:00', '14:30 GMT', 'Updated 9.15 am', '10:45 a.m.': a short line with a clock time, no
    run of prose words and no sentence's end (but the dot of 'a.m.')."""
    if not line or len(line) > TIMESTAMP_MAX_CHARS or not _CLOCK.search(line) or _PROSE.search(line):
        return False
    return not line.endswith((".", "!", "?")) or line.lower().endswith(("a.m.", "p.m."))


def _counted(triggers: list[Token]) -> bool:
    """'37 missiles', 'more than 400 drones': the weapons of one attack, numbered."""
    return any(c.dep_ == "nummod" for t in triggers for c in t.children)


def _anaphor(etype: EventType, triggers: list[Token], places, dated: bool) -> bool:
    """'the talks', 'this meeting', with no place or day of their own: ones already named;
    'they also agreed to …': one more point of the deal just reported."""
    if places or dated:
        return False
    if etype == "agreement":
        return all(any(c.lower_ == "also" for c in t.children) for t in triggers)
    return (etype == "meeting"
            and all(t.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in W.ANAPHOR_DETS
                                             for c in t.children) for t in triggers))


def _doer(triggers: list[Token], ctx: ArticleContext) -> str | None:
    """The side that gave the order or called the meeting off: its subject, through the one
    mention resolver ('Putin ordered' → RUS)."""
    for t in triggers:
        for subj in (c for c in t.children if c.dep_ == "nsubj"):
            party = next((m.party for m in resolve_parties(subj, ctx) if m.party), None)
            if party:
                return party
    return None


def _lines(sent: Span, index: DocIndex):
    """The sentence cut at line breaks: spaCy sometimes runs a title or caption into the text."""
    start = sent.start
    for i in index.within(index.breaks, sent.start, sent.end):
        yield from _trimmed(sent.doc[start:i + 1])
        start = i + 1
    yield from _trimmed(sent.doc[start:sent.end])


def _trimmed(span: Span):
    while len(span) and (span[-1].is_space or span[-1].text.strip() == ""):
        span = span[:-1]
    while len(span) and span[0].is_space:
        span = span[1:]
    if len(span) and reports(span):
        yield span


def reports(line: Span) -> bool:
    """A "Read also: …" line links to another article's events; a question reports none."""
    text = line.text.strip()
    return not text.lower().startswith(W.LINK_LABELS) and not text.endswith("?")


def _concrete(etype, triggers, places, dated: bool, people) -> bool:
    """A happening is placed, dated or has named sides; a bare 'talks continue' is not one."""
    if etype in {"strike", "ground_fighting"}:
        return bool(places)
    if etype == "meeting":
        return bool(places or dated or people or any(_is_phone_call(t) for t in triggers))
    return True


def _date(line: Span, triggers: list[Token], ctx: ArticleContext) -> tuple[Resolved, bool]:
    """The resolvable date phrase nearest the trigger, and whether it is the trigger's own
    ('talks held over the weekend') rather than the report's ('the Kremlin said on Monday')."""
    future = any(_future_cue(t) for t in line)
    trigger = triggers[0]
    ents = ctx.ents_in(line)
    phrases = [(abs(e.start - trigger.i), e.text, e.root) for e in ents if e.label_ in {"DATE", "TIME"}]
    phrases += [(abs(t.i - trigger.i), t.text, t) for t in line if t.lower_ in W.DATE_WORDS and not t.ent_type_]
    ranked = sorted(((not attached(root, triggers), dist, text) for dist, text, root in phrases),
                    key=lambda x: (x[0], x[1]))
    for unattached, _, text in ranked:
        r = resolve(text, ctx.reference_date, future)
        if r.precision != "unknown":
            return r, not unattached
    return Resolved(None, "unknown"), False


def _future_cue(t: Token) -> bool:
    lemma = t.lemma_.lower()
    return (lemma in W.FUTURE_AUX and t.dep_ == "aux" or t.dep_ == "aux" and reported_will(t) or lemma in W.FUTURE_ADJ
            or lemma in W.FUTURE_VERBS and t.tag_ in {"VBN", "JJ"})


def _participants(triggers: list[Token], line: Span, ctx: ArticleContext) -> list[str]:
    """People who meet: 'met with X', 'a meeting between X and Y', 'X and Y met'."""
    people = mention_index(ctx)
    found = {e.root.i: e.text for e in ctx.ents_in(line) if e.label_ == "PERSON"}
    found |= {i: people.people[key].name for i, key in people.at.items() if line.start <= i < line.end}
    names = []
    for i, name in sorted(found.items()):
        if not any(_takes_part(line.doc[i], t) for t in triggers):
            continue
        actor = ctx.codebook.find_actor(name)
        name = actor.name if actor else name
        if name not in names:
            names.append(name)
    return names


def _takes_part(tok: Token, trigger: Token) -> bool:
    path = []
    while tok.head.i != tok.i and len(path) < 6:
        path.append(tok)
        tok = tok.head
        if tok.i == trigger.i:
            return any(p.dep_ == "prep" and p.lower_ in W.PARTICIPANT_PREPS for p in path) or \
                any(p.dep_ in {"nsubj", "dobj"} for p in path)
    return False
