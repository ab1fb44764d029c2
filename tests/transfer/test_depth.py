"""One limit on nesting for every way a document comes in: API body or uploaded file."""

from __future__ import annotations

import httpx
import pytest

from resumate.document.fields import MAX_JSON_DEPTH, TOO_DEEP, json_depth
from tests.helpers import sign_up
from tests.pages import PageClient

# Far past what the JSON parser can follow, and just past the declared limit.
DEPTHS = [100_000, MAX_JSON_DEPTH + 1]


def nested(depth: int) -> bytes:
    inner = "[" * (depth - 1) + "]" * (depth - 1)
    return ('{"basics": {"name": "Deep"}, "x-deep": ' + inner + "}").encode()


def test_depth_is_measured_without_recursion() -> None:
    assert json_depth({"a": [1, {"b": []}]}) == 4
    assert json_depth("text") == 0
    deep: list[object] = []
    for _ in range(50_000):
        deep = [deep]
    assert json_depth(deep) > MAX_JSON_DEPTH


@pytest.mark.parametrize("depth", DEPTHS)
async def test_the_api_import_refuses_a_deep_body_naming_the_limit(
    client: httpx.AsyncClient, depth: int
) -> None:
    account = await sign_up(client)
    headers = account.headers | {"Content-Type": "application/json"}
    response = await client.post("/api/resumes/import", content=nested(depth), headers=headers)
    assert response.status_code == 422, response.text
    assert TOO_DEEP in response.text


async def test_any_api_body_deeper_than_the_parser_goes_is_refused_naming_the_limit(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    headers = account.headers | {"Content-Type": "application/json"}
    body = b'{"title": "Deep", "data": ' + nested(100_000) + b"}"
    response = await client.post("/api/resumes", content=body, headers=headers)
    assert response.status_code == 422, response.text
    assert response.json()["error"]["fields"] == [{"field": "body", "message": TOO_DEEP}]


@pytest.mark.parametrize("depth", DEPTHS)
async def test_the_page_import_refuses_a_deep_file_naming_the_limit(
    pages: PageClient, client: httpx.AsyncClient, depth: int
) -> None:
    account = await sign_up(client)
    await pages.sign_in(account)
    upload = {"file": ("deep.json", nested(depth), "application/json")}
    response = await pages.post("/resumes/import", files=upload)
    assert response.status_code == 422, response.text[:300]
    assert TOO_DEEP in response.text
    dashboard = await client.get("/api/resumes", headers=account.headers)
    assert dashboard.json()["total"] == 0
