"""The REST API (FastAPI): the ledger's records, facets and downloads, ingest and review by token."""
from detente.api.app import create_app

__all__ = ["create_app"]
