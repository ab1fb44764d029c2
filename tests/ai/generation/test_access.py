"""Every generation route: 503 while off, 401 without a session, 404 for another's resume."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.ai.generation.conftest import Install, nurse_resume
from tests.helpers import sign_up

ROUTES: list[tuple[str, dict[str, Any]]] = [
    ("rewrite", {"path": "work[0].highlights[0]"}),
    ("tailor", {"job": "Night nurse for a surgical ward."}),
    ("cover-letter", {"job": "Night nurse for a surgical ward."}),
    ("suggest", {"section": "work", "entry": 0, "description": "Trained new nurses."}),
]


@pytest.mark.parametrize(("route", "body"), ROUTES)
async def test_off_answers_503_ai_not_configured(
    client: httpx.AsyncClient, route: str, body: dict[str, Any]
) -> None:
    account = await sign_up(client)
    resume_id = await nurse_resume(client, account)
    url = f"/api/resumes/{resume_id}/ai/{route}"
    response = await client.post(url, json=body, headers=account.headers)
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "ai_not_configured"
    # Before the body is looked at: even one that is not valid gets the same answer.
    invalid = await client.post(url, json={"job": 5}, headers=account.headers)
    assert invalid.json()["error"]["code"] == "ai_not_configured"


@pytest.mark.parametrize(("route", "body"), ROUTES)
async def test_without_a_session_401(
    client: httpx.AsyncClient, model: Install, route: str, body: dict[str, Any]
) -> None:
    scripted = model()
    account = await sign_up(client)
    resume_id = await nurse_resume(client, account)
    client.cookies.clear()
    response = await client.post(f"/api/resumes/{resume_id}/ai/{route}", json=body)
    assert response.status_code == 401
    assert scripted.prompts == []


@pytest.mark.parametrize(("route", "body"), ROUTES)
async def test_another_users_resume_is_not_found(
    client: httpx.AsyncClient, model: Install, route: str, body: dict[str, Any]
) -> None:
    scripted = model()
    owner = await sign_up(client)
    resume_id = await nurse_resume(client, owner)
    other = await sign_up(client)
    url = f"/api/resumes/{resume_id}/ai/{route}"
    response = await client.post(url, json=body, headers=other.headers)
    assert response.status_code == 404
    assert scripted.prompts == []


async def test_a_signed_out_session_is_401_not_404(
    client: httpx.AsyncClient, model: Install
) -> None:
    model()
    account = await sign_up(client)
    resume_id = await nurse_resume(client, account)
    await client.post("/api/auth/logout", headers=account.headers)
    url = f"/api/resumes/{resume_id}/ai/rewrite"
    response = await client.post(url, json=ROUTES[0][1], headers=account.headers)
    assert response.status_code == 401
