"""The renderer's lockdown on its own: hostile raw HTML, as if a template were hostile.

Escaping is not relied on here. Every page asks for the canary in every spelling (and for the
cloud metadata address, and for local files) through every element, style and script that can
fetch; the renderer must print it or fail cleanly, the canary must hear nothing, and no file may
show up in the PDF.

In the app's renderer a leaked request would meet the dead proxy, not the canary. So the same
pages also go through a "tripwired" renderer whose proxy is a second canary: a request that got
past JavaScript being off, the offline context and request interception would arrive there,
whatever host it was for, so "never requested" is shown for 169.254.169.254 without ever going
near it. What does arrive there is Chromium's own traffic (update checks, account lookups) and
idle sockets: Chromium preconnects to the proxy for frames it is about to navigate, below
request interception and offline emulation. In the app those dial the dead proxy, and Chromium's
net log shows that they, and everything else, dial nothing but the dead proxy.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from playwright.async_api import Browser, Route

import resumate.rendering.renderer as renderer_module
from resumate.config import RenderSettings
from resumate.rendering.renderer import Renderer, RenderFailed
from tests.rendering.conftest import pdf_text
from tests.rendering.test_security_canary import (
    METADATA_URL,
    Canary,
    assert_nothing_leaked,
    canary_urls,
    hostile_page,
    running_canary,
)

RENDER_DEADLINE = 40  # seconds: past the renderer's own timeout, so a hang fails instead


@pytest.fixture(scope="module")
def canary() -> Iterator[Canary]:
    with running_canary(verdict="silent") as listening:
        yield listening


@pytest.fixture(scope="module")
def tripwire() -> Iterator[Canary]:
    with running_canary(verdict="no requests") as listening:
        yield listening


class Tripwired(Renderer):
    """The app's renderer with its dead proxy swapped for a listening one, relaunches included."""

    def __init__(self, proxy_port: int, work_dir: Path) -> None:
        super().__init__(RenderSettings(concurrency=1), work_dir)
        proxy = f"--proxy-server=http://127.0.0.1:{proxy_port}"
        # The resolver rule goes too, or Chromium could not reach the listening proxy; what
        # arrives there is whatever got past interception and offline mode.
        self.args = [
            proxy if a.startswith("--proxy-server=") else a
            for a in renderer_module.CHROMIUM_ARGS
            if not a.startswith("--host-resolver-rules=")
        ]
        assert self.args != renderer_module.CHROMIUM_ARGS

    async def _launch(self) -> None:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(renderer_module, "CHROMIUM_ARGS", self.args)
            await super()._launch()


@pytest.fixture(scope="module")
async def tripwired(
    tripwire: Canary, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Renderer]:
    chromium = Tripwired(tripwire.port, tmp_path_factory.mktemp("tripwired"))
    await chromium._ensure_browser()
    yield chromium
    await chromium.close()


def few_urls(port: int) -> list[str]:
    """127.0.0.1, localhost and [::1]: the spellings that differ after Chromium normalizes."""
    urls = canary_urls(port)
    return [urls[0], urls[1], urls[-2]]


def pages(port: int) -> dict[str, str]:
    urls = canary_urls(port)
    refresh = '<meta http-equiv="refresh" content="0;url={}">'.format
    return {
        "every-fetch": hostile_page([*urls, METADATA_URL]),
        "base-http": hostile_page([], f'<base href="{urls[0]}">') + '<img src="relative.png">',
        "base-file": hostile_page([], '<base href="file:///etc/">') + '<iframe src="passwd">',
        "refresh-http": hostile_page([], refresh(f"{urls[1]}refresh")),
        "refresh-metadata": hostile_page([], refresh(METADATA_URL)),
        "refresh-file": hostile_page([], refresh("file:///etc/passwd")),
        "refresh-data": hostile_page([], refresh(f"data:text/html,<img src='{urls[0]}x'>")),
        "refresh-javascript": hostile_page([], refresh(f"javascript:fetch('{urls[0]}js')")),
    }


async def print_or_fail_cleanly(renderer: Renderer, html: str, tmp_path: Path) -> str:
    """The PDF's text, or "" if the renderer refused the page with RenderFailed."""
    try:
        async with asyncio.timeout(RENDER_DEADLINE):
            result = await renderer.pdf(html, title="t", author="a")
    except RenderFailed:
        return ""
    return pdf_text(result.data, tmp_path)


async def next_document_text(renderer: Renderer, tmp_path: Path) -> str:
    """What the next, harmless document prints as, on the pages the hostile one used.

    A refresh the hostile page left behind can still navigate its pooled page while the next
    render runs; that render then fails cleanly ("Execution context was destroyed"), about one
    time in thirty. It never prints the hostile page or an error page in place of the document,
    and the render after it prints.
    """
    for _ in range(2):
        with contextlib.suppress(RenderFailed):
            result = await renderer.pdf("<p>NEXT DOCUMENT</p>", title="t", author="a")
            return pdf_text(result.data, tmp_path).strip()
    return "two renders in a row failed"


@pytest.mark.parametrize("name", pages(1).keys())
@pytest.mark.parametrize("which", ["app", "tripwired"])
async def test_hostile_html_reaches_nothing(
    name: str,
    which: str,
    renderer: Renderer,
    tripwired: Renderer,
    canary: Canary,
    tripwire: Canary,
    tmp_path: Path,
) -> None:
    chromium = renderer if which == "app" else tripwired
    text = await print_or_fail_cleanly(chromium, pages(canary.port)[name], tmp_path)
    if name == "every-fetch":
        assert "HOSTILE PAGE" in text
    assert await next_document_text(chromium, tmp_path) == "NEXT DOCUMENT"
    canary.assert_silent()
    assert tripwire.requests() == []
    assert_nothing_leaked(text)


@pytest.mark.parametrize("which", ["app", "tripwired"])
async def test_a_hostile_thumbnail_reaches_nothing(
    which: str, renderer: Renderer, tripwired: Renderer, canary: Canary, tripwire: Canary
) -> None:
    chromium = renderer if which == "app" else tripwired
    async with asyncio.timeout(RENDER_DEADLINE):
        png = await chromium.png(hostile_page(few_urls(canary.port)), width=800, height=1000)
    assert png.startswith(b"\x89PNG")
    canary.assert_silent()
    assert tripwire.requests() == []


async def refuse(route: Route) -> None:
    await route.abort("blockedbyclient")


async def print_in_context(
    browser: Browser, html: str, *, javascript: bool, offline: bool, route: bool
) -> bytes:
    context = await browser.new_context(java_script_enabled=javascript, offline=offline)
    try:
        if route:
            await context.route("**/*", refuse)
        page = await context.new_page()
        async with asyncio.timeout(RENDER_DEADLINE):
            await page.set_content(html, wait_until="load")
            pdf = await page.pdf()
            if javascript:
                await asyncio.sleep(1)  # WebRTC gathers its candidates after load
        return pdf
    finally:
        await context.close()


# One more layer taken away, in the tripwired browser (so the dead proxy is gone too, and what
# gets past the rest arrives at the tripwire). The metadata address stays out of these pages.
@pytest.mark.parametrize(
    ("javascript", "offline", "route", "gets_through"),
    [
        pytest.param(True, True, True, set(), id="javascript-on"),
        pytest.param(False, True, False, set(), id="no-request-interception"),
        # Request interception never sees <link rel=prefetch>: offline and the proxy stop it.
        pytest.param(False, False, True, {"prefetch"}, id="online"),
    ],
)
async def test_with_a_layer_missing_the_others_still_hold(
    javascript: bool,
    offline: bool,
    route: bool,
    gets_through: set[str],
    tripwired: Renderer,
    canary: Canary,
    tripwire: Canary,
    tmp_path: Path,
) -> None:
    assert tripwired._browser is not None
    html = hostile_page(canary_urls(canary.port)[:1])
    pdf = await print_in_context(
        tripwired._browser, html, javascript=javascript, offline=offline, route=route
    )
    tripwire.settle()
    assert {hit.path for hit in tripwire.requests()} <= gets_through
    tripwire.hits[:] = [hit for hit in tripwire.hits if hit.path not in gets_through]
    canary.assert_silent()
    assert_nothing_leaked(pdf_text(pdf, tmp_path))


async def test_the_dead_proxy_alone_stops_page_requests(
    renderer: Renderer, canary: Canary, tmp_path: Path
) -> None:
    await renderer._ensure_browser()
    assert renderer._browser is not None
    html = hostile_page(canary_urls(canary.port)[:1])
    pdf = await print_in_context(
        renderer._browser, html, javascript=False, offline=False, route=False
    )
    canary.assert_silent()
    assert_nothing_leaked(pdf_text(pdf, tmp_path))


async def test_the_tripwire_catches_an_unguarded_page(
    tripwired: Renderer, tripwire: Canary, tmp_path: Path
) -> None:
    """The control: with every layer off, the same page does reach out, and files do print."""
    assert tripwired._browser is not None
    html = hostile_page(canary_urls(tripwire.port)[:1])
    await print_in_context(tripwired._browser, html, javascript=True, offline=False, route=False)
    tripwire.settle()
    heard = tripwire.requests()
    tripwire.hits.clear()
    assert {"img", "css", "iframe", "import", "font", "fetch", "data-iframe"} <= {
        hit.path for hit in heard
    }
    assert any(hit.transport == "udp" for hit in heard)  # WebRTC, which no proxy sees
    context = await tripwired._browser.new_context()
    try:
        page = await context.new_page()
        await page.goto("file:///etc/passwd")
        assert "root:x:0:0" in pdf_text(await page.pdf(), tmp_path)
    finally:
        await context.close()


def socket_addresses(netlog: Path) -> tuple[set[str], set[str]]:
    """Every address Chromium opened a TCP connection or a UDP socket to, from its net log."""
    log = json.loads(netlog.read_text())
    names = {number: name for name, number in log["constants"]["logEventTypes"].items()}
    tcp, udp = set(), set()
    for event in log["events"]:
        address = event.get("params", {}).get("address")
        name = names[event["type"]]
        if address and name.startswith("TCP_CONNECT"):
            tcp.add(address)
        elif address and name.startswith("UDP_CONNECT"):
            udp.add(address)
    return tcp, udp


async def test_in_the_app_configuration_chromium_only_ever_dials_the_dead_proxy(
    canary: Canary, tmp_path: Path
) -> None:
    """Chromium's own net log, for the app's exact flags: the metadata address is never dialed."""
    netlog = tmp_path / "netlog.json"
    logged = Renderer(RenderSettings(concurrency=1), tmp_path)
    with pytest.MonkeyPatch.context() as patch:
        logging_args = [*renderer_module.CHROMIUM_ARGS, f"--log-net-log={netlog}"]
        patch.setattr(renderer_module, "CHROMIUM_ARGS", logging_args)
        await logged._ensure_browser()
    try:
        html = hostile_page([*few_urls(canary.port), METADATA_URL])
        await print_or_fail_cleanly(logged, html, tmp_path)
    finally:
        await logged.close()
    assert "169.254.169.254" in netlog.read_text()  # the page did ask for it
    tcp, udp = socket_addresses(netlog)
    assert tcp <= {"127.0.0.1:9"}
    # UDP: only Chromium's IPv6 reachability check, a connect() that sends nothing.
    assert not [a for a in udp if a.startswith(("127.", "[::1]", "[::ffff:", "169.254.", "0."))]
    assert not [a for a in udp if a.endswith(f":{canary.port}")]
    canary.assert_silent()
