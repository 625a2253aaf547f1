"""API tokens: a random secret is shown once; the ledger keeps only its SHA-256.

A token is checked by hashing what the client sent and comparing digests in constant time
(``hmac.compare_digest``), so neither the stored table nor the timing tells a secret.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from detente.errors import LedgerError
from detente.ledger.models import ApiTokenRow

PREFIX = "dtn_"


class ApiToken(BaseModel):
    id: int
    name: str
    created_at: dt.datetime
    revoked_at: dt.datetime | None = None


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def create(session: Session, name: str) -> tuple[ApiToken, str]:
    """A new token named ``name`` and its secret (the only time the secret exists in the clear)."""
    if not name or not name.strip():
        raise LedgerError("a token needs a name (who or what uses it)")
    secret = PREFIX + secrets.token_urlsafe(32)
    row = ApiTokenRow(name=name.strip(), digest=digest(secret), created_at=dt.datetime.now(dt.timezone.utc))
    session.add(row)
    session.flush()
    return _token(row), secret


def revoke(session: Session, token: str) -> ApiToken:
    """Revoke by id or by name (every live token of that name)."""
    rows = session.scalars(select(ApiTokenRow).where(ApiTokenRow.revoked_at.is_(None))).all()
    chosen = [r for r in rows if str(r.id) == token or r.name == token]
    if not chosen:
        raise LedgerError(f"no live token with id or name {token!r}")
    now = dt.datetime.now(dt.timezone.utc)
    for row in chosen:
        row.revoked_at = now
    return _token(chosen[0])


def listed(session: Session) -> list[ApiToken]:
    return [_token(r) for r in session.scalars(select(ApiTokenRow).order_by(ApiTokenRow.id))]


def verify(session: Session, secret: str) -> ApiToken | None:
    """The live token whose secret this is, else None; digests are compared in constant time."""
    if not secret:
        return None
    wanted = digest(secret)
    found = None
    for row in session.scalars(select(ApiTokenRow).where(ApiTokenRow.revoked_at.is_(None))):
        if hmac.compare_digest(row.digest, wanted):
            found = row
    return _token(found) if found else None


def _token(row: ApiTokenRow) -> ApiToken:
    return ApiToken(id=row.id, name=row.name, created_at=row.created_at, revoked_at=row.revoked_at)
