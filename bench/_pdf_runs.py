"""The timed runs of the PDF benchmark: a browser per request, warm pages, concurrent clients."""

from __future__ import annotations

import asyncio
import os
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from playwright.async_api import Playwright

from resumate.config import RenderSettings
from resumate.rendering.document import Document
from resumate.rendering.fonts import write_fontconfig
from resumate.rendering.renderer import CHROMIUM_ARGS, Renderer
from resumate.rendering.thumbnail import SCALE, SHEET_HEIGHT, SHEET_WIDTH


def percentile(samples: list[float], q: int) -> float:
    """The q-th percentile, interpolated between the nearest samples."""
    if len(samples) == 1:
        return samples[0]
    return statistics.quantiles(samples, n=100, method="inclusive")[q - 1]


def elapsed_ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


async def launch_and_print(
    playwright: Playwright, settings: RenderSettings, fontconfig: Path, html: str
) -> str:
    """The original design: a browser of its own for one PDF. Returns Chromium's version."""
    browser = await playwright.chromium.launch(
        executable_path=str(settings.chromium_path),
        args=CHROMIUM_ARGS,
        env={**os.environ, "FONTCONFIG_FILE": str(fontconfig)},
    )
    try:
        page = await browser.new_page()
        await page.set_content(html, wait_until="load")
        await page.pdf(print_background=True, prefer_css_page_size=True, tagged=True)
        return browser.version
    finally:
        await browser.close()


async def baseline(
    playwright: Playwright, settings: RenderSettings, work_dir: Path, html: str, runs: int
) -> tuple[str, list[float]]:
    """Chromium's version, and the milliseconds of `runs` launch-print-close requests.

    The fontconfig file is the renderer's, and one untimed launch first fills its cache, so
    the baseline pays for the launch and not for indexing fonts.
    """
    fontconfig = write_fontconfig(work_dir / "fontconfig")
    version = await launch_and_print(playwright, settings, fontconfig, html)
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        await launch_and_print(playwright, settings, fontconfig, html)
        samples.append(elapsed_ms(start))
    return version, samples


async def print_once(renderer: Renderer, document: Document) -> float:
    start = time.perf_counter()
    await renderer.pdf(document.html, title=document.title, author=document.author)
    return elapsed_ms(start)


async def sequential(renderer: Renderer, document: Document, runs: int) -> list[float]:
    return [await print_once(renderer, document) for _ in range(runs)]


@dataclass(frozen=True)
class Throughput:
    clients: int
    pdfs: int
    seconds: float
    samples_ms: list[float]

    @property
    def per_second(self) -> float:
        return self.pdfs / self.seconds


async def throughput(
    renderer: Renderer, document: Document, clients: int, seconds: float
) -> Throughput:
    """`clients` loops printing back to back for `seconds`; the ones under way are finished."""
    deadline = time.monotonic() + seconds
    samples: list[float] = []

    async def client() -> None:
        while time.monotonic() < deadline:
            samples.append(await print_once(renderer, document))

    start = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    return Throughput(clients, len(samples), time.perf_counter() - start, samples)


async def thumbnails(renderer: Renderer, html: str, runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        await renderer.png(html, width=SHEET_WIDTH, height=SHEET_HEIGHT, scale=SCALE)
        samples.append(elapsed_ms(start))
    return samples
