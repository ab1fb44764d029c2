"""/api/resumes/{id}/versions: every save is kept, and restoring one adds a new version."""

from __future__ import annotations

from typing import Any

import httpx

from tests.helpers import Account, create_resume, if_match, sign_up


async def save(
    client: httpx.AsyncClient, account: Account, resume_id: str, version: int, **fields: Any
) -> dict[str, Any]:
    response = await client.patch(
        f"/api/resumes/{resume_id}", json=fields, headers=if_match(account, version)
    )
    assert response.status_code == 200, response.text
    saved: dict[str, Any] = response.json()
    return saved


async def resume_with_three_versions(
    client: httpx.AsyncClient,
) -> tuple[Account, str]:
    account = await sign_up(client)
    created = await create_resume(client, account, title="One", data={"basics": {"name": "v1"}})
    await save(client, account, created["id"], 1, title="Two", data={"basics": {"name": "v2"}})
    await save(
        client, account, created["id"], 2, title="Three", theme={"fontFamily": "jetbrains-mono"}
    )
    return account, created["id"]


async def versions(
    client: httpx.AsyncClient, account: Account, resume_id: str, query: str = ""
) -> dict[str, Any]:
    response = await client.get(
        f"/api/resumes/{resume_id}/versions{query}", headers=account.headers
    )
    assert response.status_code == 200, response.text
    page: dict[str, Any] = response.json()
    return page


async def test_creating_a_resume_records_version_1(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    created = await create_resume(client, account)
    page = await versions(client, account, created["id"])
    assert page["total"] == 1
    assert [item["version"] for item in page["items"]] == [1]
    assert page["items"][0]["title"] == created["title"]


async def test_every_save_records_a_version_listed_newest_first(
    client: httpx.AsyncClient,
) -> None:
    account, resume_id = await resume_with_three_versions(client)
    page = await versions(client, account, resume_id)
    assert page["total"] == 3
    assert [(item["version"], item["title"]) for item in page["items"]] == [
        (3, "Three"),
        (2, "Two"),
        (1, "One"),
    ]


async def test_a_refused_save_records_no_version(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    created = await create_resume(client, account)
    stale = await client.patch(
        f"/api/resumes/{created['id']}", json={"title": "x"}, headers=if_match(account, 5)
    )
    assert stale.status_code == 412
    assert (await versions(client, account, created["id"]))["total"] == 1


async def test_versions_page_with_limit_and_offset(client: httpx.AsyncClient) -> None:
    account, resume_id = await resume_with_three_versions(client)
    page = await versions(client, account, resume_id, "?limit=1&offset=1")
    assert (page["total"], page["limit"], page["offset"]) == (3, 1, 1)
    assert [item["version"] for item in page["items"]] == [2]


async def test_get_a_version_by_number_returns_its_content(client: httpx.AsyncClient) -> None:
    account, resume_id = await resume_with_three_versions(client)
    response = await client.get(f"/api/resumes/{resume_id}/versions/2", headers=account.headers)
    assert response.status_code == 200
    version = response.json()
    assert (version["version"], version["title"]) == (2, "Two")
    assert version["data"] == {"basics": {"name": "v2"}}
    assert version["theme"]["fontFamily"] is None


async def test_a_missing_version_number_is_404(client: httpx.AsyncClient) -> None:
    account, resume_id = await resume_with_three_versions(client)
    response = await client.get(f"/api/resumes/{resume_id}/versions/4", headers=account.headers)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_version_number_0_is_422(client: httpx.AsyncClient) -> None:
    account, resume_id = await resume_with_three_versions(client)
    response = await client.get(f"/api/resumes/{resume_id}/versions/0", headers=account.headers)
    assert response.status_code == 422


async def test_restore_makes_a_new_version_with_the_old_content(
    client: httpx.AsyncClient,
) -> None:
    account, resume_id = await resume_with_three_versions(client)
    v1 = (await client.get(f"/api/resumes/{resume_id}/versions/1", headers=account.headers)).json()
    response = await client.post(
        f"/api/resumes/{resume_id}/versions/1/restore", headers=if_match(account, 3)
    )
    assert response.status_code == 200
    assert response.headers["ETag"] == '"4"'
    restored = response.json()
    assert restored["version"] == 4
    for key in ("title", "templateId", "data", "theme"):
        assert restored[key] == v1[key], key
    current = await client.get(f"/api/resumes/{resume_id}", headers=account.headers)
    assert current.json() == restored


async def test_restore_keeps_the_history_unchanged(client: httpx.AsyncClient) -> None:
    account, resume_id = await resume_with_three_versions(client)
    before = [
        (await client.get(f"/api/resumes/{resume_id}/versions/{n}", headers=account.headers)).json()
        for n in (1, 2, 3)
    ]
    restore = await client.post(
        f"/api/resumes/{resume_id}/versions/1/restore", headers=if_match(account, 3)
    )
    assert restore.status_code == 200
    after = [
        (await client.get(f"/api/resumes/{resume_id}/versions/{n}", headers=account.headers)).json()
        for n in (1, 2, 3)
    ]
    assert after == before
    page = await versions(client, account, resume_id)
    assert [item["version"] for item in page["items"]] == [4, 3, 2, 1]


async def test_restore_without_if_match_is_428(client: httpx.AsyncClient) -> None:
    account, resume_id = await resume_with_three_versions(client)
    response = await client.post(
        f"/api/resumes/{resume_id}/versions/1/restore", headers=account.headers
    )
    assert response.status_code == 428
    assert (await versions(client, account, resume_id))["total"] == 3


async def test_restore_against_a_stale_version_is_412(client: httpx.AsyncClient) -> None:
    account, resume_id = await resume_with_three_versions(client)
    response = await client.post(
        f"/api/resumes/{resume_id}/versions/1/restore", headers=if_match(account, 2)
    )
    assert response.status_code == 412
    current = (await client.get(f"/api/resumes/{resume_id}", headers=account.headers)).json()
    assert (current["version"], current["title"]) == (3, "Three")
    assert (await versions(client, account, resume_id))["total"] == 3


async def test_restore_of_a_missing_version_is_404(client: httpx.AsyncClient) -> None:
    account, resume_id = await resume_with_three_versions(client)
    response = await client.post(
        f"/api/resumes/{resume_id}/versions/9/restore", headers=if_match(account, 3)
    )
    assert response.status_code == 404
    assert (await versions(client, account, resume_id))["total"] == 3
