"""Write the ledger out: CSV, JSON Lines, Parquet, and PLOVER-style JSONL of events and claims.

Exports carry effective (reviewed) values plus the review status; rejected records are left out.
"""
from __future__ import annotations

import csv
import io
import json
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from detente.codebook import Codebook
from detente.errors import LedgerError
from detente.ledger.entries import ENTRY, ClaimEntry, EventEntry, Stored
from detente.ledger.ledger import KINDS, Ledger
from detente.ledger.rows import column_names, flatten

FORMATS = ("csv", "jsonl", "parquet", "plover")
PLURAL = {"quote": "quotes", "claim": "claims", "event": "events"}
NESTED_OUT = ("speaker", "source", "review")

# PLOVER categories (openeventdata/PLOVER) nearest to detente's event types and claim stances.
PLOVER_EVENT_TYPE = {"strike": "ASSAULT", "ground_fighting": "ASSAULT", "prisoner_exchange": "CONCEDE",
                     "meeting": "CONSULT", "agreement": "AGREE", "other": "OTHER"}
PLOVER_STANCE = {"demand": "REQUEST", "proposal": "REQUEST", "rejection": "REJECT",
                 "acceptance": "AGREE", "assessment": "OTHER"}
EXTENSION = "detente"  # our own fields sit under this key in PLOVER records


def export(ledger: Ledger, to: str | Path, fmt: str, what: str = "all",
           codebook: Codebook | None = None) -> list[Path]:
    """Write ``what`` (quotes, claims, events, all) in ``fmt``; returns the files written.

    For csv/jsonl/parquet and ``all``, ``to`` is a folder that gets quotes/claims/events files.
    """
    if fmt not in FORMATS:
        raise LedgerError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    kinds = _kinds(what, fmt)
    to = Path(to)
    if fmt == "plover":
        _prepare(to.parent)
        return [write_plover(ledger, to, kinds, codebook)]
    if what == "all":
        _prepare(to)
        return [write(ledger.all(k), k, to / f"{PLURAL[k]}.{fmt}", fmt) for k in kinds]
    _prepare(to.parent)
    return [write(ledger.all(kinds[0]), kinds[0], to, fmt)]


def write(entries: Iterable[Stored], kind: str, path: Path, fmt: str) -> Path:
    with atomic(path) as tmp:
        if fmt == "jsonl":
            with tmp.open("w", encoding="utf-8") as out:
                for entry in entries:
                    out.write(_json(entry.model_dump(mode="json")) + "\n")
            return path
        header = flat_columns(kind)
        if fmt == "csv":
            with tmp.open("w", encoding="utf-8", newline="") as out:
                writer = csv.DictWriter(out, fieldnames=header)
                writer.writeheader()
                writer.writerows(cells(e) for e in entries)
        else:  # Parquet infers one schema from all rows, so it holds them in memory
            pq.write_table(_table([flat_row(e) for e in entries], header), tmp)
    return path


@contextmanager
def atomic(path: str | os.PathLike) -> Iterator[Path]:
    """A temporary file beside ``path`` that replaces it only once fully written: a full disk,
    a missing permission or an interruption leaves the old file (or none), never half of one.

    Otherwise it ends as a plain ``open(path, "w")`` would: missing folders are made, and the file
    gets the umask's mode (an existing file keeps its own), not the temporary file's private 0600.
    Errors name ``path``, never the temporary name."""
    path = Path(path)
    if path.exists() and not path.is_file():  # never replace a folder or a device (/dev/full)
        raise LedgerError(f"cannot write {path}: it exists and is not a regular file")
    _make_folder(path)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.close(fd)
    except OSError as exc:
        raise LedgerError(f"cannot write {path}: {exc.strerror or exc}") from exc
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, _plain_mode(path))
        os.replace(tmp, path)
    except OSError as exc:
        raise LedgerError(f"cannot write {path}: {exc.strerror or exc}") from exc
    finally:
        tmp.unlink(missing_ok=True)


def _make_folder(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:  # a file where a folder should be
        raise LedgerError(f"cannot write {path}: {path.parent} is not a folder") from None
    except OSError as exc:
        raise LedgerError(f"cannot write {path}: {exc.strerror or exc}") from exc


def _plain_mode(path: Path) -> int:
    """The mode ``open(path, "w")`` would leave: the existing file's, else 0666 less the umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process umask; reading it means setting it, so the restrictive 077 stands in meanwhile."""
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


def flat_columns(kind: str) -> list[str]:
    """Column order for tables: where the record lives first, then its fields."""
    names = column_names(ENTRY[kind], NESTED_OUT)
    first = ["id", "document_id", "published"]
    return first + [n for n in names if n not in first]


def flat_row(entry: Stored | dict[str, Any]) -> dict[str, Any]:
    """One CSV/Parquet row from an entry or its JSON dict (``Ledger.page_json``)."""
    return flatten(entry if isinstance(entry, dict) else entry.model_dump(mode="json"), NESTED_OUT)


def write_plover(ledger: Ledger, path: Path, kinds: list[str], codebook: Codebook | None) -> Path:
    with atomic(path) as tmp, tmp.open("w", encoding="utf-8") as out:
        for kind in kinds:
            for entry in ledger.all(kind):
                record = plover_event(entry, codebook) if kind == "event" else plover_claim(entry, codebook)
                out.write(_json(record) + "\n")
    return path


def _json(data: Any) -> str:
    """Strict JSON (no NaN or Infinity, which many parsers refuse); records hold finite numbers."""
    return json.dumps(data, ensure_ascii=False, allow_nan=False)


def plover_event(e: EventEntry, codebook: Codebook | None) -> dict[str, Any]:
    recipients = [p for p in e.participants if p != e.actor]
    recipient = recipients[0] if recipients else None
    return {
        **_story(e, f"event-{e.id}", e.date or e.published),
        "event_type": PLOVER_EVENT_TYPE.get(e.type, "OTHER"),
        "actor": e.actor, "actor_qid": _qid(codebook, e.actor),
        "recipient": recipient, "recipient_qid": _qid(codebook, recipient),
        "geolocation": _geolocation(e.locations[0]) if e.locations else None,
        "source_text": e.evidence,
        EXTENSION: {"kind": "event", **e.model_dump(mode="json", include={
            "type", "date", "date_precision", "participants", "locations", "start", "end"}),
            "review": e.review.status},
    }


def plover_claim(c: ClaimEntry, codebook: Codebook | None) -> dict[str, Any]:
    return {
        **_story(c, f"claim-{c.id}", c.published),
        "event_type": PLOVER_STANCE.get(c.stance, "OTHER"),
        "actor": c.party, "actor_qid": _qid(codebook, c.source.name),
        "recipient": None, "recipient_qid": None, "geolocation": None,
        "source_text": c.evidence,
        EXTENSION: {"kind": "claim", **c.model_dump(mode="json", include={
            "party", "issue", "stance", "position", "position_anchor", "summary", "source", "hedged", "hedges",
            "confidence", "start", "end"}), "review": c.review.status},
    }


def _story(entry: Stored, event_id: str, day) -> dict[str, Any]:
    return {"event_id": event_id, "event_date": day.isoformat() if day else None,
            "story_id": entry.document_id, "story_date": entry.published.isoformat() if entry.published else None,
            "story_url": entry.url, "story_title": entry.title, "publisher": entry.outlet}


def _geolocation(loc) -> dict[str, Any]:
    return {"name": loc.name, "geonameid": loc.geonameid, "lat": loc.lat, "lon": loc.lon, "country": loc.country}


def _qid(codebook: Codebook | None, name: str | None) -> str | None:
    """An actor's Wikidata QID, by codebook id or by any spelling of its name."""
    if not codebook or not name:
        return None
    actor = codebook.actor(name) or codebook.find_actor(name)
    return actor.qid if actor else None


def _kinds(what: str, fmt: str) -> list[str]:
    if what == "all":
        return ["event", "claim"] if fmt == "plover" else list(KINDS)
    kind = {v: k for k, v in PLURAL.items()}.get(what)
    if kind is None:
        raise LedgerError(f"cannot export {what!r}; choose quotes, claims, events or all")
    if fmt == "plover" and kind == "quote":
        raise LedgerError("PLOVER has no place for quotes; export events or claims (or all)")
    return [kind]


def _prepare(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LedgerError(f"cannot write to {folder}: {exc}") from exc




def _table(rows: list[dict[str, Any]], header: Iterable[str]) -> pa.Table:
    """Lists of strings and of locations stay nested; free-form dicts become JSON text."""
    header = list(header)
    data = [{k: (json.dumps(v, ensure_ascii=False) if isinstance(v, dict) else v) for k, v in r.items()}
            for r in rows]
    if not data:
        return pa.table({name: pa.array([], pa.null()) for name in header})
    return pa.Table.from_pylist(data).select(header)


# One CSV layout per record kind, the export's: ``detente quotes|claims|events --format csv`` and
# the REST API's ``format=csv`` write through here too, so a sheet reads the same whichever way it was made.
CHUNK = 64 * 1024  # characters a download sends at a time


def csv_chunks(kind: str, entries: Iterable) -> Iterator[str]:
    """The header, then the rows of ``entries`` (entries or their JSON dicts), a chunk at a time:
    a download streams without holding the whole list."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=flat_columns(kind), extrasaction="ignore")
    writer.writeheader()
    for entry in entries:
        writer.writerow(cells(entry))
        if buffer.tell() > CHUNK:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def cells(entry: Any) -> dict[str, Any]:
    """One row: lists and objects as strict JSON (as ``detente export`` writes them), the rest as is."""
    return {k: _json(v) if isinstance(v, list | dict) else v for k, v in flat_row(entry).items()}
