"""Request size limit: a body over the limit is refused with 413 before a route reads it."""
from __future__ import annotations

import json

from detente.api.errors import body

DEFAULT_MAX_BODY = 5 * 1024 * 1024  # a saved article page is well under this


class BodyLimit:
    """Pure ASGI middleware: checks Content-Length, and counts a body sent without one."""

    def __init__(self, app, max_bytes: int = DEFAULT_MAX_BODY):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            return await self._refuse(send)
        if length is None and scope["method"] in ("POST", "PUT", "PATCH"):
            chunks, size = [], 0
            while True:
                message = await receive()
                chunk = message.get("body", b"")
                size += len(chunk)
                if size > self.max_bytes:
                    return await self._refuse(send)
                chunks.append(chunk)
                if not message.get("more_body"):
                    break
            whole = b"".join(chunks)
            sent = False

            async def replay():
                nonlocal sent
                if sent:
                    return await receive()
                sent = True
                return {"type": "http.request", "body": whole, "more_body": False}

            return await self.app(scope, replay, send)
        return await self.app(scope, receive, send)

    async def _refuse(self, send):
        content = json.dumps(body(413, f"request body over the limit of {self.max_bytes} bytes")).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(content)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": content})
