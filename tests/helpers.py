"""Small helpers that make test data: accounts, resumes, headers."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from resumate.auth.backend import AuthBackend
from resumate.auth.cognito.service import Cognito
from resumate.auth.deps import AUTH
from resumate.components import Components
from resumate.config import Settings
from resumate.db import Database
from resumate.deps import DATABASE, SETTINGS
from resumate.mail.base import Mailer
from resumate.mail.deps import MAILER, POSTBOX
from resumate.mail.postbox import Postbox
from resumate.rendering.deps import RENDERER
from resumate.rendering.renderer import Renderer
from resumate.storage.base import Storage
from resumate.storage.deps import STORAGE
from tests.mailbox import last_mail, link_token, outbox_of

PASSWORD = "plum-orchard-lantern-42"


@dataclass
class Account:
    email: str
    password: str
    user_id: str
    access_token: str
    refresh_token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access_token}"}


def unique_email(prefix: str = "user") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}@example.com"


async def sign_up(
    client: httpx.AsyncClient, email: str | None = None, password: str = PASSWORD
) -> Account:
    """A new account, made as a person makes one: register, open the mailed link, confirm.

    The client keeps the session's cookies, as it did when registering signed in at once.
    """
    email = email or unique_email()
    response = await client.post("/api/auth/register", json={"email": email, "password": password})
    assert response.status_code == 202, response.text
    token = link_token(last_mail(outbox_of(client), email), "/verify-email/")
    verified = await client.post("/api/auth/verify-email", json={"token": token})
    if verified.status_code == 200:  # the identity provider wants the password: sign in
        verified = await client.post("/api/auth/login", json={"email": email, "password": password})
        assert verified.status_code == 200, verified.text
    else:
        assert verified.status_code == 201, verified.text
    body = verified.json()
    return Account(
        email=email,
        password=password,
        user_id=body["user"]["id"],
        access_token=body["accessToken"],
        refresh_token=body["refreshToken"],
    )


async def create_resume(
    client: httpx.AsyncClient, account: Account, **fields: Any
) -> dict[str, Any]:
    body: dict[str, Any] = {"title": "Product designer", "data": {"basics": {"name": "Ada"}}}
    body.update(fields)
    response = await client.post("/api/resumes", json=body, headers=account.headers)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def if_match(account: Account, version: int) -> dict[str, str]:
    return account.headers | {"If-Match": f'"{version}"'}


def error_fields(response: httpx.Response) -> list[str]:
    """The field paths a 422 names."""
    return [field["field"] for field in response.json()["error"].get("fields", [])]


@dataclass(frozen=True)
class AppParts:
    """Typed access to the parts an app was built with, for tests that reach behind the API."""

    components: Components

    @classmethod
    def of(cls, app: FastAPI) -> AppParts:
        components: Components = app.state.components
        return cls(components)

    @property
    def settings(self) -> Settings:
        return self.components.get(SETTINGS)

    @property
    def database(self) -> Database:
        return self.components.get(DATABASE)

    @property
    def engine(self) -> AsyncEngine:
        return self.database.engine

    @property
    def sessionmaker(self) -> async_sessionmaker[AsyncSession]:
        return self.database.sessionmaker

    @property
    def storage(self) -> Storage:
        return self.components.get(STORAGE)

    @property
    def renderer(self) -> Renderer:
        return self.components.get(RENDERER)

    @property
    def mailer(self) -> Mailer:
        return self.components.get(MAILER)

    @property
    def postbox(self) -> Postbox:
        return self.components.get(POSTBOX)

    @property
    def auth(self) -> AuthBackend:
        return self.components.get(AUTH)

    @property
    def cognito(self) -> Cognito | None:
        return self.auth.cognito

    async def close(self) -> None:
        await self.components.close()
