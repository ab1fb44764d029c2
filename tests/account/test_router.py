"""/api/account: password change, export of all data, deletion of all data."""

from __future__ import annotations

import uuid

import httpx
from sqlalchemy import func, select

from resumate.auth.models import LoginFailure, RefreshToken, User
from resumate.resumes.models import Resume, ResumeVersion
from tests.helpers import AppParts, create_resume, error_fields, if_match, sign_up

NEW_PASSWORD = "quiet-harbour-violet-77"


async def test_password_change_ends_other_sessions_and_keeps_this_one(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    response = await client.post(
        "/api/account/password",
        json={"currentPassword": account.password, "newPassword": NEW_PASSWORD},
        headers=account.headers,
    )
    assert response.status_code == 200
    fresh = {"Authorization": f"Bearer {response.json()['accessToken']}"}
    assert (await client.get("/api/auth/me", headers=fresh)).status_code == 200
    assert (await client.get("/api/auth/me", headers=account.headers)).status_code == 401
    old_refresh = await client.post(
        "/api/auth/refresh", json={"refreshToken": account.refresh_token}
    )
    assert old_refresh.status_code == 401
    login = await client.post(
        "/api/auth/login", json={"email": account.email, "password": NEW_PASSWORD}
    )
    assert login.status_code == 200


async def test_password_change_needs_the_current_password(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    response = await client.post(
        "/api/account/password",
        json={"currentPassword": "not-the-password-1", "newPassword": NEW_PASSWORD},
        headers=account.headers,
    )
    assert response.status_code == 422
    assert error_fields(response) == ["currentPassword"]


async def test_password_change_applies_the_policy(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    response = await client.post(
        "/api/account/password",
        json={"currentPassword": account.password, "newPassword": "password1"},
        headers=account.headers,
    )
    assert response.status_code == 422
    assert error_fields(response) == ["newPassword"]


async def test_export_holds_the_account_every_resume_and_every_version(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    stranger = await sign_up(client)
    resume = await create_resume(client, account, title="First")
    await client.patch(
        f"/api/resumes/{resume['id']}", json={"title": "Second"}, headers=if_match(account, 1)
    )
    await create_resume(client, stranger, title="Not mine")
    response = await client.get("/api/account/export", headers=account.headers)
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    export = response.json()
    assert export["user"]["email"] == account.email
    (only,) = export["resumes"]
    assert only["title"] == "Second"
    assert [v["title"] for v in only["versions"]] == ["First", "Second"]
    assert only["versions"][0]["data"] == {"basics": {"name": "Ada"}}


async def test_routes_need_a_session(client: httpx.AsyncClient) -> None:
    assert (await client.get("/api/account/export")).status_code == 401
    body = {"currentPassword": "a-password-here", "newPassword": NEW_PASSWORD}
    assert (await client.post("/api/account/password", json=body)).status_code == 401
    deletion = await client.request("DELETE", "/api/account", json={"password": "whatever-1"})
    assert deletion.status_code == 401


async def test_deletion_needs_the_password(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    response = await client.request(
        "DELETE", "/api/account", json={"password": "not-the-password-1"}, headers=account.headers
    )
    assert response.status_code == 422
    assert (await client.get("/api/auth/me", headers=account.headers)).status_code == 200


async def test_deletion_removes_all_of_the_users_data(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    account = await sign_up(client)
    stranger = await sign_up(client)
    await create_resume(client, account)
    kept = await create_resume(client, stranger)
    await client.post("/api/auth/login", json={"email": account.email, "password": "wrong-pass-1"})
    response = await client.request(
        "DELETE", "/api/account", json={"password": account.password}, headers=account.headers
    )
    assert response.status_code == 204
    user_id = uuid.UUID(account.user_id)
    async with context.sessionmaker() as session:
        assert await session.get(User, user_id) is None
        for model, column in ((Resume, Resume.owner_id), (RefreshToken, RefreshToken.user_id)):
            count = await session.scalar(
                select(func.count()).select_from(model).where(column == user_id)
            )
            assert count == 0, model.__name__
        orphans = await session.scalar(
            select(func.count())
            .select_from(ResumeVersion)
            .where(ResumeVersion.resume_id.not_in(select(Resume.id)))
        )
        assert orphans == 0
        traces = await session.scalar(
            select(func.count())
            .select_from(LoginFailure)
            .where(LoginFailure.key == f"account:{account.email}")
        )
        assert traces == 0
    assert (await client.get("/api/auth/me", headers=account.headers)).status_code == 401
    login = await client.post(
        "/api/auth/login", json={"email": account.email, "password": account.password}
    )
    assert login.status_code == 401
    other = await client.get(f"/api/resumes/{kept['id']}", headers=stranger.headers)
    assert other.status_code == 200
