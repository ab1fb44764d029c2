"""The client's address for throttling: forwarded headers count only from configured proxies."""

from __future__ import annotations

from collections.abc import Iterator
from ipaddress import ip_network
from pathlib import Path

import httpx
import pytest

from resumate.web.proxies import client_of
from tests import databases

PROXIES = [ip_network("10.0.0.0/24"), ip_network("fd00::/8")]


@pytest.mark.parametrize(
    ("peer", "forwarded", "client"),
    [
        # Not from a proxy: the header is whatever the client wanted it to be.
        ("203.0.113.9", "198.51.100.1", "203.0.113.9"),
        ("127.0.0.1", "198.51.100.1", "127.0.0.1"),
        # From the balancer: the right-most hop it did not add itself.
        ("10.0.0.5", "198.51.100.1", "198.51.100.1"),
        ("10.0.0.5", "6.6.6.6, 198.51.100.1", "198.51.100.1"),
        ("10.0.0.5", "6.6.6.6, 198.51.100.1, 10.0.0.7", "198.51.100.1"),
        ("fd00::5", "2001:db8::1", "2001:db8::1"),
        # Garbage where the client's address should be: the proxy is all that is known.
        ("10.0.0.5", "not-an-address", "10.0.0.5"),
        ("10.0.0.5", "", "10.0.0.5"),
        ("10.0.0.5", None, "10.0.0.5"),
        ("10.0.0.5", "10.0.0.8, 10.0.0.7", "10.0.0.8"),
    ],
)
def test_the_client_is_the_right_most_untrusted_hop(
    peer: str, forwarded: str | None, client: str
) -> None:
    assert client_of(peer, forwarded, PROXIES) == client


@pytest.fixture
def sqlite_url(tmp_path: Path) -> Iterator[str]:
    with databases.migrated_database("sqlite", tmp_path) as url:
        yield url


async def failures_until_blocked(client: httpx.AsyncClient, forwarded: list[str]) -> list[int]:
    statuses = []
    for n, value in enumerate(forwarded):
        attempt = {"email": f"nobody{n}@example.com", "password": "not-the-password-1"}
        response = await client.post(
            "/api/auth/login", json=attempt, headers={"X-Forwarded-For": value}
        )
        statuses.append(response.status_code)
    return statuses


async def test_a_spoofed_header_from_loopback_buys_no_new_budget(
    sqlite_url: str, tmp_path: Path
) -> None:
    settings = databases.test_settings(sqlite_url, tmp_path)
    limit = settings.auth.throttle_per_address
    spoofed = [f"198.51.100.{n}" for n in range(limit + 3)]
    async with databases.app_client(settings) as client:  # the test client is 127.0.0.1
        statuses = await failures_until_blocked(client, spoofed)
    assert statuses[:limit] == [401] * limit
    assert set(statuses[limit:]) == {429}


async def test_behind_a_trusted_balancer_each_client_has_its_own_budget(
    sqlite_url: str, tmp_path: Path
) -> None:
    settings = databases.test_settings(sqlite_url, tmp_path, trusted_proxies=["127.0.0.0/8"])
    limit = settings.auth.throttle_per_address
    async with databases.app_client(settings) as client:
        # Many people behind the one balancer address: nobody locks anybody else out.
        many = await failures_until_blocked(client, [f"198.51.100.{n}" for n in range(limit + 3)])
        # One person inventing a left-most hop: the balancer's right-most entry still counts.
        one = await failures_until_blocked(
            client, [f"6.6.{n}.1, 203.0.113.7" for n in range(limit + 1)]
        )
    assert set(many) == {401}
    assert one[:limit] == [401] * limit
    assert one[limit:] == [429]


@pytest.mark.parametrize(("trusted", "prefixed"), [([], False), (["127.0.0.0/8"], True)])
async def test_https_at_the_balancer_gives_host_only_cookies_only_when_it_is_trusted(
    sqlite_url: str, tmp_path: Path, trusted: list[str], prefixed: bool
) -> None:
    settings = databases.test_settings(sqlite_url, tmp_path, trusted_proxies=trusted)
    async with databases.app_client(settings) as client:
        page = await client.get("/login", headers={"X-Forwarded-Proto": "https"})
    (cookie,) = page.headers.get_list("set-cookie")
    assert cookie.startswith("__Host-resumate_csrf=") is prefixed
    assert ("Secure" in cookie) is prefixed
