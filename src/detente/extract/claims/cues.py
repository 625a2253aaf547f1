"""General English cue tables for claims: stance words, hedges, sources (data, not code).

Case knowledge (issue words, party names) lives in the codebook YAML; these tables hold only
English that any negotiation shares. Verbs and nouns are matched by lemma, phrases by
lower-cased text.
"""
from __future__ import annotations

# Lemmas (verbs, nouns, adjectives) that state a party's stance.
STANCE_LEMMAS: dict[str, set[str]] = {
    "demand": {"demand", "insist", "require", "condition", "precondition", "urge", "press", "push",
               "seek", "want", "need", "must", "should", "ultimatum", "wish", "call", "stress", "threaten"},
    "proposal": {"propose", "proposal", "offer", "suggest", "float", "initiative", "submit",
                 "intend", "memorandum", "unveil", "present", "table", "invite", "invitation"},
    "rejection": {"reject", "refuse", "oppose", "dismiss", "unacceptable", "opposition",
                  "rejection", "veto", "criticize", "criticise", "intervention", "block"},
    "acceptance": {"agree", "accept", "acceptable", "ready", "willing", "welcome", "endorse",
                   "approve", "support", "favorably", "favourably", "consent", "openness"},
    "assessment": {"progress", "constructive", "productive", "positive", "positively",
                   "deadlock", "impasse", "stall", "stalled", "difficult", "useful", "breakthrough",
                   "derail", "illegitimate", "inequitable", "sincere", "tremendous", "successful",
                   "fruitful", "praise", "hail", "commend"},
}

# Lemmas that state a stance only as verbs ('press' in 'press service', 'call' in 'phone call').
VERB_ONLY = {"call", "press", "push", "want", "need", "seek", "stress", "urge", "threaten", "wish", "float",
             "intend", "submit", "agree", "accept", "welcome", "endorse", "approve", "consent",
             "reject", "refuse", "oppose", "dismiss", "criticize", "criticise", "derail", "stall",
             "insist", "require", "propose", "suggest", "support", "table", "praise", "hail", "commend",
             "unveil", "present", "invite", "block"}
# Modals of obligation: 'Ukraine must withdraw' is the speaker's demand on Ukraine.
OBLIGATION_WORDS = {"must", "should", "better", "ought"}
# Verbs that oblige through "to": 'Russia will have to agree', 'Kyiv needs to accept' state the
# speaker's demand on the subject, not the subject's acceptance.
OBLIGING_HEADS = {"have", "need"}

# "X is a red line (for Y)": a refusal held by whoever the line is for (``holders``).
RED_LINE = ("red", "line")

# Multi-word cues, lower-case, matched in the sentence text; they win over single lemmas.
STANCE_PHRASES: dict[str, tuple[str, ...]] = {
    "demand": ("call for", "calls for", "called for", "insists that", "is seeking", "key demand",
               "key condition", "only if", "must be", "stressed the importance", "on condition that",
               "on the condition that", "as a precondition"),
    "proposal": ("put forward", "puts forward", "on the table", "would welcome"),
    "rejection": ("rule out", "ruled out", "rules out", "will not accept", "would not accept",
                  "cannot agree", "can't agree", "does not agree", "do not agree",
                  "won't accept", "not accept", "refused to", "pushed back", " ".join(RED_LINE),
                  "turned down", "turn down", "turns down", "turning down", "non-starter", "nonstarter"),
    "acceptance": ("ready to", "willing to", "prepared to", "agreed to", "open to", "responded positively",
                   "reacted positively"),
    "assessment": ("made progress", "no progress", "good progress"),
}

# Verbs by which a party gives up what it had asked for ("drop its demand for …"): the stance
# noun they govern is no longer demanded but conceded, an offer (matched by lemma; "give" with
# its particle "up").
RENOUNCE_LEMMAS = {"drop", "abandon", "renounce", "forgo", "forego", "relinquish", "shelve", "waive"}
# The same verbs as written, for the text-level reading of positions (``positions.place``).
RENOUNCE_FORMS = (
    "drop drops dropped dropping abandon abandons abandoned abandoning renounce renounces renounced "
    "renouncing forgo forgoes forwent forgone forgoing forego foregoes foregone foregoing relinquish "
    "relinquishes relinquished relinquishing shelve shelves shelved shelving waive waives waived waiving"
).split() + ["give up", "gives up", "gave up", "giving up", "given up", "back down from", "backed down from",
             "backs down from", "backing down from", "back away from", "backed away from"]

# Verbs that present someone else's conduct as evidence ("X has shown that Kyiv seeks to
# derail the talks"): what follows is the speaker's assessment, not the subject's position.
ACCUSATION_LEMMAS = {"show", "demonstrate", "prove", "accuse", "mean"}

# A stance word under negation: acceptance turns to rejection; a negated rejection
# ("did not rule out") is a cautious assessment; other stances are dropped.
NEGATED_STANCE: dict[str, str | None] = {
    "acceptance": "rejection",
    "rejection": "assessment",
    "demand": None,
    "proposal": None,
    "assessment": "assessment",
}

# Verdicts that reject what they judge ("accepting it would be a mistake").
NEGATIVE_VERDICTS = {"mistake", "error", "wrong", "dangerous", "failure", "disaster", "unacceptable",
                     "impossible", "irresponsible", "reckless", "betrayal", "capitulation", "surrender",
                     "trap", "naive", "unrealistic", "absurd"}

# Verbs of conceding: stated with a negated future ('will never recognise Crimea as Russian',
# 'will not withdraw from Donbas') they refuse the concession; alone they state nothing.
CONCESSION_LEMMAS = {"recognise", "recognize", "cede", "concede", "surrender", "withdraw", "relinquish"}
# … and the same with a particle: 'will never give up Donbas', 'would never hand over the land'.
CONCESSION_PARTICLES = {"give": "up", "hand": "over", "turn": "over"}
REFUSING_MODALS = {"will", "wo", "would", "shall", "can", "ca"}

# Negated wishes are refusals: 'the Kremlin does not want to go into details'.
NEGATED_LEMMA_STANCE: dict[str, str] = {"want": "rejection", "wish": "rejection",
                                         "table": "rejection"}  # 'is not on the table'
# Nouns that, after 'no', negate the verb they qualify: 'will under no circumstances accept'.
NEGATING_NOUNS = {"circumstance", "circumstances", "way", "means", "account", "condition", "conditions"}

# Words that mark a clause hypothetical: a stance inside it is nobody's position.
CONDITIONAL_MARKS = {"if", "unless", "whether", "should"}

# Hedges: words or phrases by which the text marks doubt (lower-case).
HEDGE_WORDS = {"reportedly", "allegedly", "alleged", "supposedly", "purportedly", "apparently",
               "possibly", "perhaps", "unconfirmed", "rumoured", "rumored"}
HEDGE_MODALS = {"may", "might", "could"}
HEDGE_PHRASES = ("if confirmed", "according to preliminary data", "according to preliminary",
                 "based on leaks", "according to leaks", "not rule out", "didn't rule out",
                 "is said to", "are said to",
                 "it is possible", "it appears", "unverified", "could not be verified",
                 "could not independently verify", "not confirmed")
# A later sentence that puts the article's own information in doubt ("If the information
# about X is confirmed") hedges claims about X.
CONFIRM_LEMMAS = {"confirm", "verify"}

# Source nouns (lemmas) that tell what kind of source a link is; the people among them
# (anonymous, expert, office holders) and the outlets (``MEDIA_NOUNS``) are in ``mentions.vocabulary``.
# Words that make an unnamed source attributable after all ("the Kremlin press service").
OFFICIAL_BODY_NOUNS = {"ministry", "presidency", "office", "service", "statement", "spokesman",
                       "spokeswoman", "spokesperson", "government", "administration", "council"}
# Nouns that, after 'the'/'this'/'that', point back to something named earlier ("Officials
# said Zelensky intends to present the plan"): the issue is the one the sentence before names.
ANAPHORIC_NOUNS = {"plan", "plans", "proposal", "proposals", "idea", "document", "deal", "initiative"}
# Verbs that put a party's view on record with no stance word ("Peskov claims that Russia has
# not received the plan"): the reported clause is the party's assessment, when the sentence
# has no other stance word.
ASSERTION_LEMMAS = {"say", "state", "claim", "note", "warn", "indicate", "declare", "assert",
                    "argue", "insist", "believe"}
# Verbs that propose with an object ('suggested a meeting') but only guess with a hedged
# clause ('suggested that the round might pave the way …'): then they state an assessment.
GUESSING_VERBS = {"suggest"}
