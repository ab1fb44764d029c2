"""Chromium, launched once per process and kept warm, printing HTML to PDF and PNG.

A fixed set of pages is reused: printing on a warm page takes tens of milliseconds, where
launching a browser per request (the original design) takes about half a second. Admission is
bounded: when every page is busy and the waiting line is full, the caller gets 503 with
Retry-After at once instead of a request that hangs. Each render has a timeout; a page that
timed out or failed is closed and replaced, and a browser that died is relaunched on next use.

Rendering is locked down: JavaScript off, service workers blocked, the context offline, every
request aborted, and Chromium pointed at a dead proxy as a last line. Fonts come from the
package through fontconfig, so a document never needs the network.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import os
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from playwright.async_api import Browser, BrowserContext, Page, Playwright, Route, async_playwright
from playwright.async_api import Error as PlaywrightError

from resumate.config import RenderSettings
from resumate.errors import ServiceUnavailable
from resumate.rendering.fonts import write_fontconfig
from resumate.rendering.pdf_metadata import page_count, with_document_info
from resumate.rendering.text_layer import corrected_text_maps, reversed_actual_texts

log = logging.getLogger("resumate.rendering")

CHROMIUM_ARGS = [
    "--no-sandbox",  # the process runs unprivileged in its container; needed as root in tests
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--disable-extensions",
    "--no-first-run",
    "--mute-audio",
    # Should anything slip past request interception, it meets a proxy that is not there,
    # and no host name resolves (this also silences Chromium's own calls home).
    "--proxy-server=http://127.0.0.1:9",
    "--proxy-bypass-list=<-loopback>",
    "--host-resolver-rules=MAP * ~NOTFOUND",
]
# For the printing browser only: no frames are drawn, which takes a third off every PDF, but
# screenshots need frames. PNGs (thumbnails, made once per template version) get a browser of
# their own for each shot, so it never sits in memory.
PRINT_ONLY_ARGS = ["--enable-begin-frame-control", "--run-all-compositor-stages-before-draw"]


class RendererBusy(ServiceUnavailable):
    code = "renderer_busy"
    default_message = "Lots of PDFs are being made right now. Try again in a few seconds."


class RenderFailed(ServiceUnavailable):
    code = "render_failed"
    default_message = "The PDF could not be made this time. Try again."


# What runs on a page while it is lent out.
_Work = Callable[[Page], Awaitable[bytes]]


@dataclass(frozen=True)
class RenderedPdf:
    data: bytes
    pages: int


async def _refuse(route: Route) -> None:
    await route.abort("blockedbyclient")


class Renderer:
    def __init__(self, settings: RenderSettings, work_dir: Path) -> None:
        self.settings = settings
        # Absolute, whatever the caller passed: Chromium's fontconfig does not resolve a relative
        # FONTCONFIG_FILE against our working directory, and silently uses the system's fonts.
        self.work_dir = work_dir.absolute()
        self._playwright: Playwright | None = None
        self._browser: Browser | None = None
        self._idle: asyncio.Queue[Page] = asyncio.Queue()
        self._generation = 0
        self._page_generation: dict[Page, int] = {}
        self._launch_lock = asyncio.Lock()
        self._admitted = 0
        self._screenshot_lock = asyncio.Lock()

    @property
    def capacity(self) -> int:
        """Requests admitted at once: those printing plus those allowed to wait."""
        return self.settings.concurrency + self.settings.queue_limit

    async def pdf(self, html: str, *, title: str, author: str) -> RenderedPdf:
        """Print `html` (its @page rule sets size and margins) to a PDF with a text layer."""

        async def print_pdf(page: Page) -> bytes:
            await page.set_content(html, wait_until="load")
            return await page.pdf(print_background=True, prefer_css_page_size=True, tagged=True)

        raw = await self._run(print_pdf)
        data = with_document_info(
            raw,
            title=title,
            author=author,
            creator="Resumate AI",
            replaced=corrected_text_maps(raw) | reversed_actual_texts(raw),
        )
        return RenderedPdf(data=data, pages=page_count(raw))

    async def pages(self, html: str) -> int:
        """How many sheets `html` prints on: the same print as `pdf`, counted and thrown away,
        without the text layer's corrections (a layout probe, e.g. fitting to a page count)."""

        async def print_pdf(page: Page) -> bytes:
            await page.set_content(html, wait_until="load")
            return await page.pdf(print_background=True, prefer_css_page_size=True, tagged=True)

        return page_count(await self._run(print_pdf))

    async def png(
        self, html: str, *, width: int, height: int, scale: float = 0.5, inset: int = 0
    ) -> bytes:
        """A `width` by `height` CSS-pixel screenshot of `html` from (`inset`, `inset`), scaled.

        A resume document shows its first sheet `SCREEN_GUTTER` pixels in from the corner.
        """
        async with self._admission(), self._screenshot_lock:
            try:
                return await self._shoot(html, width, height, scale, inset)
            except RenderFailed:
                # A launch or a shot can fail on a machine that is busy for a moment; a
                # thumbnail is worth a second try before the visitor is told to retry.
                log.warning("screenshot failed once; trying again")
                return await self._shoot(html, width, height, scale, inset)

    async def _shoot(self, html: str, width: int, height: int, scale: float, inset: int) -> bytes:
        """One screenshot in a browser of its own, closed afterwards."""
        try:
            browser = await self._start_browser([])
        except PlaywrightError as exc:
            raise RenderFailed("The renderer is not available right now.") from exc
        try:
            context = await browser.new_context(
                java_script_enabled=False,
                service_workers="block",
                offline=True,
                device_scale_factor=scale,
                viewport={"width": width + 2 * inset, "height": height + inset},
            )
            await context.route("**/*", _refuse)
            page = await context.new_page()
            clip = {"x": inset, "y": inset, "width": width, "height": height}

            async def shoot() -> bytes:
                await page.set_content(html, wait_until="load")
                return await page.screenshot(type="png", clip=clip, scale="device")  # type: ignore[arg-type]

            return await asyncio.wait_for(shoot(), self.settings.timeout_seconds)
        except (TimeoutError, PlaywrightError) as exc:
            log.warning("screenshot failed (%s)", type(exc).__name__)
            raise RenderFailed() from exc
        finally:
            with contextlib.suppress(PlaywrightError):
                await browser.close()

    async def close(self) -> None:
        async with self._launch_lock:
            await self._close_browser()
            if self._playwright is not None:
                await self._playwright.stop()
                self._playwright = None

    async def _run(self, work: _Work) -> bytes:
        async with self._admission(), self._page() as page:
            return await asyncio.wait_for(work(page), self.settings.timeout_seconds)

    @contextlib.asynccontextmanager
    async def _admission(self) -> AsyncIterator[None]:
        """Count the request in, or refuse it at once when the line is full."""
        if self._admitted >= self.capacity:
            raise RendererBusy(retry_after=self._retry_after())
        self._admitted += 1
        try:
            yield
        finally:
            self._admitted -= 1

    def _retry_after(self) -> int:
        # Roughly how long the line ahead takes to clear, at a second or two per render.
        return max(1, math.ceil(self._admitted / self.settings.concurrency))

    @contextlib.asynccontextmanager
    async def _page(self) -> AsyncIterator[Page]:
        await self._ensure_browser()
        try:
            page = await asyncio.wait_for(self._idle.get(), self.settings.timeout_seconds)
        except TimeoutError as exc:
            raise RendererBusy(retry_after=self._retry_after()) from exc
        healthy = False
        try:
            yield page
            # A page that navigated away (a refresh in a hostile document) is not lent again.
            healthy = page.url == "about:blank"
        except (TimeoutError, PlaywrightError) as exc:
            log.warning("render failed (%s); replacing the page", type(exc).__name__)
            raise RenderFailed() from exc
        finally:
            await self._give_back(page, healthy)

    async def _give_back(self, page: Page, healthy: bool) -> None:
        current = self._page_generation.pop(page, None) == self._generation
        if healthy and current and not page.is_closed():
            self._page_generation[page] = self._generation
            self._idle.put_nowait(page)
            return
        with contextlib.suppress(PlaywrightError):
            await page.close()
        if current and self._browser is not None and self._browser.is_connected():
            with contextlib.suppress(PlaywrightError):
                await self._add_page(self._browser.contexts[0])

    async def _ensure_browser(self) -> None:
        if self._browser is not None and self._browser.is_connected():
            return
        async with self._launch_lock:
            if self._browser is not None and self._browser.is_connected():
                return
            await self._close_browser()
            try:
                await self._launch()
            except PlaywrightError as exc:
                log.error("Chromium did not start: %s", type(exc).__name__)
                raise RenderFailed("The PDF renderer is not available right now.") from exc

    async def _start_browser(self, extra_args: list[str]) -> Browser:
        if self._playwright is None:
            self._playwright = await async_playwright().start()
        fontconfig = write_fontconfig(self.work_dir / "fontconfig")
        return await self._playwright.chromium.launch(
            executable_path=str(self.settings.chromium_path),
            args=[*CHROMIUM_ARGS, *extra_args],
            env={**os.environ, "FONTCONFIG_FILE": str(fontconfig)},
            timeout=30_000,
        )

    async def _launch(self) -> None:
        browser = await self._start_browser(PRINT_ONLY_ARGS)
        self._generation += 1
        self._browser = browser
        context = await browser.new_context(
            java_script_enabled=False, service_workers="block", offline=True
        )
        await context.route("**/*", _refuse)
        for _ in range(self.settings.concurrency):
            await self._add_page(context)
        log.info("Chromium started with %d pages", self.settings.concurrency)

    async def _add_page(self, context: BrowserContext) -> None:
        page = await context.new_page()
        self._page_generation[page] = self._generation
        self._idle.put_nowait(page)

    async def _close_browser(self) -> None:
        while not self._idle.empty():
            self._page_generation.pop(self._idle.get_nowait(), None)
        if self._browser is not None:
            with contextlib.suppress(PlaywrightError):
                await self._browser.close()
            self._browser = None
