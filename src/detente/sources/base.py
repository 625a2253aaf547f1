"""What every reader takes and gives: the reading options and the per-item failure record."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from detente.records import Document


class SourceFailure(BaseModel):
    """One file (or one line/entry of it) that could not be read; a batch goes on past it."""

    model_config = ConfigDict(extra="forbid")

    path: str
    reason: str


class PassedOver(BaseModel):
    """A file a folder walk did not read: not an article type (a spreadsheet, an image, notes).

    Not a failure: the folder holds it on purpose, and re-running the folder must not fail on it."""

    model_config = ConfigDict(extra="forbid")

    path: str
    reason: str


@dataclass(frozen=True)
class ReadOptions:
    """Where the text came from and the date that resolves yearless datelines."""

    path: Path
    reference_date: dt.date | None = None


Item = Document | SourceFailure
Reader = Callable[[str, ReadOptions], Iterator[Item]]
