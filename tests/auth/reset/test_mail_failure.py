"""A mail that cannot be sent changes nothing in the answer and is logged without the address."""

from __future__ import annotations

import socket
from pathlib import Path

import httpx
import pytest

from tests.auth.reset.conftest import ask, own_app
from tests.databases import test_settings
from tests.helpers import sign_up


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


async def test_an_smtp_outage_gives_the_same_answer(
    client: httpx.AsyncClient,
    database_url: str,
    data_dir: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # Signed up while mail works; then the same database served by an app whose relay is down.
    account = await sign_up(client)
    mail = {"backend": "smtp", "smtp_host": "127.0.0.1", "smtp_port": closed_port()}
    settings = test_settings(database_url, data_dir, mail=mail | {"timeout_seconds": 2})
    async with own_app(settings) as (smtp_down, parts):
        response = await ask(smtp_down, account.email)
        await parts.postbox.drain()

    assert response.status_code == 202
    assert "was not sent" in caplog.text
    assert account.email not in caplog.text
