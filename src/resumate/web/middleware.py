"""ASGI middleware: body size and time limits, security headers, a last-resort 500."""

from __future__ import annotations

import asyncio
import json
import logging
import re
import time
from collections.abc import Mapping

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from resumate.errors import PayloadTooLarge, RequestTimeout, ResumateError
from resumate.web.errors import is_page, server_error_response

log = logging.getLogger("resumate.http")

SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


async def _send_error(send: Send, error: ResumateError) -> None:
    body = json.dumps(error.body()).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    headers += [(k.lower().encode(), v.encode()) for k, v in error.headers().items()]
    await send({"type": "http.response.start", "status": error.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class _TrackedSend:
    """Wraps `send`, remembering whether the response has started (then no error can be sent)."""

    def __init__(self, send: Send) -> None:
        self.send = send
        self.started = False

    async def __call__(self, message: Message) -> None:
        self.started = self.started or message["type"] == "http.response.start"
        await self.send(message)


class _BodyRefused(HTTPException):
    # An HTTPException, because FastAPI turns any other error raised while it reads the body
    # into a 400; this one it re-raises, and the middleware answers with its own error.
    def __init__(self, error: ResumateError) -> None:
        super().__init__(error.status, error.message)
        self.error = error


class LimitBody:
    """Refuse bodies over the size limit with 413 (by Content-Length or while streaming), and
    bodies that take longer than `max_seconds` to arrive with 408: a client sending a byte a
    second holds no connection for longer than that.

    `allowances` gives a path a limit of its own (the import routes take a 10 MB file); every
    other path keeps `max_bytes`.
    """

    def __init__(
        self,
        app: ASGIApp,
        max_bytes: int,
        max_seconds: float,
        allowances: Mapping[str, int] | None = None,
        pattern_allowances: Mapping[re.Pattern[str], int] | None = None,
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.max_seconds = max_seconds
        self.allowances = dict(allowances or {})
        # Paths with an id in them (a resume's photo): matched whole.
        self.pattern_allowances = dict(pattern_allowances or {})

    def limit(self, path: str) -> int:
        found = (n for pattern, n in self.pattern_allowances.items() if pattern.fullmatch(path))
        return self.allowances.get(path) or next(found, self.max_bytes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit(scope["path"])
        too_large = PayloadTooLarge(_too_large(scope["path"], limit))
        for name, value in scope["headers"]:
            if name == b"content-length" and value.isdigit() and int(value) > limit:
                await _send_error(send, too_large)
                return
        received = 0
        deadline: float | None = None
        complete = False
        tracked = _TrackedSend(send)

        async def limited_receive() -> Message:
            nonlocal received, deadline, complete
            if complete:  # the body is in; what follows is the wait for a disconnect
                return await receive()
            deadline = deadline or time.monotonic() + self.max_seconds
            try:
                async with asyncio.timeout(deadline - time.monotonic()):
                    message = await receive()
            except TimeoutError:
                raise _BodyRefused(RequestTimeout()) from None
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _BodyRefused(too_large)
                complete = not message.get("more_body", False)
            return message

        try:
            await self.app(scope, limited_receive, tracked)
        except _BodyRefused as refused:
            if not tracked.started:
                await _send_error(send, refused.error)


def _too_large(path: str, limit: int) -> str:
    if not is_page(path):
        return f"The request body must be at most {limit} bytes."
    if limit > 2**20:
        return f"That is too large to send: at most {limit // 2**20:,} MB."
    return f"That is too large to send: at most {limit // 1024:,} KB."


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        is_api = scope["path"].startswith("/api/")

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name for name, _ in headers}
                headers += [(k, v) for k, v in SECURITY_HEADERS if k not in present]
                if is_api and b"cache-control" not in present:
                    headers.append((b"cache-control", b"no-store"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


class CatchUnhandled:
    """Answer an unexpected exception with the standard 500 and log one line, with no trace.

    Tracebacks and driver messages can carry SQL, tokens or resume content, so they stay out of
    both the response and the log; the exception type and the route are enough to start from.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        tracked = _TrackedSend(send)
        try:
            await self.app(scope, receive, tracked)
        except Exception as exc:
            log.error(
                "unhandled %s on %s %s", type(exc).__name__, scope.get("method"), scope.get("path")
            )
            if tracked.started:
                return
            if is_page(scope["path"]):
                htmx = (b"hx-request", b"true") in scope["headers"]
                await server_error_response(htmx=htmx)(scope, receive, send)
            else:
                await _send_error(send, ResumateError())
