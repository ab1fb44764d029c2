"""End-to-end journeys: a real Chromium uses the real app, served over HTTP, as a person would.

Every test in this folder is marked `e2e` (select with `-m e2e`, skip with `-m "not e2e"`) and
must be a plain `def`: Playwright's sync API refuses to run inside an event loop.

Fixtures
    live_server   (session) base URL of `resumate serve` on a free port of 127.0.0.1, with a
                  fresh data directory: SQLite, local storage, development mode. Set
                  RESUMATE_E2E_DATABASE=postgresql to run it on a fresh PostgreSQL database.
    live_folder   (session) the folder live_server runs in: its terminal output in
                  `server.log`, its data directory (and the mail outbox) in `data/`.
    browser       (session) Chromium (/usr/bin/chromium, or RESUMATE_E2E_CHROMIUM).
    new_page      a maker of pages: `new_page("phone", java_script_enabled=False)`; each page
                  has a browser context (cookies) of its own, so two are two devices. Pages
                  accept downloads and their `goto` takes paths ("/login"). The test fails if
                  any of its pages throws or breaks the Content Security Policy.
    page          a desktop page (1280 by 800).
    phone_page    a phone page (390 by 844, touch).
    any_page      a desktop page, then a phone page: one test run per device.
    named_pages   a maker of pages that reach the same server at http://localhost:<port>, the
                  site's name: passkeys need one (browsers refuse an IP address as the
                  relying party), and the app allows localhost on any port by default.

Helpers: tests.web.e2e.helpers
    signed_up(page) -> Person        sign up through the form and the mailed link; Person has
                                     email and password
    mailed(page, email)              what the server mailed to `email` (its outbox), waited for
    sign_in(page, person), sign_out(page)
    screenshot(page, name)           PNG in test-artifacts/screens/<name>.png (whole page)
    assert_accessible(page)          axe-core; fails on serious or critical violations
    look(page, name)                 both of the above, the name suffixed with the device
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Error,
    Page,
    sync_playwright,
)

from tests.databases import postgres_database
from tests.web.e2e.helpers import OUTBOXES

HERE = Path(__file__).parent
CHROMIUM = os.environ.get("RESUMATE_E2E_CHROMIUM", "/usr/bin/chromium")
# Nothing may reach out of the machine: no updates, no sync, no QUIC probes.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
DEVICES: dict[str, dict[str, Any]] = {
    "desktop": {"viewport": {"width": 1280, "height": 800}},
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "device_scale_factor": 2,
        "is_mobile": True,
        "has_touch": True,
    },
}
READY_SECONDS = 60
# Ample for a loaded CI machine, short enough that a missing element fails fast.
TIMEOUT_MS = 10_000


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.e2e)


# The server -----------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_until_ready(base_url: str, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"the app exited with {server.returncode}:\n{log.read_text()}")
        try:
            if httpx.get(f"{base_url}/readyz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    pytest.fail(f"the app was not ready within {READY_SECONDS}s:\n{log.read_text()}")


@pytest.fixture(scope="session")
def live_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("live-server")


@pytest.fixture(scope="session")
def live_server(live_folder: Path) -> Iterator[str]:
    # Every browser here signs in from 127.0.0.1; the per-account limit still applies.
    with served_like_make_run(
        live_folder,
        {"RESUMATE_AUTH_THROTTLE_PER_ADDRESS": "10000", "RESUMATE_AUTH_MAIL_PER_CLIENT": "10000"},
    ) as base_url:
        yield base_url


@contextmanager
def served_like_make_run(folder: Path, settings: dict[str, str]) -> Iterator[str]:
    """The app as `make run` starts it: no settings but these, from a folder of its own, so the
    data directory is the default relative `data` (the configuration every new user gets)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("RESUMATE_")}
    env |= {"RESUMATE_ENV": "development"} | settings
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    log = folder / "server.log"
    with ExitStack() as stack:
        if os.environ.get("RESUMATE_E2E_DATABASE") == "postgresql":
            env["RESUMATE_DATABASE_URL"] = stack.enter_context(postgres_database())
        output = stack.enter_context(log.open("wb"))
        command = [sys.executable, "-m", "resumate", "serve", "--host", "127.0.0.1"]
        server = subprocess.Popen(
            [*command, "--port", str(port)], env=env, cwd=folder, stdout=output, stderr=output
        )
        try:
            wait_until_ready(base_url, server, log)
            # The same server by name too (passkeys need it), with the same outbox.
            for origin in (base_url, f"http://localhost:{port}"):
                OUTBOXES[origin] = folder / "data" / "outbox"
            yield base_url
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


# The browser ----------------------------------------------------------------------------------


class SharedThread:
    """Lets a session-long Playwright share the thread with the suite's asyncio tests.

    Between its calls Playwright leaves its own loop marked as running in this thread, which
    makes any later `run_until_complete` (pytest-asyncio, `asyncio.run`) refuse to start. The
    mark is lifted outside e2e tests and put back for them.
    """

    def __init__(self) -> None:
        self.loop = asyncio.get_running_loop()

    def lend(self) -> None:
        asyncio._set_running_loop(None)

    def take_back(self) -> None:
        asyncio._set_running_loop(self.loop)


@pytest.fixture(scope="session")
def shared_thread() -> Iterator[tuple[Browser, SharedThread]]:
    playwright = sync_playwright().start()
    thread = SharedThread()
    try:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    except Error:
        playwright.stop()
        raise
    thread.lend()
    yield chromium, thread
    thread.take_back()
    chromium.close()
    playwright.stop()


@pytest.fixture(scope="session")
def browser(shared_thread: tuple[Browser, SharedThread]) -> Browser:
    return shared_thread[0]


@pytest.fixture(autouse=True)
def _playwright_owns_the_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    if "browser" not in request.fixturenames:
        yield
        return
    _, thread = request.getfixturevalue("shared_thread")
    thread.take_back()
    yield
    thread.lend()


class PageMaker:
    """Opens pages, each in a browser context of its own (its own cookies: another device)."""

    def __init__(self, browser: Browser, base_url: str) -> None:
        self.browser = browser
        self.base_url = base_url
        self.contexts: list[BrowserContext] = []
        self.problems: list[str] = []

    def __call__(self, device: str = "desktop", **options: Any) -> Page:
        settings = DEVICES[device] | {"accept_downloads": True} | options
        context = self.browser.new_context(base_url=self.base_url, **settings)
        context.set_default_timeout(TIMEOUT_MS)
        self.contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: self.problems.append(f"uncaught: {error}"))
        page.on("console", self._on_console)
        return page

    def _on_console(self, message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            self.problems.append(f"CSP: {message.text}")

    def close(self) -> None:
        for context in self.contexts:
            context.close()
        assert not self.problems, "a page went wrong:\n" + "\n".join(self.problems)


@pytest.fixture
def new_page(browser: Browser, live_server: str) -> Iterator[PageMaker]:
    maker = PageMaker(browser, live_server)
    yield maker
    maker.close()


@pytest.fixture
def page(new_page: PageMaker) -> Page:
    return new_page("desktop")


@pytest.fixture
def phone_page(new_page: PageMaker) -> Page:
    return new_page("phone")


@pytest.fixture(params=list(DEVICES))
def any_page(request: pytest.FixtureRequest, new_page: PageMaker) -> Page:
    return new_page(request.param)


@pytest.fixture
def named_pages(browser: Browser, live_server: str) -> Iterator[PageMaker]:
    maker = PageMaker(browser, live_server.replace("//127.0.0.1:", "//localhost:"))
    yield maker
    maker.close()
