"""Small helpers that make test data: accounts, resumes, headers."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import httpx

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
    email = email or unique_email()
    response = await client.post("/api/auth/register", json={"email": email, "password": password})
    assert response.status_code == 201, response.text
    body = response.json()
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
