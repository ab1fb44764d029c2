"""/api/resumes refuses bad input with 422 (or 413) and the field it is about, changing nothing."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.helpers import create_resume, error_fields, if_match, sign_up

SERVER_FIELDS = [
    ("ownerId", "00000000-0000-4000-8000-000000000000"),
    ("version", 99),
    ("createdAt", "2020-01-01T00:00:00Z"),
    ("updatedAt", "2020-01-01T00:00:00Z"),
    ("deletedAt", "2020-01-01T00:00:00Z"),
    ("id", "00000000-0000-4000-8000-000000000000"),
    ("pdfKey", "someone-else.pdf"),
]

BAD_DATA = [
    ({"work": [{"name": None}]}, "data.work[0].name"),
    ({"basics": {"email": 5}}, "data.basics.email"),
    ({"basics": {"email": "not an address"}}, "data.basics.email"),
    ({"work": [{"startDate": "2020-1"}]}, "data.work[0].startDate"),
    ({"education": [{"courses": "all of them"}]}, "data.education[0].courses"),
    ({"skills": [{}, {"keywords": [1]}]}, "data.skills[1].keywords[0]"),
]


@pytest.mark.parametrize(("field", "value"), SERVER_FIELDS)
async def test_create_refuses_server_owned_fields(
    client: httpx.AsyncClient, field: str, value: Any
) -> None:
    account = await sign_up(client)
    response = await client.post(
        "/api/resumes", json={"title": "Mine", field: value}, headers=account.headers
    )
    assert response.status_code == 422
    assert error_fields(response) == [field]
    page = (await client.get("/api/resumes", headers=account.headers)).json()
    assert page["total"] == 0


@pytest.mark.parametrize(("field", "value"), SERVER_FIELDS)
async def test_patch_refuses_server_owned_fields(
    client: httpx.AsyncClient, field: str, value: Any
) -> None:
    account = await sign_up(client)
    created = await create_resume(client, account)
    response = await client.patch(
        f"/api/resumes/{created['id']}",
        json={"title": "Changed", field: value},
        headers=if_match(account, 1),
    )
    assert response.status_code == 422
    assert error_fields(response) == [field]
    current = await client.get(f"/api/resumes/{created['id']}", headers=account.headers)
    assert current.json() == created


async def test_put_refuses_an_owner_id(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    created = await create_resume(client, account)
    body = {"title": "X", "templateId": created["templateId"], "data": {}, "ownerId": created["id"]}
    response = await client.put(
        f"/api/resumes/{created['id']}", json=body, headers=if_match(account, 1)
    )
    assert response.status_code == 422
    assert error_fields(response) == ["ownerId"]


@pytest.mark.parametrize(("data", "path"), BAD_DATA)
async def test_create_refuses_invalid_resume_data_naming_its_path(
    client: httpx.AsyncClient, data: dict[str, Any], path: str
) -> None:
    account = await sign_up(client)
    response = await client.post("/api/resumes", json={"data": data}, headers=account.headers)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_failed"
    assert error_fields(response) == [path]


@pytest.mark.parametrize(("data", "path"), BAD_DATA)
async def test_patch_refuses_invalid_resume_data_naming_its_path(
    client: httpx.AsyncClient, data: dict[str, Any], path: str
) -> None:
    account = await sign_up(client)
    created = await create_resume(client, account)
    response = await client.patch(
        f"/api/resumes/{created['id']}", json={"data": data}, headers=if_match(account, 1)
    )
    assert response.status_code == 422
    assert error_fields(response) == [path]


async def test_a_title_over_200_characters_is_422(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    response = await client.post("/api/resumes", json={"title": "x" * 201}, headers=account.headers)
    assert response.status_code == 422
    assert error_fields(response) == ["title"]


async def test_a_title_of_200_characters_is_accepted(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    created = await create_resume(client, account, title="x" * 200)
    assert len(created["title"]) == 200


async def test_a_blank_title_is_422(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    response = await client.post("/api/resumes", json={"title": "   "}, headers=account.headers)
    assert response.status_code == 422
    assert error_fields(response) == ["title"]


async def test_an_invalid_theme_is_422_naming_the_option(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    response = await client.post(
        "/api/resumes", json={"theme": {"accentColor": "red"}}, headers=account.headers
    )
    assert response.status_code == 422
    assert error_fields(response) == ["theme.accentColor"]


@pytest.mark.parametrize("method", ["GET", "PATCH", "DELETE"])
async def test_a_resume_id_that_is_not_a_uuid_is_422(
    client: httpx.AsyncClient, method: str
) -> None:
    account = await sign_up(client)
    response = await client.request(
        method, "/api/resumes/not-a-uuid", json={"title": "x"}, headers=if_match(account, 1)
    )
    assert response.status_code == 422
    assert error_fields(response) == ["resume_id"]


async def test_a_body_over_1_mib_is_413_in_the_error_shape(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    body = b'{"title": "' + b"x" * (1024 * 1024) + b'"}'
    response = await client.post(
        "/api/resumes",
        content=body,
        headers=account.headers | {"Content-Type": "application/json"},
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"
    assert (await client.get("/api/resumes", headers=account.headers)).json()["total"] == 0


async def test_a_streamed_body_over_1_mib_is_413(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)

    async def chunks() -> Any:
        for _ in range(20):
            yield b"x" * 65536

    response = await client.post(
        "/api/resumes",
        content=chunks(),
        headers=account.headers | {"Content-Type": "application/json"},
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"


async def test_a_body_that_is_not_json_is_422(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    response = await client.post(
        "/api/resumes",
        content=b"{not json",
        headers=account.headers | {"Content-Type": "application/json"},
    )
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_failed"


async def test_a_json_array_body_is_422(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    response = await client.post("/api/resumes", json=[1, 2], headers=account.headers)
    assert response.status_code == 422
