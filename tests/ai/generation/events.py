"""Reading server-sent events, and a client that leaves in the middle of a stream."""

from __future__ import annotations

import asyncio
import json
from collections.abc import MutableMapping
from typing import Any

from fastapi import FastAPI

from tests.helpers import Account


def parse_events(raw: str) -> list[tuple[str, Any]]:
    """(event, data) for each event of a text/event-stream body."""
    found = []
    for block in raw.strip().split("\n\n"):
        lines = dict(line.split(": ", 1) for line in block.splitlines())
        found.append((lines["event"], json.loads(lines["data"])))
    return found


async def leave_after_first_delta(
    app: FastAPI, path: str, body: dict[str, Any], account: Account
) -> list[bytes]:
    """Stream `path` as a browser does, closing the connection once the first delta arrives.

    Driven at the ASGI level: httpx's test transport only answers once the app has finished.
    """
    chunks: list[bytes] = []
    first_delta = asyncio.Event()
    asked = False

    async def receive() -> dict[str, Any]:
        nonlocal asked
        if not asked:
            asked = True
            return {"type": "http.request", "body": json.dumps(body).encode(), "more_body": False}
        await first_delta.wait()
        return {"type": "http.disconnect"}

    async def send(message: MutableMapping[str, Any]) -> None:
        if message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))
            if b"event: delta" in chunks[-1]:
                first_delta.set()

    headers = [
        (b"host", b"testserver"),
        (b"content-type", b"application/json"),
        (b"accept", b"text/event-stream"),
        (b"authorization", f"Bearer {account.access_token}".encode()),
    ]
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": headers,
        "client": ("127.0.0.1", 123),
        "server": ("testserver", 80),
    }
    await asyncio.wait_for(app(scope, receive, send), timeout=20)
    return chunks
