"""User-entered base URLs: no private, local, metadata or tricky addresses, checked twice."""

from __future__ import annotations

import httpx2
import pytest
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from resumate.ai.providers.urls import UnsafeURL, checked_url, guarded_http_client, parse
from tests.ai.providers.wire import serve

HOSTILE = [
    "http://127.0.0.1:8000/v1",
    "https://127.0.0.1/v1",
    "https://localhost/v1",
    "https://LOCALHOST./v1",
    "https://api.localhost/v1",
    "https://10.0.0.5/v1",
    "https://172.16.3.4/v1",
    "https://192.168.1.1/v1",
    "https://100.64.0.1/v1",
    "https://169.254.169.254/latest/meta-data",
    "https://169.254.170.2/v2/credentials",
    "https://[::1]/v1",
    "https://[::ffff:127.0.0.1]/v1",
    "https://[::ffff:169.254.169.254]/v1",
    "https://[fd00::1]/v1",
    "https://[fd00:ec2::254]/v1",
    "https://[fe80::1]/v1",
    "https://[ff02::1]/v1",
    "https://[::]/v1",
    "https://0.0.0.0/v1",
    "https://224.0.0.1/v1",
    "https://240.0.0.1/v1",
    "https://[2002:7f00:1::]/v1",
    "https://2130706433/v1",
    "https://0x7f.0.0.1/v1",
    "https://0177.0.0.1/v1",
    "https://017700000001/v1",
    "https://127.1/v1",
    "https://user:pass@api.example.com/v1",
    "https://api.example.com/v1?next=http://10.0.0.1",
    "ftp://api.example.com/v1",
    "file:///etc/passwd",
    "https:///v1",
    "http://8.8.8.8/v1",
    "https://api.example.com:99999/v1",
]


@pytest.mark.parametrize("url", HOSTILE)
async def test_hostile_urls_are_refused(url: str) -> None:
    with pytest.raises(UnsafeURL):
        await checked_url(url, allow_private=False)


@pytest.mark.parametrize(
    "url",
    [
        "https://169.254.169.254/latest",
        "https://[fd00:ec2::254]/",
        "https://[::ffff:169.254.169.254]/",
        "https://224.0.0.1/v1",
        "https://0.0.0.0/v1",
        "https://2130706433/v1",
    ],
)
async def test_metadata_multicast_and_tricks_stay_refused_when_private_is_allowed(url: str) -> None:
    with pytest.raises(UnsafeURL):
        await checked_url(url, allow_private=True)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:11434/v1",
        "http://localhost:1234/v1",
        "http://10.0.0.5/v1",
        "http://[fd00::1]/v1",
    ],
)
async def test_private_addresses_may_be_allowed_even_over_http(url: str) -> None:
    assert await checked_url(url, allow_private=True) == url


def test_public_literal_addresses_need_https() -> None:
    assert parse("https://8.8.8.8/v1", allow_private=False).url == "https://8.8.8.8/v1"
    with pytest.raises(UnsafeURL, match="https"):
        parse("http://8.8.8.8/v1", allow_private=True)


async def test_names_that_do_not_resolve_are_refused() -> None:
    with pytest.raises(UnsafeURL, match="could not be found"):
        await checked_url("https://no-such-host.invalid/v1", allow_private=False)


def ok_app() -> Starlette:
    return Starlette(routes=[Route("/", lambda _request: PlainTextResponse("reached"))])


async def test_connections_to_refused_peers_fail_at_connect_time() -> None:
    """Rebinding: whatever a name resolved to when checked, the connection's peer is checked."""
    async with serve(ok_app()) as url:
        port = url.rsplit(":", 1)[1]
        async with guarded_http_client(allow_private=False, timeout=5) as client:
            for address in (url, f"http://localhost:{port}/"):
                with pytest.raises(httpx2.ConnectError, match="private or local"):
                    await client.get(address)
        async with guarded_http_client(allow_private=True, timeout=5) as client:
            assert (await client.get(url)).text == "reached"


async def test_the_guarded_client_follows_no_redirects() -> None:
    async def moved(_request: object) -> PlainTextResponse:
        return PlainTextResponse("", status_code=302, headers={"Location": "http://10.0.0.1/"})

    app = Starlette(routes=[Route("/", moved)])
    async with serve(app) as url, guarded_http_client(allow_private=True, timeout=5) as client:
        assert (await client.get(url)).status_code == 302
