"""The case codebook: who is who and what the issues are, as validated data.

A case is YAML, never Python, so the same system serves any negotiation.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from detente.codebook.names import ROLE_KEYS, given_keys, given_names_agree, name_key, person_keys
from detente.errors import CodebookError

NONE_PARTY = "NONE"


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Party(Model):
    code: str = Field(pattern=r"^([A-Z]{3}|EU)$", description="ISO 3166-1 alpha-3, or EU")
    name: str
    names: list[str] = Field(default_factory=list, description="other names and metonyms: 'the Kremlin', 'Moscow'")
    adjectives: list[str] = Field(default_factory=list, description="'Russian'")
    capability: float | None = Field(default=None, ge=0, description="default for bargaining models")
    salience: dict[str, float] = Field(default_factory=dict, description="issue id -> 0..100 default")
    head_office: list[str] = Field(default_factory=list, description=(
        "names that stand for the office of the party's head ('the Kremlin', 'Bankova'): its text in "
        "the first person singular is the head's words"))
    head_title: str = Field(default="president", description="the head's role noun ('prime minister')")


class Role(Model):
    title: str
    start: dt.date | None = None
    end: dt.date | None = None
    org: str | None = None

    @model_validator(mode="after")
    def _ordered(self) -> "Role":
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"role {self.title!r} ends before it starts")
        return self

    def holds_on(self, day: dt.date | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


class Actor(Model):
    id: str
    name: str
    kind: Literal["person", "body"] = "person"
    party: str
    qid: str | None = Field(default=None, pattern=r"^Q\d+$")
    aliases: list[str] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)

    def role_on(self, day: dt.date | None) -> str | None:
        """The title held on ``day`` (the latest-starting if several); the current one when undated."""
        role = self.held_on(day)
        return role.title if role is not None else None

    def titles_on(self, day: dt.date | None) -> list[str]:
        """Every title held on ``day``, latest-starting first: Rubio was secretary of state and
        national security adviser at once, and either title names him."""
        return [r.title for r in self._held(day)]

    def held_on(self, day: dt.date | None) -> "Role | None":
        """The role held on ``day``, with its body (``org``)."""
        held = self._held(day)
        return held[0] if held else None

    def _held(self, day: dt.date | None) -> list["Role"]:
        """The roles held on ``day``, latest-starting first; the current one when undated."""
        held = [r for r in self.roles if r.holds_on(day)]
        if not held and day is None and self.roles:
            held = self.roles[-1:]
        return sorted(held, key=lambda r: r.start or dt.date.min, reverse=True)

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]


class ScalePoint(Model):
    value: float = Field(ge=0, le=100)
    label: str
    description: str = ""
    cues: list[str] = Field(default_factory=list, description="phrases that place a claim at this point")


class Issue(Model):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str
    description: str
    cues: list[str] = Field(default_factory=list)
    scale: list[ScalePoint] = Field(default_factory=list)
    scale_meaning: str = Field(default="", description="what low and high mean")
    process: bool = Field(default=False, description="the negotiation itself: a party's bare statement "
                          "about it ('X said it has not received the plan') is its assessment of the talks")
    shared_scale: bool = Field(default=True, description="false for a catch-all issue whose 0–100 is per item: "
                               "positions of different claims are not comparable, so analysis draws no series")

    @field_validator("scale")
    @classmethod
    def _sorted(cls, scale: list[ScalePoint]) -> list[ScalePoint]:
        values = [p.value for p in scale]
        if values != sorted(values) or len(set(values)) != len(values):
            raise ValueError("scale points must have distinct values in increasing order")
        return scale


class CasePlace(Model):
    """A place the gazetteer lacks or spells differently in this case (a venue, a local name)."""

    name: str
    aliases: list[str] = Field(default_factory=list)
    geonameid: int | None = Field(default=None, description="GeoNames id; coordinates filled from it when known")
    lat: float | None = None
    lon: float | None = None
    country: str | None = Field(default=None, description="ISO alpha-2")
    kind: Literal["city", "region", "country", "venue"] = "venue"


class Codebook(Model):
    case: str
    name: str
    description: str = ""
    language: str = "en"
    country_context: list[str] = Field(default_factory=list, description="ISO alpha-2 codes, most likely first: breaks geocoding ties")
    parties: list[Party]
    actors: list[Actor] = Field(default_factory=list)
    issues: list[Issue]
    places: list[CasePlace] = Field(default_factory=list, description="case-specific places and spellings for geocoding")
    belligerents: list[str] = Field(default_factory=list, description="party codes at war: a strike suffered by one is by the other")

    @model_validator(mode="after")
    def _consistent(self) -> "Codebook":
        codes = [p.code for p in self.parties]
        _unique("party code", codes)
        _unique("actor id", [a.id for a in self.actors])
        _unique("issue id", [i.id for i in self.issues])
        known = set(codes) | {NONE_PARTY}
        for a in self.actors:
            if a.party not in known:
                raise ValueError(f"actor {a.id!r} has unknown party {a.party!r}")
        for b in self.belligerents:
            if b not in known:
                raise ValueError(f"belligerent {b!r} is not a party")
        for p in self.parties:
            bad = set(p.salience) - {i.id for i in self.issues}
            if bad:
                raise ValueError(f"party {p.code!r} gives salience for unknown issues {sorted(bad)}")
        return self

    # --- loading -----------------------------------------------------------------
    @classmethod
    def load(cls, path: str | Path) -> "Codebook":
        path = Path(path)
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise CodebookError(f"{path}: cannot read codebook: {exc}") from exc
        return cls.from_dict(data, origin=str(path))

    @classmethod
    def from_dict(cls, data: object, origin: str = "<codebook>") -> "Codebook":
        if not isinstance(data, dict):
            raise CodebookError(f"{origin}: a codebook is a mapping, got {type(data).__name__}")
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            raise CodebookError(f"{origin}: invalid codebook:\n{_explain(exc, data)}") from exc

    @classmethod
    def bundled(cls, case: str = "us_russia_ukraine") -> "Codebook":
        """A case shipped with the package."""
        res = resources.files("detente.codebook") / "cases" / f"{case}.yaml"
        if not res.is_file():
            raise CodebookError(f"no bundled case {case!r}; have: {', '.join(bundled_cases())}")
        return cls.from_dict(yaml.safe_load(res.read_text(encoding="utf-8")), origin=f"bundled:{case}")

    # --- lookups -----------------------------------------------------------------
    def party(self, code: str) -> Party | None:
        return self._parties.get(code)

    def issue(self, issue_id: str) -> Issue | None:
        return self._issues.get(issue_id)

    def actor(self, actor_id: str) -> Actor | None:
        return self._actors.get(actor_id)

    def find_actor(self, name: str) -> Actor | None:
        """Match a name as written ('Serhiy Yagodzinsky', 'Zelenskiy', 'Peskov') to an actor.

        Full names win over surnames. A surname alone, or with only role words around it
        ('Foreign Minister Lavrov'), matches only when one actor has it; a surname with a given
        name matches only the actor whose given name agrees, so 'Vladimir Alexeyev' never
        becomes Vladimir Putin and 'Ivan Fedorov' is not Mykhailo Fedorov.
        """
        keys = person_keys(name)
        if keys and keys[0] == "the":
            keys = keys[1:]
        if not keys:
            return None
        hit = self._by_full.get(" ".join(keys))
        if hit:
            return hit
        cands = self._by_surname.get(keys[-1], [])
        given = given_keys(keys) - ROLE_KEYS - self._party_word_keys
        if given:
            cands = [a for a in cands if not self._given[a.id] or given_names_agree(given, self._given[a.id])]
        return cands[0] if len(cands) == 1 else None

    def head_office_of(self, text: str) -> Party | None:
        """The party whose head's office a name stands for ('the Kremlin'), if any."""
        key = name_key(text)
        return next((p for p in self.parties if any(name_key(n) == key for n in p.head_office)), None)

    def party_for_mention(self, text: str) -> str | None:
        """The party a name, adjective or metonym ('the Kremlin', 'Kyiv', 'Russian') stands for.

        Acronyms match only when written in capitals: 'US' is the United States, 'us' is not.
        """
        key = name_key(text)
        if key in self._acronym_keys and not any(c.isupper() for c in text):
            return None
        return self._party_names.get(key)

    def opponent(self, code: str | None) -> str | None:
        """The other side when exactly two parties are at war; None otherwise."""
        if code in self.belligerents and len(self.belligerents) == 2:
            return next(b for b in self.belligerents if b != code)
        return None

    @cached_property
    def _parties(self) -> dict[str, Party]:
        return {p.code: p for p in self.parties}

    @cached_property
    def _issues(self) -> dict[str, Issue]:
        return {i.id: i for i in self.issues}

    @cached_property
    def _actors(self) -> dict[str, Actor]:
        return {a.id: a for a in self.actors}

    @cached_property
    def _by_full(self) -> dict[str, Actor]:
        out: dict[str, Actor] = {}
        for a in self.actors:
            for n in a.names:
                out.setdefault(" ".join(person_keys(n)), a)
        return out

    @cached_property
    def _by_surname(self) -> dict[str, list[Actor]]:
        out: dict[str, list[Actor]] = {}
        for a in self.actors:
            if a.kind != "person":
                continue
            for s in {person_keys(n)[-1] for n in a.names if person_keys(n)}:
                out.setdefault(s, []).append(a)
        return out

    @cached_property
    def _acronym_keys(self) -> set[str]:
        forms = [n for p in self.parties for n in [p.name, *p.names, *p.adjectives]]
        caps = {name_key(n) for n in forms if re.sub(r"^the\s+", "", n).isupper()}
        return caps - {name_key(n) for n in forms if not re.sub(r"^the\s+", "", n).isupper()}

    @cached_property
    def _given(self) -> dict[str, set[str]]:
        return {a.id: set().union(*(given_keys(person_keys(n)) for n in a.names)) for a in self.actors}

    @cached_property
    def _party_word_keys(self) -> set[str]:
        """Name tokens of parties ('Russian', 'Kremlin'): they qualify a name, they are not given names."""
        words = (w for p in self.parties for n in [p.name, *p.names, *p.adjectives] for w in person_keys(n))
        return set(words)

    @cached_property
    def _party_names(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for p in self.parties:
            for n in [p.name, *p.names, *p.adjectives]:
                out.setdefault(name_key(n), p.code)
        return out


def bundled_cases() -> list[str]:
    root = resources.files("detente.codebook") / "cases"
    return sorted(p.name[:-5] for p in root.iterdir() if p.name.endswith(".yaml"))


def _explain(exc: ValidationError, data: dict) -> str:
    """One line per error, naming the actor/issue/party by its id rather than its list index."""
    lines = []
    for err in exc.errors():
        parts = [_loc_part(data, err["loc"][:i + 1]) for i in range(len(err["loc"]))]
        where = "".join(p if p.startswith("[") or not n else f".{p}" for n, p in enumerate(parts))
        msg = err["msg"].removeprefix("Value error, ")
        lines.append(f"  {where or 'codebook'}: {msg}")
    return "\n".join(lines)


def _loc_part(data: object, loc: tuple) -> str:
    """``actors.3`` reads as ``actors[kirill_dmitriev]`` when item 3 has an id."""
    node = data
    for part in loc[:-1]:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return str(loc[-1])
    last = loc[-1]
    if isinstance(last, int) and isinstance(node, list) and last < len(node) and isinstance(node[last], dict):
        label = node[last].get("id") or node[last].get("code") or node[last].get("title")
        return f"[{label}]" if label else f"[{last}]"
    return str(last)


def _unique(what: str, values: list[str]) -> None:
    seen: set[str] = set()
    for v in values:
        if v in seen:
            raise ValueError(f"duplicate {what} {v!r}")
        seen.add(v)
