"""The relying party: which pages may use passkeys, and what to call a new one."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from resumate.config import PasskeySettings

BROWSERS = (("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"))
SYSTEMS = (
    ("Android", "Android"),
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Mac OS X", "macOS"),
    ("Windows", "Windows"),
    ("CrOS", "ChromeOS"),
    ("Linux", "Linux"),
)
IP_ADDRESS = re.compile(r"^(\d{1,3}(\.\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*)$")


@dataclass(frozen=True)
class Availability:
    """Whether a page at `origin` can use passkeys, and where to go instead when it cannot."""

    usable: bool
    # Shown instead of the button: the same page at the relying party's name, when one helps.
    go_to: str | None = None


def availability(settings: PasskeySettings, origin: str, path: str) -> Availability:
    if settings.allows(origin):
        return Availability(usable=True)
    parts = urlsplit(origin)
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    named = f"{parts.scheme}://{settings.rp_id}{port}"
    # `make run` serves http://127.0.0.1:8000, an address browsers will not make passkeys for;
    # the same server answers at its name.
    if IP_ADDRESS.match(host) and settings.allows(named):
        return Availability(usable=False, go_to=f"{named}{path}")
    return Availability(usable=False)


def default_name(user_agent: str, attachment: str | None) -> str:
    """What a new passkey is called until its owner names it: where it was made."""
    if attachment == "cross-platform":
        return "Security key"
    browser = next((name for mark, name in BROWSERS if mark in user_agent), None)
    if browser is None and "Safari/" in user_agent:
        browser = "Safari"
    system = next((name for mark, name in SYSTEMS if mark in user_agent), None)
    if browser and system:
        return f"{browser} on {system}"
    return browser or system or "Passkey"
