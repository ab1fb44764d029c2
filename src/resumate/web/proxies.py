"""Who the client is behind the load balancer: forwarded headers, believed only from proxies.

A proxy appends the address it received the request from to `X-Forwarded-For`. Reading that
header from right to left, every hop added by a configured proxy (`RESUMATE_TRUSTED_PROXIES`)
is believed, and the first address that is not one of them is the client: anything to its left
was written by the client itself and may be invented. Without configured proxies (the embedded
default, where people reach the app directly) the header is ignored whoever sends it, loopback
included, so a new header value never buys a new sign-in budget.

The deployment's chain is CloudFront, then the ALB, then the app: the trusted networks are the
ALB's subnets and CloudFront's origin-facing ranges (see the infrastructure's README).
"""

from __future__ import annotations

from collections.abc import Iterable
from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network, ip_address

from starlette.types import ASGIApp, Receive, Scope, Send

Network = IPv4Network | IPv6Network
Address = IPv4Address | IPv6Address


class Networks:
    """The trusted networks, grouped by prefix length for lookups.

    CloudFront alone has well over a hundred origin-facing ranges, and every hop of every
    request is checked: an address is tested with one set lookup per distinct prefix length
    (a dozen or so) instead of one comparison per network.
    """

    def __init__(self, networks: Iterable[Network]) -> None:
        grouped: dict[tuple[int, int], set[int]] = {}
        for network in networks:
            shift = network.max_prefixlen - network.prefixlen
            prefix = int(network.network_address) >> shift
            grouped.setdefault((network.version, shift), set()).add(prefix)
        self._by_version: dict[int, list[tuple[int, frozenset[int]]]] = {4: [], 6: []}
        for (version, shift), prefixes in sorted(grouped.items()):
            self._by_version[version].append((shift, frozenset(prefixes)))

    def __bool__(self) -> bool:
        return any(self._by_version.values())

    def __contains__(self, address: str) -> bool:
        parsed = parse(address)
        return parsed is not None and self.holds(parsed)

    def holds(self, address: Address) -> bool:
        value = int(address)
        for shift, prefixes in self._by_version[address.version]:
            if value >> shift in prefixes:
                return True
        return False


def parse(text: str) -> Address | None:
    try:
        return ip_address(text.strip())
    except ValueError:
        return None


def is_trusted(address: str, networks: Networks) -> bool:
    return address in networks


def client_of(peer: str, forwarded_for: str | None, networks: Networks) -> str:
    """The right-most address in the chain that no trusted proxy vouches for."""
    if not is_trusted(peer, networks) or not forwarded_for:
        return peer
    hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
    for hop in reversed(hops):
        address = parse(hop)
        if address is None:
            # Garbage where the client's address should be: the proxy is all that is known.
            return peer
        if not networks.holds(address):
            return hop
    # Every hop is a proxy of ours: the left-most is as close to the client as there is.
    return hops[0] if hops else peer


class TrustedProxies:
    """Set the request's client address and scheme from forwarded headers of trusted proxies."""

    def __init__(self, app: ASGIApp, networks: Iterable[Network]) -> None:
        self.app = app
        self.networks = Networks(networks)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and self.networks and scope.get("client"):
            peer, port = scope["client"]
            if is_trusted(peer, self.networks):
                headers = dict(scope["headers"])
                forwarded = headers.get(b"x-forwarded-for", b"").decode("latin-1") or None
                client = client_of(peer, forwarded, self.networks)
                proto = headers.get(b"x-forwarded-proto", b"").decode("latin-1").strip().lower()
                scope = dict(scope, client=(client, port))
                if proto in ("http", "https"):
                    scope["scheme"] = (
                        proto if scope["type"] == "http" else proto.replace("http", "ws")
                    )
        await self.app(scope, receive, send)
