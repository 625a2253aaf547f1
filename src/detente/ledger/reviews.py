"""Analysts' verdicts as history: the effective record is the machine's plus every correction, in order."""
from __future__ import annotations

import copy
import json
from typing import Any

from pydantic import ValidationError

from detente.errors import LedgerError
from detente.ledger.entries import RECORD, ReviewState
from detente.ledger.models import ReviewRow

ACTIONS = ("confirm", "correct", "reject")
STATUS = {"confirm": "confirmed", "correct": "corrected", "reject": "rejected"}


def apply(data: dict[str, Any], reviews: list[ReviewRow]) -> tuple[dict[str, Any], ReviewState]:
    """The effective record data and its review state; ``data`` itself is not changed."""
    if not reviews:
        return data, ReviewState()
    effective = copy.deepcopy(data)
    original: dict[str, Any] = {}
    for review in reviews:
        for path, value in (review.changes or {}).items():
            original.setdefault(path, _get(data, path))
            _set(effective, path, value)
    last = reviews[-1]
    state = ReviewState(status=STATUS[last.action], reviewer=last.reviewer, reviewed_at=last.created_at,
                        original=_jsonable(original))
    return effective, state


def checked_changes(kind: str, data: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """Validate corrections against the record type; values come back as JSON (``"42"`` -> 42.0)."""
    if not changes:
        raise LedgerError("a correction needs at least one FIELD=VALUE")
    trial = copy.deepcopy(data)
    for path, value in changes.items():
        try:
            _get(data, path)
        except KeyError:
            raise LedgerError(f"{kind} has no field {path!r}; fields: {', '.join(_paths(data))}") from None
        _set(trial, path, _parse(value))
    try:
        record = RECORD[kind].model_validate(trial)
    except ValidationError as exc:
        raise LedgerError(f"invalid correction for {kind}: {_first_error(exc)}") from None
    checked = record.model_dump(mode="json")
    return {path: _get(checked, path) for path in changes}


def applied(data: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """``data`` with ``changes`` (dotted paths) set, as a new dict."""
    out = copy.deepcopy(data)
    for path, value in changes.items():
        _set(out, path, value)
    return out


def _parse(value: Any) -> Any:
    """CLI values are strings; JSON lists/objects and null are read as such."""
    if isinstance(value, str) and (value[:1] in "[{" or value == "null"):
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            return value
    return value


def _get(data: dict, path: str) -> Any:
    value: Any = data
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            raise KeyError(path)
        value = value[part]
    return value


def _set(data: dict, path: str, value: Any) -> None:
    *parents, last = path.split(".")
    for part in parents:
        data = data[part]
    data[last] = value


def _paths(data: dict, prefix: str = "") -> list[str]:
    out = []
    for key, value in data.items():
        if isinstance(value, dict):
            out += _paths(value, f"{prefix}{key}.")
        else:
            out.append(prefix + key)
    return out


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    return json.loads(json.dumps(values, default=str))


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err["loc"])
    return f"{where}: {err['msg']}"
