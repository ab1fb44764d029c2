"""Where a user-entered base URL may point, checked on the name's addresses and at connect time.

A person who brings their own model gives a base URL; the server, not the browser, calls it.
Without care that is a door into the operator's network (the cloud metadata service at
169.254.169.254, a database on 10.0.0.5, an admin page on localhost). So:

- public addresses need https; private ones (loopback, RFC 1918, link-local, unique-local,
  CGNAT) only when the operator sets `allow_private_urls`, and then http is allowed too;
- multicast, unspecified, reserved and cloud metadata addresses are never reached;
- numeric host spellings other than dotted quads (`2130706433`, `0x7f.1`, `017700000001`) are
  refused rather than second-guessed;
- the check runs on every address the name resolves to, and again on the peer of every
  connection the client opens, so a name that resolves elsewhere the second time (DNS
  rebinding) still cannot reach a refused address.
"""

from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpcore2
import httpx2
from httpcore2._backends.auto import AutoBackend
from httpcore2._backends.base import AsyncNetworkBackend, AsyncNetworkStream

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# The cloud metadata services (AWS, GCP, Azure, Alibaba, AWS over IPv6): never, whatever is allowed.
_METADATA = frozenset(
    ipaddress.ip_address(a)
    for a in ("169.254.169.254", "169.254.170.2", "100.100.100.200", "fd00:ec2::254")
)
_LOCAL_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback")
_NUMERIC_HOST = re.compile(r"^[0-9a-fx.]+$", re.IGNORECASE)
_DOTTED_QUAD = re.compile(
    r"^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$"
)


class UnsafeURL(ValueError):
    """The base URL may not be used; the message says why, for the person who typed it."""


@dataclass(frozen=True)
class Target:
    url: str
    host: str
    private: bool


def refusal(address: IPAddress, *, allow_private: bool) -> str | None:
    """Why a connection to this address is refused, or None when it may go ahead."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if address in _METADATA:
        return "is a cloud metadata address"
    if address.is_multicast or address.is_unspecified or address.is_reserved:
        return "is not a usable address"
    if _is_public(address):
        return None
    return None if allow_private else "is a private or local address"


def _is_public(address: IPAddress) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if isinstance(address, ipaddress.IPv6Address) and (
        address.sixtofour is not None or address.teredo is not None
    ):
        return False  # tunnels that embed an IPv4 address of their choosing
    return address.is_global


def _literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    if _NUMERIC_HOST.match(host) and not _DOTTED_QUAD.match(host):
        raise UnsafeURL("write the server's address as a name or a plain dotted IP address")
    return None


def parse(url: str, *, allow_private: bool) -> Target:
    """The URL's shape and host, checked without touching the network."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UnsafeURL("must be an http(s):// address")
    if parts.username is not None or parts.password is not None:
        raise UnsafeURL("may not carry a user name or password")
    if parts.query or parts.fragment:
        raise UnsafeURL("may not carry a query or fragment")
    try:
        parts.port  # noqa: B018 - raises on a port out of range
    except ValueError as error:
        raise UnsafeURL("has an invalid port") from error
    host = parts.hostname.rstrip(".").lower()
    address = _literal(host)
    private = host in _LOCAL_NAMES or host.endswith(".localhost")
    if address is not None:
        reason = refusal(address, allow_private=allow_private)
        if reason:
            raise UnsafeURL(f"{host} {reason}")
        private = not _is_public(address)
    elif private and not allow_private:
        raise UnsafeURL(f"{host} is a private or local address")
    if parts.scheme == "http" and not private and address is not None:
        raise UnsafeURL("must use https://")
    return Target(url=parts.geturl().rstrip("/"), host=host, private=private)


async def checked_url(url: str, *, allow_private: bool) -> str:
    """The URL, once it and every address its name resolves to are allowed. Raises UnsafeURL."""
    target = parse(url, allow_private=allow_private)
    try:
        found = await asyncio.get_running_loop().getaddrinfo(
            target.host, None, type=socket.SOCK_STREAM
        )
    except OSError as error:
        raise UnsafeURL(f"{target.host} could not be found") from error
    addresses = {ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in found}
    private = target.private
    for address in addresses:
        reason = refusal(address, allow_private=allow_private)
        if reason:
            raise UnsafeURL(f"{target.host} {reason}")
        private = private or not _is_public(address)
    if target.url.startswith("http://") and not private:
        raise UnsafeURL("must use https://")
    return target.url


class _PeerCheckingBackend(AsyncNetworkBackend):
    """Opens connections as usual, then refuses any whose peer is a refused address."""

    def __init__(self, *, allow_private: bool) -> None:
        self._inner = AutoBackend()
        self._allow_private = allow_private

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109 - httpcore's interface
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> AsyncNetworkStream:
        stream = await self._inner.connect_tcp(host, port, timeout, local_address, socket_options)
        peer = stream.get_extra_info("server_addr")
        address = ipaddress.ip_address(str(peer[0]).split("%")[0]) if peer else None
        reason = "has no peer address" if address is None else None
        if address is not None:
            reason = refusal(address, allow_private=self._allow_private)
        if reason:
            await stream.aclose()
            raise httpcore2.ConnectError(f"{host} {reason}")
        return stream

    async def connect_unix_socket(self, *args: Any, **kwargs: Any) -> AsyncNetworkStream:
        raise httpcore2.ConnectError("unix sockets are not reachable from a user's base URL")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def guarded_http_client(*, allow_private: bool, timeout: float) -> httpx2.AsyncClient:
    """An HTTP client for a user-entered URL: no proxies from the environment, no redirects,
    and every connection's peer checked."""
    transport = httpx2.AsyncHTTPTransport(trust_env=False)
    # httpx2 takes no network backend, so its pool is swapped for one that checks each peer.
    transport._pool = httpcore2.AsyncConnectionPool(
        ssl_context=httpx2.create_ssl_context(trust_env=False),
        max_connections=20,
        max_keepalive_connections=5,
        keepalive_expiry=5.0,
        network_backend=_PeerCheckingBackend(allow_private=allow_private),
    )
    return httpx2.AsyncClient(
        transport=transport, trust_env=False, follow_redirects=False, timeout=timeout
    )
