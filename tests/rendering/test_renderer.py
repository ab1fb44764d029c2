"""The Chromium renderer, for real: output, admission, timeouts, relaunch, isolation."""

from __future__ import annotations

import asyncio
import io
import struct
from pathlib import Path

import pytest
from playwright.async_api import Browser
from playwright.async_api import TimeoutError as PlaywrightTimeout
from pypdf import PdfReader

from resumate.config import RenderSettings
from resumate.rendering.renderer import Renderer, RendererBusy, RenderFailed
from tests.pdfs import font_names
from tests.rendering.conftest import pdf_text


def page(text: str, size: str = "A4", paragraphs: int = 1) -> str:
    body = "".join(f"<p>{text} {n}</p>" for n in range(paragraphs))
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{text}</title>"
        f"<style>@page {{ size: {size}; margin: 20mm }} body {{ font-family: Inter }}</style>"
        f"</head><body>{body}</body></html>"
    )


async def test_prints_a_pdf_with_text_title_and_author(renderer: Renderer, tmp_path: Path) -> None:
    result = await renderer.pdf(page("Grace Hopper"), title="Grace — Resume", author="Grace")
    reader = PdfReader(io.BytesIO(result.data))
    assert result.pages == len(reader.pages) == 1
    assert reader.metadata is not None
    assert (reader.metadata.title, reader.metadata.author) == ("Grace — Resume", "Grace")
    assert "Grace Hopper 0" in pdf_text(result.data, tmp_path)


async def test_a_relative_work_folder_still_prints_in_the_bundled_fonts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Chromium's fontconfig does not resolve a relative FONTCONFIG_FILE against our folder."""
    monkeypatch.chdir(tmp_path)
    chromium = Renderer(RenderSettings(), Path("data") / "renderer")
    try:
        html = page("Relative").replace("</p>", " <b>bold</b> <i>italic</i></p>")
        printed = await chromium.pdf(html, title="t", author="a")
    finally:
        await chromium.close()
    assert font_names(printed.data) == {"Inter-Regular", "Inter-Bold", "Inter-Italic"}


@pytest.mark.parametrize(("size", "points"), [("A4", (595, 842)), ("Letter", (612, 792))])
async def test_the_css_page_size_sets_the_paper(
    renderer: Renderer, size: str, points: tuple[int, int]
) -> None:
    result = await renderer.pdf(page("Size", size), title="t", author="a")
    box = PdfReader(io.BytesIO(result.data)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == points


async def test_long_documents_run_onto_more_pages(renderer: Renderer) -> None:
    result = await renderer.pdf(page("Line", paragraphs=150), title="t", author="a")
    assert result.pages >= 3


async def test_png_has_the_asked_size_at_the_asked_scale(renderer: Renderer) -> None:
    png = await renderer.png(page("Thumb"), width=800, height=1000, scale=0.5)
    assert png.startswith(b"\x89PNG")
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (400, 500)


async def test_requests_beyond_capacity_are_refused_at_once(tmp_path: Path) -> None:
    small = Renderer(RenderSettings(concurrency=1, queue_limit=1), tmp_path)
    try:
        jobs = [small.pdf(page(f"Job {n}"), title="t", author="a") for n in range(4)]
        results = await asyncio.gather(*jobs, return_exceptions=True)
    finally:
        await small.close()
    busy = [r for r in results if isinstance(r, RendererBusy)]
    done = [r for r in results if not isinstance(r, BaseException)]
    assert (len(done), len(busy)) == (2, 2)
    assert all(b.status == 503 and b.retry_after for b in busy)


async def test_a_render_past_its_timeout_fails_and_the_page_is_replaced(tmp_path: Path) -> None:
    hurried = Renderer(RenderSettings(concurrency=1, timeout_seconds=0.001), tmp_path)
    try:
        with pytest.raises(RenderFailed):
            await hurried.pdf(page("Slow", paragraphs=2000), title="t", author="a")
        hurried.settings.timeout_seconds = 15
        result = await hurried.pdf(page("After"), title="t", author="a")
    finally:
        await hurried.close()
    assert result.pages == 1


async def test_a_dead_browser_is_relaunched(tmp_path: Path) -> None:
    fragile = Renderer(RenderSettings(concurrency=1), tmp_path)
    try:
        await fragile.pdf(page("Before"), title="t", author="a")
        assert fragile._browser is not None
        await fragile._browser.close()  # as if Chromium had crashed
        result = await fragile.pdf(page("After"), title="t", author="a")
    finally:
        await fragile.close()
    assert result.pages == 1


async def test_concurrent_renders_never_see_each_others_content(
    renderer: Renderer, tmp_path: Path
) -> None:
    names = [f"Person{n}" for n in range(6)]
    results = await asyncio.gather(
        *(renderer.pdf(page(name, paragraphs=20), title=name, author=name) for name in names)
    )
    for name, result in zip(names, results, strict=True):
        text = pdf_text(result.data, tmp_path)
        assert name in text
        assert not any(other in text for other in names if other != name)


async def test_a_screenshot_whose_browser_fails_to_start_once_is_tried_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A machine busy for a moment (the launch times out) costs a retry, not a 503."""
    busy = Renderer(RenderSettings(), tmp_path)
    start = busy._start_browser
    launches: list[list[str]] = []

    async def busy_once(extra_args: list[str]) -> Browser:
        launches.append(extra_args)
        if len(launches) == 1:
            raise PlaywrightTimeout("browserType.launch: Timeout 30000ms exceeded.")
        return await start(extra_args)

    monkeypatch.setattr(busy, "_start_browser", busy_once)
    try:
        png = await busy.png(page("Thumb"), width=200, height=250, scale=0.5)
    finally:
        await busy.close()
    assert png.startswith(b"\x89PNG")
    assert len(launches) == 2
