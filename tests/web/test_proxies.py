"""The client's address for throttling: forwarded headers count only from configured proxies."""

from __future__ import annotations

from collections.abc import Iterator
from ipaddress import IPv4Network, IPv6Network, ip_address, ip_network
from pathlib import Path

import httpx
import pytest
from starlette.types import Message, Receive, Scope, Send

from resumate.web.proxies import Networks, TrustedProxies, client_of
from tests import databases

PROXIES = Networks([ip_network("10.0.0.0/24"), ip_network("fd00::/8")])

# The deployment's chain is viewer -> CloudFront -> load balancer -> app. The app is reached
# from the balancer's public subnets; the balancer is reached from CloudFront's origin-facing
# ranges (entries like these are in com.amazonaws.global.cloudfront.origin-facing, and
# 2600:9000::/28 is CloudFront's IPv6 block). Terraform trusts both.
ALB_SUBNETS = ["10.0.0.0/24", "10.0.1.0/24"]
CLOUDFRONT = ["130.176.0.0/18", "15.158.0.0/16", "2600:9000::/28"]
ALB_PEER = ("10.0.1.23", 40312)


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


def inside_any(probe: str, networks: list[IPv4Network | IPv6Network]) -> bool:
    try:
        address = ip_address(probe)
    except ValueError:
        return False
    return any(address in network for network in networks)


def test_networks_hold_exactly_the_addresses_inside_them() -> None:
    networks = [ip_network(n) for n in [*ALB_SUBNETS, *CLOUDFRONT, "192.0.2.128/25", "fd00::/8"]]
    trusted = Networks(networks)
    probes = [
        "10.0.0.0", "10.0.0.255", "10.0.2.0", "130.176.63.255", "130.176.64.0", "15.158.9.9",
        "15.159.0.0", "192.0.2.127", "192.0.2.128", "2600:9000::1", "2600:9010::1",
        "2600:8fff:ffff::1", "fd12::1", "fe00::1", "::ffff:10.0.0.1", "not-an-address", "",
    ]  # fmt: skip
    assert [probe for probe in probes if probe in trusted] == [
        probe for probe in probes if inside_any(probe, networks)
    ]
    assert "10.0.0.0" in trusted
    assert "130.176.64.0" not in trusted
    assert not Networks([])


def test_a_long_list_of_networks_is_looked_up_not_scanned(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fifty thousand ranges cost no more than two: no network is ever compared one by one."""
    many = [IPv4Network((n << 12, 20)) for n in range(50_000)] + [ip_network("fd00::/8")]
    trusted = Networks(many)

    def scanned(self: object, other: object) -> bool:
        raise AssertionError("an address was compared with the networks one by one")

    monkeypatch.setattr(IPv4Network, "__contains__", scanned)
    monkeypatch.setattr(IPv6Network, "__contains__", scanned)
    edge = str(IPv4Network((49_999 << 12, 20))[77])
    assert client_of("0.0.16.5", f"6.6.6.6, 203.0.113.7, {edge}", trusted) == "203.0.113.7"
    assert client_of("fd00::5", "2001:db8::7, 0.0.0.9", trusted) == "2001:db8::7"


async def client_seen_by_the_app(trusted: list[str], peer: str, forwarded: str) -> str:
    seen: list[str] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        seen.append(scope["client"][0])

    async def receive() -> Message:
        return {"type": "http.request", "body": b""}

    async def send(message: Message) -> None:
        pass

    middleware = TrustedProxies(app, [ip_network(network) for network in trusted])
    headers = [(b"x-forwarded-for", forwarded.encode())]
    await middleware({"type": "http", "client": (peer, 40312), "headers": headers}, receive, send)
    return seen[0]


@pytest.mark.parametrize(
    ("viewer", "edge"),
    [
        ("203.0.113.7", "130.176.12.34"),
        ("2001:db8::7", "15.158.3.4"),
        # Were CloudFront to reach the balancer over IPv6, its address would be trusted too.
        ("203.0.113.7", "2600:9000:1234::5"),
    ],
)
async def test_behind_cloudfront_and_the_balancer_the_client_is_the_viewer(
    viewer: str, edge: str
) -> None:
    # The viewer sent a header of its own; CloudFront appended the viewer's address, the
    # balancer the address of the CloudFront server that connected to it.
    chain = f"6.6.6.6, {viewer}, {edge}"
    trusted = [*ALB_SUBNETS, *CLOUDFRONT]
    assert await client_seen_by_the_app(trusted, ALB_PEER[0], chain) == viewer
    # Trusting the balancer's subnets alone would make CloudFront's server the client: every
    # viewer behind one edge location would share its sign-in budget.
    assert await client_seen_by_the_app(ALB_SUBNETS, ALB_PEER[0], chain) == edge


async def test_behind_cloudfront_a_viewer_is_throttled_by_its_own_address(
    sqlite_url: str, tmp_path: Path
) -> None:
    trusted = [*ALB_SUBNETS, *CLOUDFRONT]
    settings = databases.test_settings(sqlite_url, tmp_path, trusted_proxies=trusted)
    limit = settings.auth.throttle_per_address
    async with databases.app_client(settings, peer=ALB_PEER) as client:
        # One person, a new invented hop and another CloudFront server each time.
        one = await failures_until_blocked(
            client, [f"6.6.{n}.1, 203.0.113.7, 130.176.{n}.9" for n in range(limit + 1)]
        )
        # Many people through the same CloudFront server: nobody locks anybody else out.
        many = await failures_until_blocked(
            client, [f"198.51.100.{n}, 130.176.0.9" for n in range(limit + 3)]
        )
    assert one[:limit] == [401] * limit
    assert one[limit:] == [429]
    assert set(many) == {401}
