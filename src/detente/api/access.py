"""Who may do what: reads are open to this machine (and to all with ``open_reads``), writes need a token."""
from __future__ import annotations

import ipaddress

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from detente.api.errors import ApiError

bearer = HTTPBearer(auto_error=False, description="an API token from `detente token create NAME`")
CHALLENGE = {"WWW-Authenticate": "Bearer"}


def local(request: Request) -> bool:
    host = request.client.host if request.client else ""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host in ("localhost", "testclient")


def secret_of(request: Request, form_token: str | None = None) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return form_token or None


def check_write(request: Request, form_token: str | None = None):
    """The token behind a write: 401 when none is given, 403 when it is unknown or revoked."""
    secret = secret_of(request, form_token)
    if not secret:
        raise ApiError(401, "this write needs an API token (Authorization: Bearer TOKEN; "
                            "create one with `detente token create NAME`)", headers=CHALLENGE)
    token = request.app.state.ledger.check_token(secret)
    if token is None:
        raise ApiError(403, "the API token is unknown or revoked")
    return token


async def reader(request: Request) -> None:
    """Reads from this machine are open; from elsewhere they need a token unless the server opened them."""
    if request.app.state.open_reads or local(request):
        return
    check_write(request)


async def writer(request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> object:
    return check_write(request)
