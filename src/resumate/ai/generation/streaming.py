"""Server-sent events: `progress` {stage, message}, `delta` {text}, then `result` {…} or
`error` {error}. The page cancels by closing the connection, which cancels the work."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import anyio
from pydantic import BaseModel
from starlette.responses import StreamingResponse
from starlette.types import Receive, Scope, Send

from resumate.ai.generation.service import Emit
from resumate.errors import ResumateError

log = logging.getLogger("resumate.ai")

MEDIA_TYPE = "text/event-stream"
HEADERS = {"Cache-Control": "no-store", "X-Accel-Buffering": "no"}


def wants_events(accept: str | None) -> bool:
    return accept is not None and MEDIA_TYPE in accept.lower()


def event(name: str, data: Any) -> bytes:
    return f"event: {name}\ndata: {json.dumps(data, separators=(',', ':'))}\n\n".encode()


class EventStream(StreamingResponse):
    """Events until the work ends or the client leaves, whichever comes first.

    It listens for the client leaving whatever ASGI version the server speaks, and closes its
    events when it stops, so the work is cancelled at once rather than whenever the garbage
    collector finds it.
    """

    def __init__(self, work: Callable[[Emit], Awaitable[BaseModel]]) -> None:
        super().__init__(_events(work), media_type=MEDIA_TYPE, headers=HEADERS)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        events = self.body_iterator
        try:
            async with anyio.create_task_group() as group:

                async def stream() -> None:
                    with contextlib.suppress(OSError):  # the client is gone
                        await self.stream_response(send)
                    group.cancel_scope.cancel()

                async def listen() -> None:
                    await self.listen_for_disconnect(receive)
                    group.cancel_scope.cancel()

                group.start_soon(stream)
                group.start_soon(listen)
        finally:
            if isinstance(events, AsyncIterator) and hasattr(events, "aclose"):
                with anyio.CancelScope(shield=True):
                    await events.aclose()


async def _events(work: Callable[[Emit], Awaitable[BaseModel]]) -> AsyncIterator[bytes]:
    queue: asyncio.Queue[bytes | None] = asyncio.Queue()

    async def emit(name: str, data: dict[str, Any]) -> None:
        await queue.put(event(name, data))

    async def run() -> None:
        try:
            result = await work(emit)
            await queue.put(event("result", result.model_dump(mode="json", by_alias=True)))
        except ResumateError as error:
            await queue.put(event("error", error.body()))
        except Exception:
            log.exception("writing help failed")
            await queue.put(event("error", ResumateError().body()))
        finally:
            await queue.put(None)

    running = asyncio.create_task(run())
    try:
        while (chunk := await queue.get()) is not None:
            yield chunk
    finally:
        running.cancel()
        # Shielded: the model must have stopped and the usage been recorded before this ends.
        with anyio.CancelScope(shield=True), contextlib.suppress(asyncio.CancelledError):
            await running
