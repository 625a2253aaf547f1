"""General English cue words for events (no case knowledge here: parties and places live in the
codebook). Lemmas, lower case."""
from __future__ import annotations

# --- triggers, by event type ------------------------------------------------------------
STRIKE_NOUNS = frozenset({"strike", "airstrike", "attack", "bombardment", "shelling", "barrage",
                          "missile", "drone", "bombing", "raid", "hit", "bomb", "rocket"})
STRIKE_VERBS = frozenset({"strike", "hit", "attack", "shell", "bomb", "target", "pound", "bombard"})
WEAPON_NOUNS = frozenset({"missile", "drone", "rocket", "bomb"})
# What a weapon's name stands before ('Kalibr cruise missiles', 'a Shahed drone'): a name so used
# is the weapon's, never a town's.
MUNITION_NOUNS = WEAPON_NOUNS | frozenset({"interceptor", "warhead", "munition", "launcher", "bomber"})
# What is done with weapons that is no attack: 'the delivery of Tomahawk missiles to Kyiv',
# 'produced four million drones', 'banned a class of missiles' (verbs and nouns, lemmas).
ARMS_WORDS = frozenset({"deliver", "delivery", "supply", "provide", "provision", "produce", "production",
                        "manufacture", "buy", "purchase", "sell", "sale", "transfer", "ban", "stock",
                        "stockpile", "shipment", "batch", "acquire", "acquisition", "export", "import",
                        "arsenal", "inventory", "make", "build", "develop", "order"})
# What a side is hit with that is no weapon: 'hit Moscow with sanctions', 'struck the banks with tariffs'.
PENALTY_NOUNS = frozenset({"sanction", "tariff", "duty", "levy", "penalty", "fine", "embargo", "restriction",
                           "measure", "lawsuit", "charge", "ban", "indictment"})
# What one strikes or hits only in a figure of speech: a manner of speaking ('struck a
# conciliatory tone', 'struck a balance', 'hit the right note') and an obstacle or level met on
# the way ('hit a snag', 'hit a wall', 'hit a dead end', 'hit a record low'); a weapon hits places
# and things, never these.
FIGURATIVE_OBJECTS = frozenset({"tone", "note", "chord", "balance", "pose", "posture", "attitude", "nerve",
                                "wall", "snag", "roadblock", "obstacle", "hurdle", "impasse", "deadlock",
                                "stalemate", "end", "bump", "low", "high", "record", "limit", "ceiling"})
# Doers that cannot fire a weapon: the process itself ('the talks hit a snag', 'every round has
# hit the same wall').
PROCESS_NOUNS = frozenset({"process", "effort", "diplomacy", "initiative", "plan", "dialogue", "track"})
LAUNCH_VERBS = frozenset({"launch", "fire", "unleash", "send"})  # strike when the object is a strike noun
UNDER_FIRE = frozenset({"fire", "shelling", "bombardment"})  # 'came under fire': a place struck
GROUND_NOUNS = frozenset({"offensive", "counteroffensive", "assault", "clash", "clashes", "battle", "fighting"})
GROUND_VERBS = frozenset({"capture", "seize", "storm", "encircle", "liberate", "advance", "overrun"})
EXCHANGE_WORDS = frozenset({"exchange", "swap", "release", "repatriation", "return", "free"})
FREEING_VERBS = frozenset({"free", "release"})  # 'freed X in exchange for Y'
PRISONER_WORDS = frozenset({"prisoner", "pow", "pows", "captive", "body", "soldier", "serviceman",
                            "detainee", "civilian", "defender"})
MEETING_NOUNS = frozenset({"talk", "talks", "meeting", "summit", "negotiation", "negotiations",
                           "round", "discussion", "discussions", "consultation", "call", "visit"})
MEETING_VERBS = frozenset({"meet", "gather", "confer", "convene"})
# Verbs that are talks only once held: 'negotiated for six hours' (not 'refuses to negotiate').
NEGOTIATE_VERBS = frozenset({"negotiate"})
# 'other' happenings of the process: an order given, a meeting called off, a truce announced.
ORDER_VERBS = frozenset({"order", "decree"})
CALL_OFF_VERBS = frozenset({"cancel", "postpone", "scrap", "shelve"})
CALL_OFF_PARTICLES = {"call": "off", "put": "off"}  # 'called off the summit', 'put off the talks'
# Time spent with someone is a meeting: 'spent five hours with Putin', 'sat down with Witkoff'.
COMPANY_VERBS = frozenset({"spend", "sit"})
# To receive a person is to meet them: 'hosted Starmer in Kyiv', 'received the envoy'.
HOST_VERBS = frozenset({"host", "receive", "welcome"})
ANNOUNCE_VERBS = frozenset({"announce", "declare"})
TRUCE_NOUNS = frozenset({"truce", "ceasefire", "moratorium", "pause", "halt"})
# A phone call is a meeting of leaders: 'a telephone conversation', 'spoke by phone'.
CALL_NOUNS = frozenset({"conversation"})
CALL_VERBS = frozenset({"speak", "talk"})
DIAL_VERBS = frozenset({"call", "phone", "ring"})  # 'Trump called Zelensky': a call to a person
PHONE_WORDS = frozenset({"phone", "telephone", "telephonic", "video"})
AGREEMENT_VERBS = frozenset({"agree", "sign"})
AGREEMENT_NOUNS = frozenset({"agreement", "deal", "accord", "truce", "memorandum", "framework", "treaty", "pact"})
# What one side signs alone: 'signed a decree' is no agreement between sides.
UNILATERAL_ACTS = frozenset({"decree", "law", "bill", "order", "ordinance", "resolution", "edict", "directive"})
SEALING_VERBS = frozenset({"reach", "sign", "conclude", "yield", "strike", "seal", "clinch", "finalize", "finalise",
                           "produce", "secure"})

# --- what turns a mention into a non-event ----------------------------------------------
HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether", "once", "before", "until"})
HYPOTHETICAL_MODALS = frozenset({"would", "could", "might", "may", "should", "can", "must"})
UNREAL_HEADS = frozenset({"hope", "want", "propose", "seek", "urge", "demand", "refuse", "reject",
                          "deny", "rule", "wish", "insist", "try", "threaten", "need", "prepare",
                          "call", "push", "press", "avoid", "prevent", "resist", "oppose", "discuss",
                          "consider", "suggest", "offer", "condition", "envisage", "claim", "allege", "halt", "stop", "cease",
                          "suspend", "pause", "end", "ban", "refrain", "cancel",
                          "postpone", "scrap", "delay", "ready", "willing", "prepared", "effort",
                          "deadline", "invitation", "invite", "prohibit", "agree", "rumour", "rumor",
                          "speculation", "possibility", "prospect", "chance"})
# 'put on hold', 'put on ice': a happening shelved, not held.
SHELVED_AS = frozenset({"hold", "ice"})
# Nouns whose clause only says something is said to have happened ('reports that the sides had
# agreed'); rumours, speculation and claims are UNREAL_HEADS already, whatever hangs on them.
HEARSAY_NOUNS = frozenset({"report", "allegation", "suggestion"})
UNREAL_ADVERBS = frozenset({"allegedly", "supposedly", "purportedly"})
# How a sentence doubts what its subject does: 'talks could take place', 'will probably be held'.
DOUBT_ADVERBS = frozenset({"probably", "possibly", "perhaps", "maybe", "likely"})
ANAPHOR_DETS = frozenset({"the", "this", "that", "these", "those"})  # 'the talks': ones named before
UNREAL_MODIFIERS = frozenset({"possible", "potential", "hypothetical", "proposed", "eventual",
                              "future", "any", "no", "lasting", "comprehensive", "final",
                              "every", "each"})  # 'every round so far': talks in general, not one round
NEGATIONS = frozenset({"not", "n't", "never", "no"})
TOPIC_PREPS = frozenset({"on", "about", "over", "regarding", "for", "concerning"})

# --- facts that make a mention concrete ---------------------------------------------------
DAMAGE_WORDS = frozenset({"kill", "injure", "wound", "damage", "destroy", "die", "dead", "death",
                          "fire", "rubble", "casualty", "victim", "hurt", "blackout"})
FUTURE_AUX = frozenset({"will", "shall", "'ll"})
FUTURE_VERBS = frozenset({"expect", "schedule", "set", "plan", "due"})  # '(is) expected/set to'
FUTURE_ADJ = frozenset({"next", "upcoming", "coming", "forthcoming"})
SPEECH_VERBS = frozenset({"say", "tell", "state", "announce", "report", "claim", "write", "add", "note"})
# Verbs that tell what is set, not just said: 'confirmed (that) the delegations would meet'.
TELLING_VERBS = frozenset({"confirm", "announce", "inform", "explain", "reveal", "indicate", "disclose"})
# 'would like to meet', 'would prefer': a wish, even when told in the past.
WANTING_VERBS = frozenset({"like", "love", "prefer", "want", "wish", "hope", "rather"})
SUFFERING_VERBS = frozenset({"suffer", "endure", "face", "withstand", "repel", "undergo"})
# A place that does these is a side or a seat, not a target: 'Moscow's invasion', 'Kyiv accused
# Moscow', 'the president was in Berlin', 'talks in Geneva'.
SIDE_NOUNS = frozenset({"invasion", "war", "aggression", "force", "forces", "troop", "army", "military",
                        "demand", "position", "delegation", "offensive", "attack", "strike", "missile",
                        "drone", "campaign", "government", "leadership", "regime", "envoy", "ally"})
# Who rules a place: 'the Kyiv regime', 'the Moscow government', 'the Kharkiv authorities' name
# a side (the capital as a metonym for its rulers), not a spot hit.
RULER_NOUNS = frozenset({"regime", "government", "authorities", "authority", "leadership", "junta",
                         "administration", "rulers", "elite", "elites"})
BLAMING_VERBS = frozenset({"accuse", "blame", "condemn", "urge", "call", "warn", "ask", "tell", "thank",
                           "criticize", "criticise", "denounce", "hold"})
# Where something was said, not hit: 'in a statement from Moscow', 'at a briefing in Kyiv'.
STATEMENT_NOUNS = frozenset({"statement", "briefing", "interview", "address", "speech", "remark", "conference",
                             "post", "message", "communique", "communiqué", "broadcast"})
PRESENCE_VERBS = frozenset({"be", "visit", "travel", "arrive", "speak", "host", "meet", "gather",
                            "stay", "hold", "talk"})
TARGET_SUBJECT_VERBS = frozenset({"come", "be", "remain", "sustain", "report", "see", "lose"})
# A line that opens so links to another article ("Read also: …"): its events are that article's.
LINK_LABELS = ("read also", "read more", "see also", "also read", "related:")
REGION_NOUNS = frozenset({"region", "oblast", "province", "district"})
# A name before one of these is the water, not the city: 'the Dnipro river'.
WATER_NOUNS = frozenset({"river", "reservoir", "lake", "bay", "estuary", "lagoon", "canal"})
DATE_WORDS = frozenset({"overnight", "yesterday", "today", "tonight"})
TITLE_WORDS = frozenset({"governor", "mayor", "head", "chief", "authorities", "administration",
                         "officials", "police", "council"})
VENUE_NOUNS = frozenset({"city", "state", "capital", "town", "region", "country", "resort", "palace",
                         "village", "oblast", "province", "district", "suburb", "outskirts", "centre",
                         "center", "part", "side", "door", "hotel", "residence", "venue", "building", "villa",
                         "estate", "base", "embassy", "room", "club", "settlement"})
PARTICIPANT_PREPS = frozenset({"between", "with"})
CIRCUMSTANCE_PREPS = frozenset({"at", "during", "after", "following", "since", "amid", "ahead", "in"})
PLURAL_EVENT_NOUNS = frozenset({"talks", "negotiations"})  # the tagger sometimes reads 'talks' as a verb
ABOUT_EVENT_NOUNS = frozenset({"result", "outcome", "detail", "progress", "format", "prospect",
                               "success", "failure", "resumption", "idea", "possibility"})
PERSONAL_PRONOUNS = frozenset({"him", "her", "them", "us", "me", "you", "each", "one"})
SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we"})  # 'where he was received by Putin'
JOINT_PRONOUNS = frozenset({"they", "we"})  # 'they agreed to …' after two leaders spoke: both sides
# What sides agree on when they share a view rather than make a deal: 'agreed on the need for
# guarantees', 'agreed that the war must end'.
NEED_NOUNS = frozenset({"need", "importance", "necessity"})
NECESSITY_MODALS = frozenset({"must", "should"})
OFFER_NOUNS = frozenset({"proposal", "plan", "offer", "initiative", "terms", "request", "demand", "idea"})


def inflected(words: frozenset[str]) -> frozenset[str]:
    """Words with their regular inflections, for when the lemmatiser slips ('hopes' → 'hop')."""
    forms = {w + suffix for w in words for suffix in ("", "s", "es", "d", "ed", "ing")}
    forms |= {w[:-1] + suffix for w in words if w.endswith("e") for suffix in ("ing", "ed")}
    return frozenset(forms)


UNREAL_HEAD_FORMS = inflected(UNREAL_HEADS)
