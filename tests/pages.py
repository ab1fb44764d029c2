"""Page tests' client: it also records which template rendered with what context."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import httpx
from fastapi import FastAPI
from starlette.types import Message, Receive, Scope, Send

from tests.helpers import Account


@dataclass
class Rendered:
    template: str
    context: dict[str, Any]


@dataclass
class PageClient:
    """An httpx client whose every page render is kept in `rendered`, newest last."""

    http: httpx.AsyncClient
    rendered: list[Rendered] = field(default_factory=list)

    @property
    def last(self) -> Rendered:
        assert self.rendered, "no template was rendered"
        return self.rendered[-1]

    @property
    def csrf(self) -> str:
        return self.http.cookies.get("resumate_csrf") or ""

    async def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return await self.http.get(url, **kwargs)

    async def post(self, url: str, **kwargs: Any) -> httpx.Response:
        """A form post carrying the CSRF token, as the pages' forms do."""
        data = {"csrf_token": self.csrf, **kwargs.pop("data", {})}
        return await self.http.post(url, data=data, **kwargs)

    async def htmx(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        """A request as htmx sends it: HX-Request and the CSRF header."""
        headers = {"HX-Request": "true", "X-CSRF-Token": self.csrf, **kwargs.pop("headers", {})}
        return await self.http.request(method, url, headers=headers, **kwargs)

    async def sign_in(self, account: Account) -> None:
        await self.get("/login")
        response = await self.post(
            "/login", data={"email": account.email, "password": account.password}
        )
        assert response.status_code == 303, response.text


class RecordRenders:
    """ASGI wrapper asking Starlette to report each template render (its debug extension)."""

    def __init__(self, app: FastAPI, rendered: list[Rendered]) -> None:
        self.app = app
        self.rendered = rendered

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            scope = {
                **scope,
                "extensions": {**scope.get("extensions", {}), "http.response.debug": {}},
            }

        async def record(message: Message) -> None:
            if message["type"] == "http.response.debug":
                info = message["info"]
                self.rendered.append(Rendered(info["template"].name, dict(info["context"])))
                return
            await send(message)

        await self.app(scope, receive, record)
