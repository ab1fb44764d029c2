"""The body limits: every path keeps the app's size limit but those given their own, and every
path the time limit."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from resumate.web.middleware import LimitBody

UPLOAD = "/api/upload"


async def measure(request: Request) -> JSONResponse:
    return JSONResponse({"received": len(await request.body())})


def client(max_seconds: float = 5) -> httpx.AsyncClient:
    routes = [Route(path, measure, methods=["POST"]) for path in ("/api/other", UPLOAD)]
    app = LimitBody(
        Starlette(routes=routes), max_bytes=1000, max_seconds=max_seconds, allowances={UPLOAD: 5000}
    )
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


async def streamed(size: int, pause: float = 0) -> AsyncIterator[bytes]:
    """A body without a Content-Length, sent in pieces of 100 bytes."""
    for _ in range(size // 100):
        await asyncio.sleep(pause)
        yield b"x" * 100


async def test_a_path_with_an_allowance_takes_a_body_up_to_its_own_limit() -> None:
    async with client() as http:
        assert (await http.post(UPLOAD, content=b"x" * 5000)).json() == {"received": 5000}
        assert (await http.post(UPLOAD, content=streamed(5000))).json() == {"received": 5000}
        assert (await http.post(UPLOAD, content=b"x" * 5001)).status_code == 413
        assert (await http.post(UPLOAD, content=streamed(5100))).status_code == 413


async def test_every_other_path_keeps_the_apps_limit() -> None:
    async with client() as http:
        assert (await http.post("/api/other", content=b"x" * 1000)).status_code == 200
        refused = await http.post("/api/other", content=b"x" * 1001)
        assert refused.status_code == 413
        assert refused.json()["error"]["message"] == "The request body must be at most 1000 bytes."
        assert (await http.post("/api/other", content=streamed(1100))).status_code == 413


async def test_a_slow_body_is_cut_off_on_a_path_with_an_allowance_too() -> None:
    async with client(max_seconds=0.3) as http:
        response = await http.post(UPLOAD, content=streamed(1000, pause=0.1))
    assert response.status_code == 408
