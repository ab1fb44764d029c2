"""A scripted model behind an OpenAI-compatible Chat Completions endpoint, on 127.0.0.1.

A test double of a remote model for the assistant's journeys: the small real model's words are
not predictable, and a journey needs to know which changes it will review. Each call answers with
the next scripted reply (JSON, or server-sent chunks when the app asks to stream), word by word,
`pace` seconds apart, so a journey can watch text arrive and cancel it. What the app sent is kept
in `requests` for the journey to inspect.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

MODEL = "scripted-model"


@dataclass
class Script:
    port: int
    replies: list[str] = field(default_factory=list)
    pace: float = 0.0
    requests: list[dict[str, Any]] = field(default_factory=list)
    # The Authorization header of each call: whose key reached this server.
    keys: list[str] = field(default_factory=list)
    cancelled: int = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def say(self, *replies: str | dict[str, Any], pace: float = 0.0) -> None:
        """Queue the next replies (a dict is sent as its JSON text), dropping any left over."""
        self.replies[:] = [r if isinstance(r, str) else json.dumps(r) for r in replies]
        self.pace = pace


def completion(text: str, usage: dict[str, int]) -> dict[str, Any]:
    return {
        "id": "chatcmpl-scripted",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": MODEL,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": text},
                "finish_reason": "stop",
            }
        ],
        "usage": usage,
    }


def chunk(delta: dict[str, str], finish: str | None = None) -> str:
    body = {
        "id": "chatcmpl-scripted",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": MODEL,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }
    return f"data: {json.dumps(body)}\n\n"


def build(script: Script) -> Starlette:
    async def chat(request: Request) -> Response:
        asked: dict[str, Any] = await request.json()
        script.requests.append(asked)
        script.keys.append(request.headers.get("authorization", ""))
        text = script.replies.pop(0) if script.replies else "{}"
        usage = {"prompt_tokens": 100, "completion_tokens": len(text) // 4 + 1}
        usage["total_tokens"] = usage["prompt_tokens"] + usage["completion_tokens"]
        if not asked.get("stream"):
            await asyncio.sleep(script.pace)
            return JSONResponse(completion(text, usage))

        async def words() -> AsyncIterator[str]:
            try:
                yield chunk({"role": "assistant", "content": ""})
                pieces = text.split(" ")
                for number, piece in enumerate(pieces, 1):
                    await asyncio.sleep(script.pace)
                    yield chunk({"content": piece if number == len(pieces) else piece + " "})
                yield chunk({}, "stop")
                if (asked.get("stream_options") or {}).get("include_usage"):
                    yield f"data: {json.dumps({'choices': [], 'usage': usage, 'model': MODEL})}\n\n"
                yield "data: [DONE]\n\n"
            except asyncio.CancelledError:
                script.cancelled += 1
                raise

        return StreamingResponse(words(), media_type="text/event-stream")

    async def models(request: Request) -> Response:
        return JSONResponse({"object": "list", "data": [{"id": MODEL, "object": "model"}]})

    return Starlette(
        routes=[
            Route("/v1/chat/completions", chat, methods=["POST"]),
            Route("/v1/models", models),
        ]
    )


@contextmanager
def scripted_model(port: int) -> Iterator[Script]:
    """Serve a scripted model on 127.0.0.1:`port` (base URL http://127.0.0.1:<port>/v1)."""
    script = Script(port)
    config = uvicorn.Config(build(script), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "the scripted model did not start"
        time.sleep(0.05)
    try:
        yield script
    finally:
        server.should_exit = True
        thread.join(timeout=10)
