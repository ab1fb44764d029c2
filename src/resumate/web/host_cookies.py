"""Over HTTPS the app's cookies are `__Host-` cookies: Secure, for this host only, path `/`.

A browser accepts a `__Host-` cookie only from this very host, over HTTPS, with `Path=/` and no
`Domain`, so neither a sibling subdomain nor someone on the network can plant or overwrite one.
The app's code names its cookies plainly (`resumate_access`, ...); this middleware renames them
at the edge when the request came over HTTPS (directly, or by a trusted proxy's
X-Forwarded-Proto): incoming `__Host-resumate_*` cookies reach the app by their plain names and
plain `resumate_*` ones are dropped (anyone could have set those), and outgoing `Set-Cookie`
headers for `resumate_*` get the prefix and `Secure`. Over plain HTTP (`make run` on loopback)
nothing changes.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

OURS = "resumate_"
PREFIX = "__Host-"


def incoming(cookie_header: str) -> str:
    """The Cookie header as the app should read it over HTTPS."""
    kept = []
    for part in cookie_header.split(";"):
        name, _, _ = part.strip().partition("=")
        if name.startswith(PREFIX + OURS):
            kept.append(part.strip().removeprefix(PREFIX))
        elif name and not name.startswith(OURS):
            kept.append(part.strip())
    return "; ".join(kept)


def outgoing(set_cookie: str) -> str:
    """A Set-Cookie header as an HTTPS answer sends it."""
    name, _, _ = set_cookie.partition("=")
    if not name.startswith(OURS):
        return set_cookie if "secure" in set_cookie.lower() else f"{set_cookie}; Secure"
    attributes = [a.strip() for a in set_cookie.split(";")]
    kept = [
        a for a in attributes[1:] if a.split("=")[0].lower() not in ("domain", "path", "secure")
    ]
    return "; ".join([PREFIX + attributes[0], *kept, "Path=/", "Secure"])


class HostCookies:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("scheme") != "https":
            await self.app(scope, receive, send)
            return
        headers = [
            (
                name,
                incoming(value.decode("latin-1")).encode("latin-1") if name == b"cookie" else value,
            )
            for name, value in scope["headers"]
        ]

        async def renamed(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [
                    (name, outgoing(value.decode("latin-1")).encode("latin-1"))
                    if name.lower() == b"set-cookie"
                    else (name, value)
                    for name, value in message.get("headers", [])
                ]
            await send(message)

        await self.app(dict(scope, headers=headers), receive, renamed)
