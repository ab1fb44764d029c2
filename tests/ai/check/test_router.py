"""POST /api/resumes/{id}/ai/check: the saved resume's findings, labelled, for its owner only."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from tests.helpers import create_resume, sign_up

DATA = {
    "basics": {
        "name": "Ada Byron",
        "label": "Engineer",
        "email": "ada@example.com",
        "phone": "+44 20 7946 0000",
    },
    "work": [
        {
            "name": "Acme",
            "position": "Engineer",
            "startDate": "2020-01",
            "highlights": ["Responsible for 3 releases a year on Kubernetes"],
        }
    ],
}


async def check(
    client: httpx.AsyncClient, headers: dict[str, str], resume_id: str, **body: Any
) -> httpx.Response:
    return await client.post(f"/api/resumes/{resume_id}/ai/check", headers=headers, **body)


async def test_findings_name_the_version_field_and_label(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account, data=DATA)
    response = await check(client, account.headers, resume["id"], json={})
    assert response.status_code == 200, response.text
    assert response.json() == {
        "version": 1,
        "findings": [
            {
                "path": "work[0].highlights[0]",
                "kind": "weak_opener",
                "message": 'Weak opener "Responsible for": start with what you did',
                "suggestion": {
                    "path": "work[0].highlights[0]",
                    "original": "Responsible for 3 releases a year on Kubernetes",
                    "new": "3 releases a year on Kubernetes",
                },
                "label": "Work experience 1 · Highlights",
            }
        ],
    }


async def test_an_empty_body_is_fine_and_an_unknown_key_is_named(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account, data=DATA)
    assert (await check(client, account.headers, resume["id"])).status_code == 200
    refused = await check(client, account.headers, resume["id"], json={"apply": True})
    assert refused.status_code == 422
    assert refused.json()["error"]["code"] == "validation_failed"


async def test_another_users_resume_is_not_found(client: httpx.AsyncClient) -> None:
    owner = await sign_up(client)
    resume = await create_resume(client, owner, data=DATA)
    intruder = await sign_up(client)
    response = await check(client, intruder.headers, resume["id"], json={})
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_without_a_session_it_is_401(client: httpx.AsyncClient) -> None:
    response = await check(client, {}, str(uuid.uuid4()), json={})
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"


@pytest.mark.parametrize("code", ["200", "401", "404", "422"])
async def test_the_route_is_documented(client: httpx.AsyncClient, code: str) -> None:
    schema = (await client.get("/api/openapi.json")).json()
    operation = schema["paths"]["/api/resumes/{resume_id}/ai/check"]["post"]
    assert code in operation["responses"]
