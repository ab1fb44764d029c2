"""The live preview shows the PDF's pages: the same sheets, the same breaks, on every template.

The preview is the printed HTML in screen media, where the theme lays the body out as sheets
(columns that wrap into rows). Chromium measures each entry's sheet on screen; the PDF from the
same HTML must have as many pages, with each entry's title on the page of the same number.
"""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from typing import Any

import pytest
from playwright.async_api import Page, async_playwright
from pypdf import PdfReader

from resumate.config import RenderSettings
from resumate.rendering.document import TemplateSource, render_document
from resumate.rendering.fonts import write_fontconfig
from resumate.rendering.page_style import SCREEN_GUTTER
from tests.templates.test_template_pdfs import TEMPLATES, long_resume, sample

# Which sheet each entry title starts on, and how many sheets there are.
MEASURE = """(gutter) => {
  const root = getComputedStyle(document.documentElement);
  const stride = parseFloat(root.backgroundSize.split(" ")[1]);
  const sheetOf = (el) => Math.floor((el.getBoundingClientRect().top + scrollY - gutter) / stride);
  const titles = [...document.querySelectorAll(".entry-title")].map(
    (el) => [el.textContent.replace(/\\s+/g, " ").trim(), sheetOf(el)]);
  const sheets = Math.round((document.documentElement.scrollHeight - gutter) / stride);
  return { titles, sheets };
}"""


@pytest.fixture(scope="module")
async def measuring_page(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Page]:
    """A page with scripts on (to measure), unlike the renderer's, which never runs any."""
    fontconfig = write_fontconfig(tmp_path_factory.mktemp("fonts"))
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(RenderSettings().chromium_path),
            args=["--no-sandbox"],
            env={"FONTCONFIG_FILE": str(fontconfig)},
        )
        page = await browser.new_page()
        yield page
        await browser.close()


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("slug", sorted(TEMPLATES))
@pytest.mark.parametrize("size", ["A4", "Letter"])
@pytest.mark.parametrize("content", ["sample", "long"])
async def test_preview_sheets_match_the_pdf_pages(
    measuring_page: Page, slug: str, size: str, content: str
) -> None:
    template = TEMPLATES[slug]
    data: dict[str, Any] = sample() if content == "sample" else long_resume()
    source = TemplateSource(template.html, template.css, template.defaults)
    document = render_document(source, data, {"pageSize": size})
    await measuring_page.emulate_media(media="screen")
    await measuring_page.set_content(document.html)
    screen = await measuring_page.evaluate(MEASURE, SCREEN_GUTTER)
    pdf = PdfReader(io.BytesIO(await measuring_page.pdf(prefer_css_page_size=True)))
    pages = [flat(page.extract_text()) for page in pdf.pages]
    assert screen["sheets"] == len(pages)
    for title, sheet in screen["titles"]:
        assert title in pages[sheet], f"{title!r} is on sheet {sheet + 1} on screen"
