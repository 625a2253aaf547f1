"""Read articles from files, folders and feeds into ``Document`` records.

``read_file`` reads one file (raising ``SourceError``); ``iter_documents`` streams a batch of
files and folders, yielding a ``SourceFailure`` for what cannot be read so the rest goes on; a
folder's files that are not of an article type are passed over (``PassedOver``), not failed.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

from detente.sources.base import PassedOver, SourceFailure
from detente.sources.documents import document_id, normalise_text
from detente.sources.encoding import DEFAULT_MAX_BYTES
from detente.sources.reader import READERS, iter_documents, read_file


def sample_paths() -> list[Path]:
    """The bundled sample articles (one per supported format), sorted."""
    folder = Path(str(resources.files("detente.sources") / "samples"))
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith((".", "_")))


__all__ = ["DEFAULT_MAX_BYTES", "PassedOver", "READERS", "SourceFailure", "document_id", "iter_documents",
           "normalise_text", "read_file", "sample_paths"]
