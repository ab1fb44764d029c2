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

from collections.abc import Sequence
from ipaddress import IPv4Network, IPv6Network, ip_address

from starlette.types import ASGIApp, Receive, Scope, Send

Network = IPv4Network | IPv6Network


def is_trusted(address: str, networks: Sequence[Network]) -> bool:
    try:
        parsed = ip_address(address.strip())
    except ValueError:
        return False
    return any(parsed in network for network in networks)


def client_of(peer: str, forwarded_for: str | None, networks: Sequence[Network]) -> str:
    """The right-most address in the chain that no trusted proxy vouches for."""
    if not is_trusted(peer, networks) or not forwarded_for:
        return peer
    hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not is_trusted(hop, networks):
            return hop if is_address(hop) else peer
    # Every hop is a proxy of ours: the left-most is as close to the client as there is.
    return hops[0] if hops else peer


def is_address(text: str) -> bool:
    try:
        ip_address(text)
    except ValueError:
        return False
    return True


class TrustedProxies:
    """Set the request's client address and scheme from forwarded headers of trusted proxies."""

    def __init__(self, app: ASGIApp, networks: Sequence[Network]) -> None:
        self.app = app
        self.networks = list(networks)

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
