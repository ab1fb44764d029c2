"""One error shape everywhere, and nothing internal in an answer or the log."""

from __future__ import annotations

import logging

import httpx
import pytest
from fastapi import FastAPI

from resumate.errors import field_path


async def test_unknown_routes_get_the_error_shape(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/does-not-exist")
    assert response.status_code == 404
    assert response.json() == {"error": {"code": "not_found", "message": "Not found."}}


async def test_wrong_method_gets_the_error_shape(client: httpx.AsyncClient) -> None:
    response = await client.put("/api/auth/me")
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"


async def test_invalid_json_is_a_clear_422(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/api/auth/login", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 422
    assert response.json()["error"]["message"] == "The request body is not valid JSON."


async def test_an_oversized_body_is_refused_with_413(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/api/auth/login",
        content=b"{" + b" " * 2_000_000 + b"}",
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"


async def test_an_unexpected_failure_is_a_500_without_internals(
    app: FastAPI, client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    secret = "SELECT password_hash FROM users -- token abc.def.ghi"

    async def explode() -> None:
        raise RuntimeError(secret)

    app.add_api_route("/api/test-explode", explode)
    try:
        with caplog.at_level(logging.INFO):
            response = await client.get("/api/test-explode")
    finally:
        app.router.routes.pop()
    assert response.status_code == 500
    assert response.json() == {
        "error": {"code": "internal_error", "message": "Something went wrong on our side."}
    }
    assert secret not in caplog.text
    assert "Traceback" not in caplog.text
    assert "RuntimeError" in caplog.text


async def test_api_answers_carry_security_headers(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/auth/me")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"


def test_field_paths_read_like_the_document() -> None:
    assert field_path(("body", "data", "work", 0, "name")) == "data.work[0].name"
    assert field_path(("query", "limit")) == "limit"
    assert field_path(("body",)) == "body"
