"""A page as PNG: drawn from the resume's PDF by pdfium, at the scale asked for."""

from __future__ import annotations

import numpy as np
import pypdfium2 as pdfium
import pytest

from resumate.document.sample import sample_resume
from resumate.rendering.renderer import Renderer
from resumate.transfer.export.png import NoSuchPage, page_png
from tests.templates.test_template_pdfs import TEMPLATES, long_resume, print_pdf
from tests.transfer.export.pngs import decoded


@pytest.mark.parametrize(
    ("paper", "scale", "size"),
    [
        ("A4", 1, (794, 1123)),
        ("A4", 2, (1587, 2246)),
        ("Letter", 1.5, (1224, 1584)),
        ("Letter", 4, (3264, 4224)),
    ],
)
async def test_a_page_is_drawn_at_its_scale_of_css_pixels(
    renderer: Renderer, paper: str, scale: float, size: tuple[int, int]
) -> None:
    pdf = await print_pdf(renderer, TEMPLATES["classic"], sample_resume(), {"pageSize": paper})
    image = decoded(page_png(pdf, 1, scale))
    assert (image.width, image.height) == size
    assert image.dpi == 96 * scale


async def test_the_png_shows_exactly_what_the_pdf_shows(renderer: Renderer) -> None:
    pdf = await print_pdf(renderer, TEMPLATES["modern"], long_resume(), {})
    with pdfium.PdfDocument(pdf) as document:
        assert len(document) >= 2
        drawn = document[1].render(scale=2 * 96 / 72, rev_byteorder=True).to_numpy()
    image = decoded(page_png(pdf, 2, 2))
    assert np.array_equal(image.pixels, drawn)
    assert len(np.unique(image.pixels.reshape(-1, 3), axis=0)) > 256  # full colour, not a palette


@pytest.mark.parametrize("page", [0, 4, -1])
async def test_a_page_the_pdf_lacks_is_refused_with_how_many_it_has(
    renderer: Renderer, page: int
) -> None:
    pdf = await print_pdf(renderer, TEMPLATES["classic"], long_resume(), {})
    with pytest.raises(NoSuchPage) as refused:
        page_png(pdf, page, 1)
    assert refused.value.pages == 3
