"""The OpenAPI document names the answers the body limits give before any route runs."""

from __future__ import annotations

import httpx


async def test_every_operation_with_a_body_documents_413_and_408(client: httpx.AsyncClient) -> None:
    document = (await client.get("/api/openapi.json")).json()
    with_body = without_body = 0
    for path in document["paths"].values():
        for operation in path.values():
            codes = set(operation["responses"])
            if "requestBody" in operation:
                with_body += 1
                assert {"408", "413"} <= codes, operation["operationId"]
                schema = operation["responses"]["413"]["content"]["application/json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/ErrorResponse"}
            else:
                without_body += 1
                assert "413" not in codes, operation["operationId"]
    assert with_body > 20
    assert without_body > 20


async def test_a_body_over_the_limit_gets_the_documented_413(client: httpx.AsyncClient) -> None:
    too_big = b"{" + b" " * 1_100_000 + b"}"
    response = await client.post(
        "/api/auth/login", content=too_big, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"
