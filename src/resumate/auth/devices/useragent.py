"""Which browser and operating system a `User-Agent` names, for the list of devices signed in.

Only the major browsers and systems are told apart; the order of the checks matters, because
most browsers also name the ones they descend from (Edge and Opera say "Chrome", Chrome says
"Safari", every iPhone browser says "like Mac OS X").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Checked in this order: the first that matches names the browser.
BROWSERS = (
    ("Samsung Internet", re.compile(r"SamsungBrowser/")),
    ("Opera", re.compile(r"\bOPR/|\bOPiOS/|\bOPT/|^Opera/|\bOpera\b")),
    ("Edge", re.compile(r"\bEdg(?:e|A|iOS)?/")),
    ("Firefox", re.compile(r"\bFirefox/|\bFxiOS/")),
    ("Chrome", re.compile(r"\b(?:Headless)?Chrome/|\bCriOS/|\bChromium/")),
    ("Safari", re.compile(r"\bVersion/[\d.]+.*\bSafari/")),
)
SYSTEMS = (
    ("iPadOS", re.compile(r"\biPad\b")),
    ("iOS", re.compile(r"\biPhone\b|\biPod\b")),
    ("Android", re.compile(r"\bAndroid\b")),
    ("ChromeOS", re.compile(r"\bCrOS\b")),
    ("Windows", re.compile(r"\bWindows\b")),
    ("macOS", re.compile(r"\bMacintosh\b|\bMac OS X\b")),
    ("Linux", re.compile(r"\bLinux\b|\bX11\b")),
)
HANDHELD = frozenset({"iOS", "iPadOS", "Android"})
# A program that is no browser names itself first: "curl/8.5.0", "python-httpx/0.28.1".
PRODUCT = re.compile(r"^([A-Za-z][\w.+-]{0,39})/")


@dataclass(frozen=True)
class Device:
    browser: str | None
    os: str | None
    # What a program that is no browser calls itself.
    program: str | None = None

    @property
    def handheld(self) -> bool:
        return self.os in HANDHELD

    @property
    def label(self) -> str:
        """What to call the device: "Chrome on Windows", "curl", "Unknown browser"."""
        name = self.browser or self.program or "Unknown browser"
        return f"{name} on {self.os}" if self.os else name


def parse(user_agent: str) -> Device:
    browser = _first(BROWSERS, user_agent)
    system = _first(SYSTEMS, user_agent)
    program = None
    if browser is None and not user_agent.startswith("Mozilla/"):
        found = PRODUCT.match(user_agent)
        program = found.group(1) if found else None
    return Device(browser, system, program)


def _first(checks: tuple[tuple[str, re.Pattern[str]], ...], user_agent: str) -> str | None:
    return next((name for name, pattern in checks if pattern.search(user_agent)), None)
