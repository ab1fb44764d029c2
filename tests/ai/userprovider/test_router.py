"""/api/ai/provider: a person's own model, set, read back without its key, and removed."""

from __future__ import annotations

import uuid
from pathlib import Path

import httpx
import pytest

from resumate.ai.userprovider.models import UserProvider
from resumate.ai.userprovider.service import user_provider_config
from resumate.app import create_app
from resumate.auth.twofactor.deps import SECRET_BOX
from resumate.config import AISettings
from tests.databases import test_settings
from tests.helpers import AppParts, error_fields, sign_up

KEY = "sk-test-0123456789abcdefWXYZ"
OWN = {"kind": "openai", "model": "gpt-4o-mini", "apiKey": KEY}


async def test_a_provider_is_set_read_back_without_its_key_and_removed(
    allowed: httpx.AsyncClient,
) -> None:
    account = await sign_up(allowed)
    saved = await allowed.put("/api/ai/provider", json=OWN, headers=account.headers)
    assert saved.status_code == 200, saved.text
    expected = {"kind": "openai", "baseUrl": None, "model": "gpt-4o-mini"}
    assert saved.json() == expected | {"keySet": True, "keyLast4": "WXYZ"}
    read = await allowed.get("/api/ai/provider", headers=account.headers)
    assert read.json() == saved.json()
    assert KEY not in read.text
    assert "apiKey" not in read.text
    gone = await allowed.delete("/api/ai/provider", headers=account.headers)
    assert gone.status_code == 204
    missing = await allowed.get("/api/ai/provider", headers=account.headers)
    assert missing.status_code == 404


async def test_setting_again_replaces_the_model_and_key(allowed: httpx.AsyncClient) -> None:
    account = await sign_up(allowed)
    await allowed.put("/api/ai/provider", json=OWN, headers=account.headers)
    other = {"kind": "anthropic", "model": "claude-haiku", "apiKey": "sk-ant-abcd9876"}
    replaced = await allowed.put("/api/ai/provider", json=other, headers=account.headers)
    assert replaced.json()["kind"] == "anthropic"
    assert replaced.json()["keyLast4"] == "9876"


async def test_the_key_is_stored_sealed_and_opened_only_for_building_the_provider(
    allowed: httpx.AsyncClient, context: AppParts
) -> None:
    account = await sign_up(allowed)
    await allowed.put("/api/ai/provider", json=OWN, headers=account.headers)
    user_id = uuid.UUID(account.user_id)
    async with context.sessionmaker() as session:
        row = await session.get(UserProvider, user_id)
        assert row is not None
        assert KEY not in row.key_encrypted
        box = context.components.get(SECRET_BOX)
        config = await user_provider_config(
            session, user_id, box, AISettings(allow_user_providers=True)
        )
        refused = await user_provider_config(session, user_id, box, AISettings())
    assert config is not None
    assert config.api_key.get_secret_value() == KEY
    assert (config.kind, config.base_url, config.model) == ("openai", None, "gpt-4o-mini")
    assert refused is None  # the operator turned the option off: stored keys go unused


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080/v1",
        "http://localhost:11434/v1",
        "https://localhost/v1",
        "http://169.254.169.254/latest/meta-data",
        "http://10.0.0.5/v1",
        "http://192.168.1.20/v1",
        "http://[::1]:8080/v1",
        "http://[::ffff:127.0.0.1]/v1",
        "http://[fd00::1]/v1",
        "http://2130706433/v1",
        "http://0x7f.1/v1",
        "http://0.0.0.0/v1",
        "ftp://203.0.113.9/v1",
        "file:///etc/passwd",
        "https://user:secret@8.8.8.8/v1",
        "http://8.8.8.8/v1",
    ],
)
async def test_unsafe_base_urls_are_refused(allowed: httpx.AsyncClient, url: str) -> None:
    account = await sign_up(allowed)
    body = OWN | {"baseUrl": url}
    response = await allowed.put("/api/ai/provider", json=body, headers=account.headers)
    assert response.status_code == 422, response.text
    assert error_fields(response) == ["baseUrl"]
    assert (await allowed.get("/api/ai/provider", headers=account.headers)).status_code == 404


async def test_a_private_address_only_where_the_operator_allows_it(
    database_url: str, data_dir: Path, context: AppParts
) -> None:
    ai = {"allow_user_providers": True, "allow_private_urls": True}
    application = create_app(test_settings(database_url, data_dir, ai=ai))
    try:
        transport = httpx.ASGITransport(app=application)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            account = await sign_up(http)
            body = OWN | {"baseUrl": "http://127.0.0.1:11434/v1/"}
            saved = await http.put("/api/ai/provider", json=body, headers=account.headers)
            metadata = OWN | {"baseUrl": "http://169.254.169.254/v1"}
            refused = await http.put("/api/ai/provider", json=metadata, headers=account.headers)
    finally:
        await AppParts.of(application).close()
    assert saved.status_code == 200, saved.text
    assert saved.json()["baseUrl"] == "http://127.0.0.1:11434/v1"
    assert refused.status_code == 422  # the cloud's metadata service: never


async def test_bad_bodies_name_their_field(allowed: httpx.AsyncClient) -> None:
    account = await sign_up(allowed)
    cases = [
        ({**OWN, "kind": "bedrock"}, "kind"),
        ({**OWN, "model": ""}, "model"),
        ({**OWN, "apiKey": ""}, "apiKey"),
        ({"kind": "openai", "model": "m"}, "apiKey"),
    ]
    for body, field in cases:
        response = await allowed.put("/api/ai/provider", json=body, headers=account.headers)
        assert response.status_code == 422
        assert error_fields(response) == [field]


async def test_not_there_unless_the_operator_allows_it(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    for method in ("GET", "PUT", "DELETE"):
        body = OWN if method == "PUT" else None
        response = await client.request(
            method, "/api/ai/provider", json=body, headers=account.headers
        )
        assert response.status_code == 404, method


async def test_without_a_session_nothing_is_shown_or_kept(allowed: httpx.AsyncClient) -> None:
    for method in ("GET", "PUT", "DELETE"):
        body = OWN if method == "PUT" else None
        response = await allowed.request(method, "/api/ai/provider", json=body)
        assert response.status_code == 401, method


async def test_export_names_the_model_but_never_the_key_and_deletion_removes_it(
    allowed: httpx.AsyncClient, context: AppParts
) -> None:
    account = await sign_up(allowed)
    await allowed.put("/api/ai/provider", json=OWN, headers=account.headers)
    export = await allowed.get("/api/account/export", headers=account.headers)
    assert export.json()["aiProvider"] == {
        "kind": "openai",
        "baseUrl": None,
        "model": "gpt-4o-mini",
    }
    assert KEY not in export.text
    assert "WXYZ" not in export.text
    deleted = await allowed.request(
        "DELETE", "/api/account", json={"password": account.password}, headers=account.headers
    )
    assert deleted.status_code == 204
    async with context.sessionmaker() as session:
        assert await session.get(UserProvider, uuid.UUID(account.user_id)) is None
