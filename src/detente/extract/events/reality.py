"""Is a mention a happening? Negated, hypothetical, wished-for, merely possible, or only the
topic of another noun ('agreement on a prisoner exchange'), it is not."""
from __future__ import annotations

from spacy.tokens import Token

from detente.extract.events import words as W

STOP_DEPS = {"nsubj", "ROOT", "conj", "advcl", "parataxis"}  # passive subjects inherit: 'was ruled out'


def unreal(t: Token) -> bool:
    """Negated, hypothetical, wished-for or merely possible."""
    if any(c.lower_ in W.UNREAL_MODIFIERS or c.dep_ == "neg" for c in t.children):
        return True
    for h in _governors(t):
        kids = list(h.children)
        if any(c.dep_ == "neg" or c.lower_ in W.NEGATIONS and c.dep_ in {"det", "advmod"} for c in kids):
            return True
        if any(c.dep_ == "aux" and c.lower_ in W.HYPOTHETICAL_MODALS and not reported_will(c) for c in kids):
            return True
        if any(c.dep_ == "mark" and c.lower_ in W.HYPOTHETICAL_MARKS or c.lower_ in W.UNREAL_ADVERBS
               for c in kids):
            return True
        if h.pos_ in {"VERB", "AUX"} and h.tag_ != "VBD" and any(g.lower_ in W.DOUBT_ADVERBS
                                                                for g in _clause_words(h)):
            return True
        if h.i != t.i and (h.lemma_.lower() in W.UNREAL_HEADS or h.lower_ in W.UNREAL_HEAD_FORMS or _hearsay(h)
                           or shelved(h)):
            return True
    return _doubted_subject(t) or _denied_owner(t)


def reported_will(aux: Token) -> bool:
    """'Ushakov said the negotiators would meet in Riyadh on December 4': in the complement of
    a past speech verb, 'would' is 'will' told in the past (the talks are set), not a
    hypothesis; unless a condition hangs on it ('would meet if …'), or it wants ('would like
    to meet')."""
    verb = aux.head
    if aux.lower_ != "would" or verb.lemma_.lower() in W.WANTING_VERBS:
        return False
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:  # '… said they would meet and sign'
        clause = clause.head
    teller = clause.head
    if clause.dep_ != "ccomp" or teller.lemma_.lower() not in W.SPEECH_VERBS | W.TELLING_VERBS or teller.tag_ != "VBD":
        return False
    return not any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in W.HYPOTHETICAL_MARKS
                                             for m in c.children) for c in verb.children)


def shelved(verb: Token) -> bool:
    """'The meeting was put on hold (on ice)': called off for now, not held."""
    return verb.lemma_.lower() in W.CALL_OFF_PARTICLES and any(
        c.dep_ == "prep" and c.lower_ == "on" and any(g.lower_ in W.SHELVED_AS for g in c.children)
        for c in verb.children)


def _hearsay(h: Token) -> bool:
    """'reports that the sides had agreed …': what a report or rumour says is not yet a fact
    ('reports of strikes' name the strikes themselves: only a clause of the noun is hearsay)."""
    return h.pos_ == "NOUN" and h.lemma_.lower() in W.HEARSAY_NOUNS


def _denied_owner(t: Token, depth: int = 4) -> bool:
    """'no timeframe for organising a meeting', 'no plans for talks': the noun the mention is
    meant for says there is none ('no details of the talks' still has the talks)."""
    child, purpose = t, False
    for _ in range(depth):
        if child.dep_ not in {"pobj", "prep", "pcomp", "dobj", "xcomp", "acl"} or child.head.i == child.i:
            return False
        purpose |= child.dep_ == "prep" and child.lower_ == "for"
        child = child.head
        if child.pos_ == "NOUN":
            return purpose and any(c.dep_ == "det" and c.lower_ == "no" for c in child.children)
    return False


def _clause_words(verb: Token) -> list[Token]:
    """The verb's own words and those of its phrases: 'meet, probably in Riyadh', 'be held, but
    probably not before the autumn', 'go ahead, but probably later in the year'. A verb in the past
    ('met, probably for the last time') is done whatever the adverb doubts."""
    kids = list(verb.children)
    phrases = [c for c in kids if c.dep_ == "prep" or c.dep_ == "conj" and c.pos_ == "ADP"]
    words = [g for c in phrases for g in c.children]
    return kids + words + [a for g in words if g.dep_ == "advmod" for a in g.children]


def _doubted_subject(t: Token) -> bool:
    """'A meeting could take place within weeks', 'the talks will probably happen later': the
    subject of a doubted or negated predicate has not happened (whereas 'talks ended' happened)."""
    if t.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    kids = list(t.head.children)
    return any(c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in W.HYPOTHETICAL_MODALS and not reported_will(c)
               for c in kids) or t.head.tag_ != "VBD" and any(c.lower_ in W.DOUBT_ADVERBS
                                                              for c in _clause_words(t.head))


def _governors(t: Token, depth: int = 3) -> list[Token]:
    """``t`` and the words whose modality it inherits: up through complements ('hope to meet',
    'the need to release', 'wants all agreements signed'), never from a subject to its verb
    ('talks ended') nor from a circumstance ('agreed at a meeting' presupposes the meeting)."""
    out, child = [t], t
    while len(out) <= depth and child.head.i != child.i:
        noun_clause = child.dep_ in {"acl", "amod"} or child.dep_ == "advcl" and child.head.pos_ == "NOUN"
        if child.dep_ in STOP_DEPS and not noun_clause \
                or child.dep_ == "pobj" and child.head.lower_ in W.CIRCUMSTANCE_PREPS:
            break  # an 'advcl' on a noun is the parser's 'acl': 'invitation for Zelensky to come'
        h = child.head
        if h.pos_ in {"VERB", "AUX"} or h.lemma_.lower() in W.UNREAL_HEADS or h.lower_ in W.UNREAL_HEAD_FORMS \
                or noun_clause and _hearsay(h):
            out.append(h)
        elif h.pos_ in {"NOUN", "PROPN", "PRON"} and not noun_clause:
            break  # 'pressure as talks advance': a noun's clause is not the trigger's
        child = h
    return out


def topic_of_other(t: Token) -> bool:
    """'agreement on a prisoner exchange', 'talks about a ceasefire': the subject matter of
    another noun is not a happening of its own."""
    h = t.head
    talks = t.lemma_.lower() in W.MEETING_NOUNS or t.lower_ in W.PLURAL_EVENT_NOUNS
    if talks and h.dep_ == "prep" and h.lower_ == "of" and h.head.lemma_.lower() in W.ABOUT_EVENT_NOUNS:
        return True  # 'the results of the talks' (but 'as a result of the attack' is one)
    return (h.dep_ == "prep" and h.lower_ in W.TOPIC_PREPS and h.head.pos_ == "NOUN"
            and h.head.i != t.i)
