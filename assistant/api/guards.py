"""ASGI guards that act before a request body is read: API keys on /v1/*, and request size limits."""

from __future__ import annotations

import hmac
from collections.abc import Callable, Sequence

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.api.errors import error_response


def _header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope.get("headers", ()):
        if key.lower() == name:
            return value
    return None


def is_v1(path: str) -> bool:
    return path == "/v1" or path.startswith("/v1/")


class ApiKeys:
    """With keys configured, every /v1/* request needs `Authorization: Bearer <key>`; health and docs stay open."""

    def __init__(self, app: ASGIApp, *, keys: Sequence[str]) -> None:
        self.app = app
        self.keys = [key.encode("utf-8") for key in keys if key]  # an empty key would let an empty token in

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and self.keys and is_v1(scope["path"]) and not self._allowed(scope):
            message = "missing or wrong API key: send the header `Authorization: Bearer <key>`"
            response = error_response(scope["path"], 401, message, headers={"WWW-Authenticate": "Bearer"})
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _allowed(self, scope: Scope) -> bool:
        scheme, _, token = (_header(scope, b"authorization") or b"").partition(b" ")
        if scheme.lower() != b"bearer":
            return False
        token = token.strip()
        matched = False
        for key in self.keys:  # constant time per key, and every key is tried
            matched |= hmac.compare_digest(token, key)
        return matched


class BodyLimit:
    """Answers 413 for a body over the path's limit: at once when Content-Length says so, else while reading."""

    def __init__(self, app: ASGIApp, *, limit_for: Callable[[str], tuple[int, str] | None]) -> None:
        self.app = app
        self.limit_for = limit_for  # path -> (limit in bytes, the setting that sets it), None: not ours to limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        limited = self.limit_for(scope["path"]) if scope["type"] == "http" else None
        if limited is None:
            await self.app(scope, receive, send)
            return
        limit, setting = limited
        message = f"the request body is larger than {limit} bytes (the limit is set by {setting})"
        length = _header(scope, b"content-length")
        if length is not None and length.isdigit() and int(length) > limit:
            await error_response(scope["path"], 413, message)(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            got = await receive()
            if got["type"] == "http.request":
                received += len(got.get("body", b""))
                if received > limit:  # raised inside the app, so its handlers turn it into the 413 response
                    raise HTTPException(413, detail=message)
            return got

        await self.app(scope, counted, send)
