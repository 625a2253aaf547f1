"""Records to rows and back, by the naming rule of ``models.py`` (nested fields get a prefix).

Fields without a column go to the row's ``extras`` JSON and come back from it.
"""
from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from detente.ledger.models import ClaimRow, DocumentRow, EventLocationRow, EventRow, QuoteRow
from detente.records import Claim, Document, Event, Location, Quote

NESTED = {"quote": ("speaker",), "claim": ("source",), "event": ()}


def flatten(data: dict[str, Any], nested: tuple[str, ...]) -> dict[str, Any]:
    """``{"speaker": {"name": ..}}`` -> ``{"speaker_name": ..}``."""
    flat = dict(data)
    for key in nested:
        for sub, value in (flat.pop(key, None) or {}).items():
            flat[f"{key}_{sub}"] = value
    return flat


def unflatten(flat: dict[str, Any], nested: tuple[str, ...]) -> dict[str, Any]:
    data = dict(flat)
    for key in nested:
        prefix = f"{key}_"
        data[key] = {k[len(prefix):]: data.pop(k) for k in list(data) if k.startswith(prefix)}
    return data


def column_names(model: type[BaseModel], nested: tuple[str, ...] = (), skip: tuple[str, ...] = ()) -> list[str]:
    """The flat names a record type maps to."""
    names = []
    for name, info in model.model_fields.items():
        if name in skip:
            continue
        if name in nested:
            names += [f"{name}_{sub}" for sub in info.annotation.model_fields]
        else:
            names.append(name)
    return names


COLUMNS = {"quote": column_names(Quote, NESTED["quote"]), "claim": column_names(Claim, NESTED["claim"]),
           "event": column_names(Event, skip=("locations",))}


def to_row(row_type: type, flat: dict[str, Any], **keys: Any):
    """A row from flat record data; fields the table has no column for go to ``extras``."""
    own = set(row_type.__table__.columns.keys())
    extras = {k: v for k, v in flat.items() if k not in own}
    values = {k: v for k, v in flat.items() if k in own}
    return row_type(**values, **keys, extras=_jsonable(extras) or None)


def from_row(row, names: list[str]) -> dict[str, Any]:
    """Flat record data from a row; a field in neither a column nor ``extras`` takes its default."""
    own = set(type(row).__table__.columns.keys())
    extras = row.extras or {}
    out = {}
    for name in names:
        if name in own:
            out[name] = getattr(row, name)
        elif name in extras:
            out[name] = extras[name]
    return out


def document_row(document: Document, ingested_at) -> DocumentRow:
    return to_row(DocumentRow, document.model_dump(), ingested_at=ingested_at)


def document_from_row(row: DocumentRow) -> Document:
    return Document(**from_row(row, list(Document.model_fields)))


def quote_row(quote: Quote, document_id: str, actor_ref: str | None) -> QuoteRow:
    return to_row(QuoteRow, flatten(quote.model_dump(), NESTED["quote"]), document_id=document_id,
                  actor_ref=actor_ref)


def claim_row(claim: Claim, document_id: str) -> ClaimRow:
    return to_row(ClaimRow, flatten(claim.model_dump(), NESTED["claim"]), document_id=document_id)


def event_row(event: Event, document_id: str) -> EventRow:
    locations = [to_row(EventLocationRow, loc.model_dump()) for loc in event.locations]
    return to_row(EventRow, event.model_dump(exclude={"locations"}), document_id=document_id, locations=locations)


def record_data(kind: str, row) -> dict[str, Any]:
    """The record's fields (nested, python values) as the machine stored them."""
    data = unflatten(from_row(row, COLUMNS[kind]), NESTED[kind])
    if kind == "event":
        data["locations"] = [from_row(loc, list(Location.model_fields)) for loc in row.locations]
    return data


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    return json.loads(json.dumps(values, default=str))
