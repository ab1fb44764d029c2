"""/api/templates: the templates a signed-in user can pick from."""

from __future__ import annotations

import uuid

import httpx

from tests.helpers import sign_up


async def test_list_includes_the_classic_template(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    response = await client.get("/api/templates", headers=account.headers)
    assert response.status_code == 200
    classic = next(t for t in response.json() if t["slug"] == "classic")
    assert classic["name"] == "Classic"
    assert classic["isBuiltin"] is True
    assert classic["version"] >= 1


async def test_list_shows_one_version_of_each_template(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    slugs = [
        t["slug"] for t in (await client.get("/api/templates", headers=account.headers)).json()
    ]
    assert len(slugs) == len(set(slugs))


async def test_list_leaves_out_the_template_source(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    [*templates] = (await client.get("/api/templates", headers=account.headers)).json()
    assert templates
    for template in templates:
        assert set(template) == {
            "id",
            "slug",
            "name",
            "description",
            "version",
            "isBuiltin",
            "thumbnailUrl",
        }


async def test_get_returns_the_template_by_id(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    listed = (await client.get("/api/templates", headers=account.headers)).json()[0]
    response = await client.get(f"/api/templates/{listed['id']}", headers=account.headers)
    assert response.status_code == 200
    assert response.json() == listed


async def test_get_of_an_unknown_id_is_404(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    response = await client.get(f"/api/templates/{uuid.uuid4()}", headers=account.headers)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_get_of_an_id_that_is_not_a_uuid_is_422(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    response = await client.get("/api/templates/classic", headers=account.headers)
    assert response.status_code == 422
    assert response.json()["error"]["fields"][0]["field"] == "template_id"


async def test_list_needs_a_session(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/templates")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"


async def test_get_needs_a_session(client: httpx.AsyncClient) -> None:
    response = await client.get(f"/api/templates/{uuid.uuid4()}")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"
