"""POST /api/resumes/{id}/preview: the live preview of unsaved edits."""

from __future__ import annotations

import httpx

from tests.helpers import create_resume, error_fields, sign_up


async def test_the_draft_is_rendered_and_nothing_is_saved(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account)
    draft = {"data": {"basics": {"name": "Grace Hopper"}}, "theme": {"accentColor": "#b91c1c"}}
    response = await client.post(
        f"/api/resumes/{resume['id']}/preview", json=draft, headers=account.headers
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "Grace Hopper" in response.text
    assert "--accent: #b91c1c" in response.text
    assert "frame-ancestors 'self'" in response.headers["content-security-policy"]
    saved = await client.get(f"/api/resumes/{resume['id']}", headers=account.headers)
    assert saved.json()["data"]["basics"]["name"] == "Ada"
    assert saved.json()["version"] == 1


async def test_parts_left_out_come_from_the_saved_resume(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account)
    response = await client.post(
        f"/api/resumes/{resume['id']}/preview", json={}, headers=account.headers
    )
    assert response.status_code == 200
    assert "Ada" in response.text


async def test_another_template_can_be_previewed(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account)
    templates = (await client.get("/api/templates", headers=account.headers)).json()
    other = next(t for t in templates if t["slug"] == "executive")
    response = await client.post(
        f"/api/resumes/{resume['id']}/preview",
        json={"templateId": other["id"]},
        headers=account.headers,
    )
    assert response.status_code == 200
    assert "<style>/* Executive:" in response.text


async def test_an_invalid_field_is_named_while_typing(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account)
    draft = {"data": {"work": [{"name": "Acme", "startDate": "last spring"}]}}
    response = await client.post(
        f"/api/resumes/{resume['id']}/preview", json=draft, headers=account.headers
    )
    assert response.status_code == 422
    assert error_fields(response) == ["data.work[0].startDate"]


async def test_an_unknown_template_is_named(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account)
    response = await client.post(
        f"/api/resumes/{resume['id']}/preview",
        json={"templateId": "00000000-0000-0000-0000-000000000000"},
        headers=account.headers,
    )
    assert response.status_code == 422
    assert error_fields(response) == ["templateId"]
