"""/api/resumes: create, list, read, replace and patch, with version preconditions."""

from __future__ import annotations

from typing import Any

import httpx

from resumate.document.theme import default_theme
from tests.helpers import Account, create_resume, error_fields, if_match, sign_up


async def classic_template_id(client: httpx.AsyncClient, account: Account) -> str:
    templates = (await client.get("/api/templates", headers=account.headers)).json()
    return str(next(t["id"] for t in templates if t["slug"] == "classic"))


async def fetch(client: httpx.AsyncClient, account: Account, resume_id: str) -> dict[str, Any]:
    response = await client.get(f"/api/resumes/{resume_id}", headers=account.headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_create_answers_201_with_etag_and_location(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    body = {"title": "Engineer", "data": {"basics": {"name": "Ada"}}}
    response = await client.post("/api/resumes", json=body, headers=account.headers)
    assert response.status_code == 201
    created = response.json()
    assert created["title"] == "Engineer"
    assert created["data"] == {"basics": {"name": "Ada"}}
    assert created["version"] == 1
    assert response.headers["ETag"] == '"1"'
    assert response.headers["Location"] == f"/api/resumes/{created['id']}"


async def test_create_without_template_uses_the_default(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    created = await create_resume(client, account)
    assert created["templateId"] == await classic_template_id(client, account)


async def test_create_without_theme_stores_the_default_theme(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    created = await create_resume(client, account)
    assert created["theme"] == default_theme()
    assert created["theme"]["accentColor"] is None  # the template's own accent


async def test_create_with_empty_body_makes_an_untitled_resume(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    response = await client.post("/api/resumes", json={}, headers=account.headers)
    assert response.status_code == 201
    assert response.json()["title"] == "Untitled resume"
    assert response.json()["data"] == {}


async def test_list_pages_with_limit_and_offset_and_counts_all(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    for n in range(3):
        await create_resume(client, account, title=f"Resume {n}")
    response = await client.get("/api/resumes?limit=2&offset=1", headers=account.headers)
    assert response.status_code == 200
    page = response.json()
    assert (page["total"], page["limit"], page["offset"]) == (3, 2, 1)
    assert [item["title"] for item in page["items"]] == ["Resume 1", "Resume 0"]


async def test_list_puts_the_most_recently_edited_first(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    first = await create_resume(client, account, title="First")
    await create_resume(client, account, title="Second")
    edited = await client.patch(
        f"/api/resumes/{first['id']}", json={"title": "First, edited"}, headers=if_match(account, 1)
    )
    assert edited.status_code == 200
    page = (await client.get("/api/resumes", headers=account.headers)).json()
    assert [item["title"] for item in page["items"]] == ["First, edited", "Second"]


async def test_list_excludes_the_trash(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    kept = await create_resume(client, account, title="Kept")
    trashed = await create_resume(client, account, title="Trashed")
    await client.delete(f"/api/resumes/{trashed['id']}", headers=account.headers)
    page = (await client.get("/api/resumes", headers=account.headers)).json()
    assert [item["id"] for item in page["items"]] == [kept["id"]]
    assert page["total"] == 1


async def test_list_rejects_a_limit_over_100(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    response = await client.get("/api/resumes?limit=101", headers=account.headers)
    assert response.status_code == 422
    assert error_fields(response) == ["limit"]


async def test_get_returns_the_resume_with_its_etag(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    created = await create_resume(client, account)
    response = await client.get(f"/api/resumes/{created['id']}", headers=account.headers)
    assert response.status_code == 200
    assert response.json() == created
    assert response.headers["ETag"] == '"1"'


async def test_put_without_if_match_is_428(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    created = await create_resume(client, account)
    body = {"title": "New", "templateId": created["templateId"], "data": {}}
    response = await client.put(f"/api/resumes/{created['id']}", json=body, headers=account.headers)
    assert response.status_code == 428
    assert response.json()["error"]["code"] == "version_required"


async def test_patch_without_if_match_is_428(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    created = await create_resume(client, account)
    response = await client.patch(
        f"/api/resumes/{created['id']}", json={"title": "New"}, headers=account.headers
    )
    assert response.status_code == 428


async def test_put_with_a_stale_version_is_412_and_changes_nothing(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    created = await create_resume(client, account)
    body = {"title": "Stale", "templateId": created["templateId"], "data": {}}
    response = await client.put(
        f"/api/resumes/{created['id']}", json=body, headers=if_match(account, 7)
    )
    assert response.status_code == 412
    assert response.json()["error"]["code"] == "stale_version"
    assert await fetch(client, account, created["id"]) == created


async def test_patch_with_a_malformed_if_match_is_412(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    created = await create_resume(client, account)
    for value in ("abc", "*", '"1', "1.0", '"-1"'):
        response = await client.patch(
            f"/api/resumes/{created['id']}",
            json={"title": "New"},
            headers=account.headers | {"If-Match": value},
        )
        assert response.status_code == 412, value
    assert await fetch(client, account, created["id"]) == created


async def test_put_replaces_everything_and_bumps_the_version(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    created = await create_resume(client, account)
    body = {"title": "Replaced", "templateId": created["templateId"], "data": {"work": []}}
    response = await client.put(
        f"/api/resumes/{created['id']}", json=body, headers=if_match(account, 1)
    )
    assert response.status_code == 200
    assert response.headers["ETag"] == '"2"'
    replaced = response.json()
    assert (replaced["title"], replaced["data"], replaced["version"]) == (
        "Replaced",
        {"work": []},
        2,
    )
    assert await fetch(client, account, created["id"]) == replaced


async def test_patch_refuses_a_weak_etag_which_never_matches_strongly(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    created = await create_resume(client, account)
    response = await client.patch(
        f"/api/resumes/{created['id']}",
        json={"title": "New"},
        headers=account.headers | {"If-Match": 'W/"1"'},
    )
    assert response.status_code == 412
    assert 'W/"3"' in response.json()["error"]["message"]
    assert (await fetch(client, account, created["id"]))["title"] != "New"


async def test_patch_of_the_title_leaves_the_data_alone(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    created = await create_resume(client, account, theme={"fontFamily": "jetbrains-mono"})
    response = await client.patch(
        f"/api/resumes/{created['id']}", json={"title": "Renamed"}, headers=if_match(account, 1)
    )
    assert response.status_code == 200
    patched = response.json()
    assert patched["title"] == "Renamed"
    assert patched["version"] == 2
    assert (patched["data"], patched["theme"]) == (created["data"], created["theme"])
    assert patched["templateId"] == created["templateId"]


async def test_patch_with_an_empty_body_is_422(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    created = await create_resume(client, account)
    response = await client.patch(
        f"/api/resumes/{created['id']}", json={}, headers=if_match(account, 1)
    )
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_failed"
    assert await fetch(client, account, created["id"]) == created


async def test_patch_with_a_null_field_is_422(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    created = await create_resume(client, account)
    response = await client.patch(
        f"/api/resumes/{created['id']}", json={"data": None}, headers=if_match(account, 1)
    )
    assert response.status_code == 422


async def test_patch_to_an_unknown_template_is_422_naming_template_id(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    created = await create_resume(client, account)
    response = await client.patch(
        f"/api/resumes/{created['id']}",
        json={"templateId": "00000000-0000-4000-8000-000000000000"},
        headers=if_match(account, 1),
    )
    assert response.status_code == 422
    assert error_fields(response) == ["templateId"]
    assert await fetch(client, account, created["id"]) == created


async def test_create_with_an_unknown_template_is_422(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    response = await client.post(
        "/api/resumes",
        json={"templateId": "00000000-0000-4000-8000-000000000000"},
        headers=account.headers,
    )
    assert response.status_code == 422
    assert error_fields(response) == ["templateId"]
