"""Reporting verbs, attribution phrases and role nouns: general language knowledge as data.

Keyed by language (textacy-style ``constants``) so a second language is a new entry, not new
code. Case knowledge (who is who) lives in the codebook YAML, never here.
"""
from __future__ import annotations

# Verbs whose subject is the source of a statement (lemmas).
REPORTING_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset("""
        say tell add note emphasize emphasise stress insist warn claim state declare announce
        explain argue write report reply respond conclude summarize summarise indicate suggest
        acknowledge admit assert comment confirm deny tweet post ask urge describe label accuse
        predict promise pledge vow threaten recall remark observe reiterate underline underscore
        mention maintain contend complain criticize criticise estimate allege quote demand
        propose recount joke concede caution boast lament wonder answer reveal caution signal
        testify brief inform assure agree disclose dismiss call characterize characterise
        believe think hope fear expect continue yell shout scream exclaim quip retort brand dub term
        counter interject chant read hint restate deem
    """.split()),
}

# Verbs that can introduce a content clause as an indirect quote; cognition verbs
# ("believe") attribute a view, which news attribution counts.
CLAUSE_VERBS: dict[str, frozenset[str]] = {
    "en": REPORTING_VERBS["en"] - frozenset({"call", "label", "describe", "characterize",
                                             "characterise", "accuse", "quote", "post", "continue",
                                             "brand", "dub", "term", "deem"}),
}

# Verbs whose object is what was said ("cited the derogatory comments", "urged supporters to
# monitor polls", "called for a ceasefire"): the object, or an infinitive/"for" phrase, is the content.
OBJECT_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset("""
        cite question mention defend criticize criticise urge encourage discuss praise blame
        reject dismiss deny announce propose demand promise recommend request reiterate
        condemn welcome endorse dispute acknowledge confirm report tout
    """.split()),
}

# Reporting verbs whose passive subject is the one spoken to ("was told that …", "was asked how …").
ADDRESSEE_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset("tell ask inform brief assure urge warn remind advise notify".split()),
}

# Verbs whose content clause is a finding or a view, not a speech act ("the study shows that …",
# "investigators found that …", "the court ruled that …"): content clauses only, never cues of a quote.
FINDING_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset("show find rule worry assume realize realise conclude determine".split()),
}

# Verbs of intention or stance whose infinitive is the position taken ("refused to endorse him",
# "plans to veto the bill", "vowed to fight").
INTENT_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset("""
        want plan refuse seek decline agree vow pledge promise threaten urge ask tell call
        encourage intend aim push press offer demand propose
    """.split()),
}

# Verbs of stance whose direct object is the position ("endorsed the plan", "mocked the ad").
STANCE_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset("""
        offer attack express endorse highlight support oppose back mock blast reference echo
        detail declare indicate recognize recognise accuse claim note slam applaud reaffirm
        emphasize emphasise stress tout decry denounce lambast ridicule hail champion advocate
    """.split()),
}

# Verb + preposition whose object is what was said: "called for a ceasefire", "spoke of reform".
PREP_CUES: dict[str, dict[str, frozenset[str]]] = {
    "en": {verb: frozenset(preps.split()) for verb, preps in {
        "call": "for", "speak": "of about", "talk": "about of", "respond": "to", "ask": "for about",
        "accuse": "of", "blame": "for", "rail": "against", "warn": "against about of",
        "complain": "about of", "blast": "for over", "criticize": "for over", "criticise": "for over",
        "attack": "for over", "praise": "for", "thank": "for", "argue": "for against",
        "push": "for", "advocate": "for", "lobby": "for against", "campaign": "for against",
        "comment": "on", "testify": "about", "write": "about of", "tweet": "about",
        "boast": "about of", "joke": "about", "apologize": "for", "apologise": "for",
        "insist": "on", "express": "about", "elaborate": "on", "reflect": "on",
    }.items()},
}

# Cognition verbs count only with an explicit content clause, never for a quoted fragment;
# "continue" and "read" only as the main verb beside a whole quote ("“…,” she continued",
# "“…,” the letter reads"), never for "despite talk of “progress,” the fighting continues".
WEAK_VERBS: dict[str, frozenset[str]] = {
    "en": frozenset({"believe", "think", "hope", "fear", "expect", "agree", "wonder", "continue", "read"}),
}

# Verb + fixed object that report speech: "as he put it, “…”".
IDIOM_CUES: dict[str, dict[str, str]] = {"en": {"put": "it"}}

# Prepositional attributions: "according to X, ...".
ACCORDING_TO: dict[str, tuple[str, str]] = {"en": ("according", "to")}
# One-word prepositions that do the same before a name ("…, per Reuters"); before a common noun
# they measure ("per day") or point to a text ("as per the agreement"), so only names count.
CITING_PREPS: dict[str, frozenset[str]] = {"en": frozenset({"per"})}
# "In his opinion, …", "in her words, …": the owner of the opinion is the source, as with
# "according to him" (the preposition, then the nouns).
IN_OPINION: dict[str, tuple[str, frozenset[str]]] = {
    "en": ("in", frozenset({"opinion", "view", "words", "assessment", "estimation", "judgment", "judgement"})),
}
# Of those, the nouns that quote: "in the words of X, the night was “the worst yet”" gives X the
# quoted words; "in X's view" may frame someone else's.
QUOTING_NOUNS: dict[str, frozenset[str]] = {"en": frozenset({"words"})}

# Nouns that name people by what they do: "the expert notes", "the minister said".
ROLE_NOUNS: dict[str, frozenset[str]] = {
    "en": frozenset("""
        expert analyst minister president spokesman spokeswoman spokesperson envoy official
        diplomat negotiator ambassador chancellor premier leader mayor governor secretary
        adviser advisor aide head chief commander general professor researcher scientist
        politician lawmaker senator deputy director representative chairman chair prosecutor
        economist commentator observer journalist correspondent editor source sources officer
        officials counterpart
    """.split()),
}

# Role words that name the same job: "Putin's spokesperson" is "the Kremlin spokesman".
ROLE_SYNONYMS: dict[str, dict[str, str]] = {
    "en": {"spokesperson": "spokesman", "spokeswoman": "spokesman", "advisor": "adviser",
           "premier": "prime", "envoy": "envoy", "chief": "head",
           "representative": "envoy", "emissary": "envoy", "aide": "adviser"},
}

# Words that make a title someone else's when they come right before it ("vice president",
# "deputy prime minister").
LESSER_TITLES: dict[str, frozenset[str]] = {"en": frozenset({"vice", "deputy", "former", "acting"})}
# Role words of a head of state or government: who "the Ukrainian leader" can be.
HEAD_ROLES: dict[str, frozenset[str]] = {
    "en": frozenset({"president", "prime", "chancellor", "leader", "king", "emir", "sultan"}),
}

# Nouns for a group or a document that speaks for a body: "the ministry said".
BODY_NOUNS: dict[str, frozenset[str]] = {
    "en": frozenset("""
        ministry government office administration kremlin statement report agency service
        council commission committee parliament department embassy army military forces
        command delegation side cabinet presidency court union alliance staff campaign
        mission spokesperson's
    """.split()),
}

# Nouns that only an organisation answers to ("the company added", "the operator said"): the name
# they take up is an organisation's, whatever the tagger made of it.
COMPANY_NOUNS: dict[str, frozenset[str]] = {
    "en": frozenset({"company", "operator", "firm", "utility", "corporation", "provider", "producer",
                     "manufacturer", "broadcaster", "conglomerate"}),
}

# Texts that speak as a document source of a claim ("the draft says", "“…,” the document says").
DOCUMENT_NOUNS: dict[str, frozenset[str]] = {
    "en": frozenset({"plan", "draft", "document", "text", "framework", "agreement", "memorandum",
                     "point", "clause", "treaty"}),
}
# Outlets as sources (lemmas; spaCy lemmatises "media" as "medium"): "state media reported" is
# an outlet, not the state.
MEDIA_NOUNS: dict[str, frozenset[str]] = {
    "en": frozenset({"media", "medium", "outlet", "newspaper", "report", "agency", "publication", "press",
                     "news", "broadcaster", "journalist", "reporter", "channel", "tabloid"}),
}

# Texts and media that speak in news attribution: "the letter reads", "a study that found …".
SOURCE_DOCUMENTS: dict[str, frozenset[str]] = {
    "en": frozenset("""
        letter study poll survey analysis article memo ad advertisement video footage book piece
        paper filing lawsuit complaint document documents email tweet post editorial column
        transcript record records data report statement release website page blog spot
    """.split()),
}

# Texts a body issues and that then speak for it ("the statement said"): the speaker is the
# body that issued the text.
ISSUED_NOUNS: dict[str, frozenset[str]] = {
    "en": frozenset("""
        statement release communique communiqué readout declaration letter message announcement
        address note post report
    """.split()),
}

# What someone said, as a noun: "Putin's remarks, which called …" are Putin's words.
SPOKEN_NOUNS: dict[str, frozenset[str]] = {
    "en": frozenset("word remark comment speech interview testimony tweet".split()),
}

# Verbs by which an outlet relays what someone else said ("…, Ushakov said, TASS reported"):
# the one it relays is the speaker.
RELAY_VERBS: dict[str, frozenset[str]] = {"en": frozenset({"report", "cite", "quote"})}
# Relay verbs whose object is the one relayed: "TASS quoted Peskov as saying …" (Peskov speaks).
CITING_VERBS: dict[str, frozenset[str]] = {"en": frozenset({"cite", "quote"})}

# Words that label a paragraph in news layouts ("Quote: “…”", "Source: X on Telegram"): a
# label before a colon is no speaker; a source label names one.
LABEL_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("quote quotes source sources details background reminder update context statement comment "
                    "comments".split()),
}
# "Quote from Sybiha:", "Statement by the ministry:": a label whose speaker follows these words.
LABEL_LINKS: dict[str, frozenset[str]] = {"en": frozenset({"from", "by", "of"})}
SOURCE_LABELS: dict[str, frozenset[str]] = {"en": frozenset({"source", "sources"})}
# A press release's "Quote: Prime Minister Keir Starmer" line names who speaks in the next one.
QUOTE_LABELS: dict[str, frozenset[str]] = {"en": frozenset({"quote", "quotes"})}
# Labels that open a line and name no one: "LIVE: Geneva talks, day two", "Q: How …?".
NOT_SPEAKER_LABELS: dict[str, frozenset[str]] = {
    "en": frozenset({"live", "breaking", "update", "updated", "watch", "video", "photo", "photos", "opinion",
                     "analysis", "explainer", "exclusive", "q", "a", "read", "editorial", "factbox", "timeline",
                     # a transcript's staff: they speak, but the label names no one
                     "host", "anchor", "interviewer", "moderator", "presenter", "question", "answer",
                     # the paper's own notes
                     "correction", "corrections", "clarification", "note", "editor's note"}),
}

# Heads of an unnamed source: its speaker has no name ("a source said", "officials said").
ANONYMOUS_HEADS: dict[str, frozenset[str]] = {
    "en": frozenset({"source", "sources", "official", "officials", "diplomat", "diplomats",
                     "insider", "insiders", "person", "people", "aide", "aides",
                     # the people around someone, not the person: "Trump's inner circle says …"
                     "circle", "entourage", "camp", "associate", "associates", "confidant", "confidants"}),
}

# Nouns that say a named someone is a person, not an office: "Olena Kovalchuk, a resident",
# "said Petro, a volunteer". An apposition with one of these (or with an age) makes a name a
# person whatever NER made of it (the small model reads many Ukrainian names as ORG).
PERSON_NOUNS: dict[str, frozenset[str]] = {
    "en": frozenset("""
        resident residents local witness survivor volunteer soldier serviceman servicewoman
        veteran medic paramedic doctor nurse teacher student pensioner retiree farmer worker
        driver engineer miner shopkeeper owner priest neighbour neighbor refugee evacuee
        mother father son daughter wife husband grandmother grandfather woman man girl boy
        citizen voter activist emigre émigré exile dissident
    """.split()),
}

# Words that tell a person's gender ("Ms. Tanden", "the spokeswoman"), so that "she" does not go
# to the most recent man; a person the text gives none of them stays open to either pronoun.
GENDER_WORDS: dict[str, dict[str, frozenset[str]]] = {"en": {
    "female": frozenset("""
        mrs. ms. miss mrs ms madam spokeswoman chairwoman congresswoman businesswoman
        wife mother daughter sister grandmother actress lady woman widow
    """.split()),
    "male": frozenset("""
        mr. mr sir spokesman chairman congressman businessman husband father son brother
        grandfather actor man widower
    """.split()),
}}
PRONOUN_GENDER: dict[str, dict[str, str]] = {"en": {
    "he": "male", "him": "male", "his": "male", "himself": "male",
    "she": "female", "her": "female", "hers": "female", "herself": "female",
}}

PRONOUNS: dict[str, frozenset[str]] = {
    "en": frozenset({"he", "she", "him", "her", "his", "hers"}),
}
FIRST_PERSON: dict[str, frozenset[str]] = {"en": frozenset({"i", "me", "my", "mine", "myself"})}
# "In our own words, …", "in my view, …" outside quotation marks: the writer's own voice, no source.
WRITER_POSSESSIVES: dict[str, frozenset[str]] = {"en": frozenset({"my", "our"})}
# Nouns that name others by their tie to the owner: "Ukraine's allies", "Russia's critics" are
# not the owner's side.
RELATION_NOUNS: dict[str, frozenset[str]] = {
    "en": frozenset("ally partner backer supporter sponsor neighbour neighbor enemy adversary foe rival critic "
                    "opponent".split()),
}
# Possessives that stand for a body or side, never one person: "its spokesman", "their envoy".
BODY_POSSESSIVES: dict[str, frozenset[str]] = {"en": frozenset({"its", "their"})}
GROUP_PRONOUNS: dict[str, frozenset[str]] = {"en": frozenset({"they", "it", "we", "i"})}
# Subjects that say nothing themselves: "she says it underscores …" is her report, not its.
MUTE_PRONOUNS: dict[str, frozenset[str]] = {
    "en": frozenset({"it", "what", "this", "that", "these", "those", "which", "something", "anything"}),
}

# Happenings cannot speak: in a headline's "X rejects Y, says talks 'moving forward'" the parse
# makes "talks" the subject of "says", whose own subject the headline left out.
MUTE_NOUNS: dict[str, frozenset[str]] = {
    "en": frozenset({"talk", "talks", "negotiation", "negotiations", "meeting", "summit", "war", "ceasefire",
                     "truce", "fighting", "conflict", "process", "progress"}),
}

# Phrases that attribute a quoted fragment without a verb lemma of the table.
FRAGMENT_CUES: dict[str, frozenset[str]] = {
    "en": frozenset({"call", "label", "describe", "characterize", "characterise", "dub",
                     "brand", "accuse", "term", "refer", "deem"}),
}

# Small words a title leaves in lower case: “Fox and Friends”, “The Art of the Deal”.
TITLE_MINOR_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("a an the and or of in on at to for with by from".split()),
}

# Marks that end a sentence.
SENTENCE_END = frozenset({".", "!", "?"})

# Opening mark -> closing marks it accepts. Straight marks pair by flanking (see quotes.py).
QUOTE_PAIRS: dict[str, str] = {"“": "”", "«": "»", "„": "“”", "‘": "’", "‹": "›", "‚": "‘’"}
STRAIGHT_MARKS = '"'

# Verbs whose subject is a link in a claim's source chain (lemmas): the core of REPORTING_VERBS
# plus verbs of view ("considers", "views") and of precision ("clarified", "specified").
REPORTING_LEMMAS: dict[str, frozenset[str]] = {
    "en": frozenset("""
        say tell state claim report note warn stress add announce indicate write emphasize
        emphasise explain declare confirm reveal describe insist argue suggest assert accuse
        label reiterate signal acknowledge believe think post
        specify clarify make view consider
    """.split()),
}

# Office holders: 'the Russian president', 'the Ukrainian leader' name one identifiable
# official (a subset of ROLE_NOUNS: the jobs one person of a side holds).
OFFICE_NOUNS: dict[str, frozenset[str]] = {
    "en": frozenset("""
        president minister spokesman spokeswoman spokesperson envoy leader adviser advisor
        chancellor secretary premier ambassador negotiator aide chief head commander
    """.split()),
}

# Lemmas of an unnamed source, as a claim's provenance counts them: ANONYMOUS_HEADS plus those
# who stay unnamed in talks ("a negotiator", "a participant", "diplomatic circles").
ANONYMOUS_NOUNS: dict[str, frozenset[str]] = {
    "en": frozenset({"source", "official", "diplomat", "insider", "person", "people", "aide",
                     "negotiator", "participant", "circle", "entourage", "camp", "associate", "confidant"}),
}

# Lemmas of people who speak for no side: an analyst's view is a quote, not a party's claim.
EXPERT_NOUNS: dict[str, frozenset[str]] = {
    "en": frozenset("""
        expert analyst professor doctor scholar researcher fellow economist observer
        commentator historian scientist philosophy
    """.split()),
}

# Double quotation marks, open or close: what a mention inside a quote sits between.
QUOTE_MARKS = frozenset({"“", "”", "«", "»", "„", '"'})
