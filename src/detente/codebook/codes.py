"""Party, issue and event-type codes as an analyst types them ("rus", "Territory"): the codebook's
own code, or one line naming the codes there are.

Every command and REST route that takes a code resolves it here, so a code that works in one works
in all, and a typo is an error rather than an empty answer that reads as "no claims". The CLI and
the REST API both read codes through here.
"""
from __future__ import annotations

from typing import Any, get_args

from detente.codebook.schema import NONE_PARTY, Codebook
from detente.errors import DetenteError
from detente.records import EventType, SourceType, Stance


class UnknownFilterError(DetenteError):
    """A party, issue or event-type code the case's codebook does not define."""

# filter name -> what it names (the list filters of quotes, claims and events share these names)
FILTERS = {"party": "party", "issue": "issue", "type": "event type", "stance": "stance", "source_type": "source type"}
KNOWN = {"party": "the case's parties", "issue": "the case's issues", "event type": "the event types",
         "stance": "the stances", "source type": "the source types"}
FIXED = {"event type": EventType, "stance": Stance, "source type": SourceType}  # the record contract's own
# per record kind: the fields a correction may set to a code (dotted, as ``review --correct`` takes them)
CORRECTED = {"quote": {"speaker.party": "party"}, "claim": {"party": "party", "issue": "issue"},
             "event": {"type": "event type"}}


def known(codebook: Codebook | None, given: dict[str, Any], *, unattributed: bool = False) -> dict[str, Any]:
    """``given`` (filter name -> value) with each party, issue and event type as the codebook spells it.

    ``unattributed``: NONE is a party too, as in records whose speaker or party is unknown; the
    analysis has no positions for it, so there it stays unknown."""
    codebook = _case(codebook)
    return {name: code(codebook, FILTERS[name], value, unattributed=unattributed) if name in FILTERS else value
            for name, value in given.items()}


def code(codebook: Codebook | None, what: str, given: str | None, *, unattributed: bool = False) -> str | None:
    """One code in any case as the codebook (or the record contract) spells it; nothing given stays so."""
    if not given:
        return given
    choices = _choices(_case(codebook), what, unattributed)
    found = {c.lower(): c for c in choices}.get(given.lower())
    if found is None:
        raise UnknownFilterError(f"unknown {what} {given!r}; {KNOWN[what]}: {', '.join(choices)}")
    return found


def overrides(codebook: Codebook | None, changes: dict[str, Any]) -> dict[str, Any]:
    """Forecast overrides (checked by ``forecast.check_overrides``) keyed by the codebook's codes."""
    codebook = _case(codebook)

    def party(value: str) -> str:
        return code(codebook, "party", value)

    def per_issue(cells: dict) -> dict:
        return {code(codebook, "issue", issue): value for issue, value in cells.items()}

    out = dict(changes)
    for key in ("positions", "salience"):
        if key in out:
            merged: dict[str, dict] = {}
            for name, cells in out[key].items():
                merged.setdefault(party(name), {}).update(per_issue(cells))
            out[key] = merged
    if "capability" in out:
        out["capability"] = {party(name): value for name, value in out["capability"].items()}
    if "drop" in out:
        out["drop"] = [party(name) for name in out["drop"]]
    return out


def corrections(codebook: Codebook | None, kind: str, changes: dict[str, Any] | None) -> dict[str, Any] | None:
    """A review's corrections (dotted field -> value) with their codes as the codebook spells them:
    ``party=ukr`` sets UKR, as ``--party ukr`` finds it."""
    fields = CORRECTED.get(kind, {})
    if not changes or not fields:
        return changes
    return {field: code(codebook, fields[field], value, unattributed=True)
            if field in fields and isinstance(value, str) else value for field, value in changes.items()}


def _choices(codebook: Codebook, what: str, unattributed: bool) -> list[str]:
    if what == "party":
        return [p.code for p in codebook.parties] + ([NONE_PARTY] if unattributed else [])
    if what == "issue":
        return [i.id for i in codebook.issues]
    return list(get_args(FIXED[what]))


def _case(codebook: Codebook | None) -> Codebook:
    """A ledger opened without a case and before any ingest reads with the default one."""
    if codebook is not None:
        return codebook
    from detente import settings

    return settings.codebook()
