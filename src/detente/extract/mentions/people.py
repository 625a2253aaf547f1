"""The article's people, indexed once: every mention of a person, merged per person.

The small spaCy model mislabels Ukrainian surnames (Yagodzinsky as GPE), so people are found
from the parse and the codebook as well as from NER. One person under several
transliterations is one cluster (``person_keys``). The index is built once per article and
cached in ``ctx.scratch`` for the quotes', claims' and events' resolvers alike.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

import numpy
from spacy.symbols import NOUN, PROPN
from spacy.tokens import Span, Token

from detente.codebook.names import person_keys
from detente.codebook.schema import Actor
from detente.extract.context import ArticleContext
from detente.extract.paragraphs import heading_line
from detente.extract.mentions.vocabulary import (ANONYMOUS_HEADS, BODY_NOUNS, CITING_VERBS, GENDER_WORDS, HEAD_ROLES, LESSER_TITLES,
                                                 PERSON_NOUNS, PRONOUN_GENDER, ROLE_NOUNS, ROLE_SYNONYMS)
from detente.extract.mentions.phrases import name_tokens, quoted_tokens


_SCRATCH_KEY = "actors.index"


@dataclass
class Person:
    """One person of the article, all mentions merged."""

    key: str
    name: str
    role: str | None = None
    party: str = "NONE"
    actor: Actor | None = None
    mentions: list[int] = field(default_factory=list)  # token index of each mention's head
    roles: list[str] = field(default_factory=list)  # every role the text gives this person
    gender: str | None = None  # only where the text says ("Ms.", "spokeswoman")

    @property
    def is_body(self) -> bool:
        """A body the case knows ("State Department") that the index holds beside the people."""
        return self.actor is not None and self.actor.kind == "body"

    def role_words(self, day) -> set[str]:
        titles = list(self.roles)
        if self.actor is not None:
            titles += self.actor.titles_on(day)
        return {role_word(w) for t in titles for w in _own_words(t.lower().split())}


@dataclass
class MentionIndex:
    """People of one article and where they are mentioned (token order)."""

    people: dict[str, Person] = field(default_factory=dict)
    at: dict[int, str] = field(default_factory=dict)  # name-head token index -> person key
    # mentions "he" does not take up: inside quotes or headings, naming a thing ("the Trump
    # plan") or the owner of the one meant ("Putin's aide")
    asides: set[int] = field(default_factory=set)
    _cache: dict = field(default_factory=dict, repr=False, compare=False)

    def _cached(self, key, build):
        """Tables derived from ``at`` once per article, not at every mention (long live blogs
        made these lookups quadratic); rebuilt if mentions were added since."""
        hit = self._cache.get(key)
        if hit is None or hit[0] != len(self.at):
            hit = (len(self.at), build())
            self._cache[key] = hit
        return hit[1]

    def _positions(self) -> list[int]:
        return self._cached("positions", lambda: sorted(self.at))

    def _narrative(self) -> list[int]:
        return self._cached("narrative", lambda: sorted(set(self.at) - self.asides))

    def _role_hits(self, day) -> dict[str, list[tuple[int, str]]]:
        """Role word -> (mention position, person key), in order, for ``day``."""
        def build():
            words = {k: p.role_words(day) for k, p in self.people.items()}
            table: dict[str, list[tuple[int, str]]] = {}
            for j, k in sorted(self.at.items()):
                for w in words[k]:
                    table.setdefault(w, []).append((j, k))
            return table
        return self._cached(("roles", day), build)

    def before(self, i: int) -> Person | None:
        """The person mentioned most recently before token ``i``."""
        return self.antecedent(i, "")

    def antecedent(self, i: int, pronoun: str) -> Person | None:
        """The most recent person before ``i`` whom ``pronoun`` can stand for: "Mr. Doe met
        Ms. Roe. He said …" skips Ms. Roe; a person of unknown gender fits either pronoun; the
        ``asides`` are skipped."""
        want = PRONOUN_GENDER["en"].get(pronoun.lower())
        positions = self._narrative()
        for j in reversed(positions[:bisect_left(positions, i)]):
            person = self.people[self.at[j]]
            if want is None or person.gender in (None, want):
                return person
        return None

    def of_side(self, i: int, party: str) -> Person | None:
        """The person of ``party`` (not a body) mentioned most recently before token ``i``."""
        positions = self._narrative()
        for j in reversed(positions[:bisect_left(positions, i)]):
            person = self.people[self.at[j]]
            if person.party == party and not person.is_body:
                return person
        return None

    def with_role(self, noun: str, i: int, day=None, party: str | None = None) -> Person | None:
        """Most recent person before ``i`` whose role names ``noun``, else the first after it;
        with ``party``, one of that side or of none ("the Turkish minister" is not Lavrov). A
        "leader" is whoever heads a state or government ("president", "prime", …)."""
        table, noun = self._role_hits(day), role_word(noun)
        hits = sorted(h for w in (HEAD_ROLES["en"] if noun == "leader" else {noun}) for h in table.get(w, []))
        if party is not None:
            hits = [(j, k) for j, k in hits if self.people[k].party in (party, "NONE")]
        cut = bisect_left(hits, (i, ""))
        key = hits[cut - 1][1] if cut else (hits[0][1] if hits else None)
        return self.people[key] if key else None


def mention_index(ctx: ArticleContext) -> MentionIndex:
    """The article's people, built once and cached in ``ctx.scratch``."""
    index = ctx.scratch.get(_SCRATCH_KEY)
    if index is None:
        index = _build_index(ctx)
        ctx.scratch[_SCRATCH_KEY] = index
    return index


def is_person_name(name: str, ctx: ArticleContext) -> bool:
    """The name is one of the article's people (not a body, an outlet or a place)."""
    index = mention_index(ctx)
    return any(p.name == name for p in index.people.values())


def _build_index(ctx: ArticleContext) -> MentionIndex:
    index = MentionIndex()
    doc = ctx.doc
    heads = {e.root.i for e in doc.ents if e.label_ == "PERSON" and (len(e) > 1 or e.root.dep_.startswith("nsubj"))}
    proper = [doc[int(i)] for i in numpy.flatnonzero(doc.to_array("POS") == PROPN)]  # no Token per word
    for tok in proper:
        if tok.dep_ in ("nsubj", "nsubjpass", "pobj", "appos") \
                and (tok.dep_ != "pobj" or tok.head.head.lower_ == "according" or tok.head.dep_ == "agent"
                     or _titled(tok)) \
                or tok.dep_ == "dobj" and tok.head.lemma_.lower() in CITING_VERBS["en"] \
                or tok.dep_ == "conj" and tok.head.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ == "PROPN" \
                or tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ != "PROPN" and _set_off_role_name(tok):
            heads.add(tok.i)  # "TASS quoted Peskov"; "…, said the mayor of Dnipro, Borys Filatov."
    for tok in proper:  # full names the codebook knows, wherever the parse put them
        if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ != "PROPN" and tok.i - 1 >= 0 \
                and doc[tok.i - 1].pos_ == "PROPN" and _known(tok, ctx):
            heads.add(tok.i)
    for i in sorted(heads):
        _add_mention(index, doc[i], ctx)
    # later bare surnames of known people, whatever NER or the tagger made of them ("Zelenskyy
    # said" tagged as a common noun)
    surnames = set(index.people)
    nouns = [doc[int(i)] for i in numpy.flatnonzero(doc.to_array("POS") == NOUN)]
    for tok in sorted(proper + [t for t in nouns if t.text[:1].isupper()], key=lambda t: t.i):
        if tok.i not in index.at and tok.head.pos_ != "PROPN":
            key = person_key(tok.text)
            if key in surnames:
                index.at[tok.i] = key
                index.people[key].mentions.append(tok.i)
    quoted = quoted_tokens(ctx)
    index.asides = {j for j in index.at if quoted[j] or doc[j].dep_ == "compound"
                    or doc[j].dep_ == "poss" and doc[j].head.lemma_.lower() in ROLE_NOUNS["en"]
                    or heading_line(doc[j].sent)}
    return index


def _names_no_one(tok: Token, name: Span) -> bool:
    """A capitalised word that is no person: "Sen. Claire McCaskill (D-Mo.)" (a label in short
    parentheses), "the 13th Amendment", "the Dred Scott case" (a thing, unless NER says person)."""
    doc = tok.doc
    first = doc[name.start - 1] if name.start > 0 else None
    if first is not None and (first.ent_type_ == "ORDINAL" or first.text[:1].isdigit()
                              or first.lower_ == "the" and tok.ent_type_ != "PERSON"):
        return True
    before, after = doc[max(0, tok.i - 3):tok.i], doc[tok.i + 1:tok.i + 4]
    if first is not None and first.text in ("–", "—", "-") and any(t.text == ")" for t in after):
        return True  # "(… – Ed.)": the signature of a note in parentheses
    return any(t.text == "(" for t in before) and any(t.text == ")" for t in after) \
        and not any(t.text == ")" for t in before)


def _known(tok: Token, ctx: ArticleContext) -> bool:
    name = name_tokens(tok)
    return name is not None and ctx.codebook.find_actor(name.text) is not None


def _add_mention(index: MentionIndex, head: Token, ctx: ArticleContext) -> None:
    name = name_tokens(head)
    if name is None or is_party(name, ctx) or name.text.isupper() or head.lower_ in ROLE_NOUNS["en"] \
            or _names_no_one(head, name):
        return
    actor = ctx.codebook.find_actor(name.text)
    described = _described_as_person(head)
    if actor is None and head.ent_type_ not in ("PERSON", "") and len(name) < 2 and not described:
        if person_key(name.text) not in index.people:
            return  # a lone place or organisation word, not a person
    if actor is None and not _titled(head) and not _set_off_after_role(name) and not described \
            and head.ent_type_ in ("ORG", "NORP", "FAC", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"):
        return
    key = actor.id if actor else person_key(name.text)
    if not key:
        return
    person = index.people.get(key) or index.people.get(person_key(name.text))
    if person is not None and actor is None and _kin(person, name):
        key = f"{key}:{name[0].lower_}"  # "Rakeyia Scott" after "Keith Lamont Scott": his wife
        person = index.people.get(key)
    if person is None:
        person = Person(key=key, name=name.text, actor=actor,
                        party=actor.party if actor else "NONE")
        index.people[key] = person
        if actor:
            index.people.setdefault(person_key(name.text), person)
    if len(name.text) > len(person.name):  # the fullest form the article writes
        person.name = name.text
    role, party = _role_from_text(head, name, ctx)
    person.gender = person.gender or _gender(name, role)
    person.role = person.role or role
    if role:
        person.roles.append(role)
    if person.party == "NONE" and party:
        person.party = party
    index.at[head.i] = person.key if person.key in index.people else key
    person.mentions.append(head.i)


def _kin(person: Person, name: Span) -> bool:
    """Two full names with one surname and different first names are two people (a wife and
    her husband), not one; "Sergei"/"Sergey" are one first name spelled two ways, and "Suu Kyi"
    is the end of "Aung San Suu Kyi", not a relative."""
    mine, theirs = re.split(r"[\s\-]+", name.text.lower()), re.split(r"[\s\-]+", person.name.lower())
    if len(mine) < 2 or len(theirs) < 2 or person.actor is not None:
        return False
    if mine[-len(theirs):] == theirs or theirs[-len(mine):] == mine:
        return False
    return mine[0].isalpha() and theirs[0].isalpha() and mine[0][:3] != theirs[0][:3]


def _described_as_person(head: Token) -> bool:
    """"Olena Kovalchuk, a 54-year-old resident", "Tatiana Stanovaya, a political analyst": an
    apposition that gives an age, a noun only a person can be, or a person's role."""
    if head.ent_type_ in ("GPE", "LOC", "FAC"):
        return False  # "Speaking in Kyiv, the head of … said": a place the parse gave a title
    for app in (c for c in head.rights if c.dep_ == "appos"):
        lemma = app.lemma_.lower()
        role = lemma in ROLE_NOUNS["en"] and lemma not in ANONYMOUS_HEADS["en"] and app.tag_ == "NN"
        if app.pos_ == "NOUN" and (lemma in PERSON_NOUNS["en"] or role) or _an_age(app):
            return True
    return False


def _an_age(tok: Token) -> bool:
    """", 54," or "a 54-year-old …": a number of years of someone's life."""
    if tok.like_num and tok.pos_ == "NUM" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == ",":
        return True
    return any(t.lower_ == "old" and any(k.lower_ in ("year", "years") for k in t.subtree) for t in tok.subtree)


def _set_off_role_name(tok: Token) -> bool:
    name = name_tokens(tok)
    return name is not None and _set_off_after_role(name)


def _set_off_after_role(name: Span) -> bool:
    """"The mayor of Kharkiv, Ihor Terekhov, said": a name of two or three words set off by
    commas right after a role phrase is a person, whatever NER made of the run."""
    doc = name.doc
    if not 2 <= len(name) <= 3 or name.start < 2 or doc[name.start - 1].text != "," \
            or name.end < len(doc) and doc[name.end].text not in (",", ".", ";"):
        return False
    before = doc[max(0, name.start - 6):name.start - 1]
    return any(t.pos_ == "NOUN" and t.lemma_.lower() in ROLE_NOUNS["en"] for t in before)


def _titled(head: Token) -> bool:
    """A name of two or three words right after a body's title ("… Administration Oleh Kiper")."""
    name = name_tokens(head)
    if name is None or len(name) < 2 or name.start == 0:
        return False
    before = head.doc[name.start - 1]
    return before.pos_ == "PROPN" and before.lower_ in BODY_NOUNS["en"]


def _role_from_text(head: Token, name: Span, ctx: ArticleContext) -> tuple[str | None, str | None]:
    """Role and side from premodifiers ("Ukrainian Foreign Minister X") or an apposition."""
    doc = head.doc
    pre = [t for t in doc[head.left_edge.i:name.start] if t.pos_ not in ("DET", "PUNCT", "SPACE")]
    appos = [c for c in head.rights if c.dep_ == "appos" and c.pos_ == "NOUN"
             and doc[c.left_edge.i - 1].text != "("]
    words = pre
    if not pre and appos:
        words = [t for t in appos[0].subtree if t.pos_ not in ("DET", "PUNCT", "SPACE")]
    party = None
    for t in words:
        party = party or ctx.codebook.party_for_mention(t.text)
    poss = [k for k, t in enumerate(words) if t.dep_ == "case" or t.lower_ in ("'s", "’s")]
    if poss and words is pre:
        words = words[poss[-1] + 1:]  # "Putin's special envoy X": the role is "special envoy"
    words = [t for t in words if not ctx.codebook.party_for_mention(t.text)]
    role = " ".join(t.text for t in words).strip() or None
    return role, party


def _gender(name: Span, role: str | None) -> str | None:
    """What the name's title or the role says: "Mrs. Clinton", "Clinton spokeswoman Jen Psaki"."""
    words = [t.lower_ for t in name] + (role or "").lower().split()
    if name.start > 0:
        words.append(name.doc[name.start - 1].lower_)
    for gender, table in GENDER_WORDS["en"].items():
        if any(w in table for w in words):
            return gender
    return None


def _own_words(words: list[str]) -> list[str]:
    """A title's words that name what its holder is: a vice president is not "the president", a
    deputy minister not "the minister" (an acting mayor is "the mayor")."""
    return [w for k, w in enumerate(words) if k == 0 or words[k - 1] not in LESSER_TITLES["en"] - {"acting"}]


def role_word(word: str) -> str:
    return ROLE_SYNONYMS["en"].get(word, word)


def person_key(text: str) -> str:
    keys = person_keys(text)
    return keys[-1] if keys else ""


def is_party(span: Span, ctx: ArticleContext) -> bool:
    return ctx.codebook.party_for_mention(span.text) is not None


def party_named_in(span: Span, ctx: ArticleContext) -> str | None:
    """The party named by a metonym or adjective inside a phrase ('Kremlin spokesman', 'Russian')."""
    cb = ctx.codebook
    whole = cb.party_for_mention(span.text)
    if whole:
        return whole
    for size in (3, 2, 1):
        for i in range(span.start, span.end - size + 1):
            words = span.doc[i:i + size]
            hit = cb.party_for_mention(words.text) or _plural_demonym(words, ctx)
            if hit:
                return hit
    return None


def _plural_demonym(words: Span, ctx: ArticleContext) -> str | None:
    """'the Russians', 'Americans' → the party whose adjective they pluralise."""
    if len(words) != 1 or not words.text.endswith("s"):
        return None
    return ctx.codebook.party_for_mention(words.text[:-1])
