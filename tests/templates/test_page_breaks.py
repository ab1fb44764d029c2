"""The long resume on the newer templates, page by page: every page but the last is well
filled, and none ends with a heading or an entry's title whose body went on to the next page.

Each page is also saved as a PNG next to the test's files, to look at when a layout changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pypdfium2 as pdfium
import pytest

from resumate.rendering.renderer import Renderer
from resumate.rendering.words import headings
from resumate.transfer.export.png import encoded
from tests.resume_parser import lines_of, text_items
from tests.templates.test_template_pdfs import TEMPLATES, long_resume, print_pdf

NEWER = ["horizon", "portrait", "scholar", "studio"]
# How far down the sheet the content of a page that is followed by another must reach.
FILLED = 0.7


def titles(data: dict[str, Any]) -> set[str]:
    """The first words of every entry's heading and every section's heading."""
    named = [
        *(job.get("position") for job in data["work"]),
        *(job.get("position") for job in data.get("volunteer", [])),
        *(project.get("name") for project in data["projects"]),
        *(school.get("studyType") for school in data["education"]),
        *(award.get("title") for award in data.get("awards", [])),
    ]
    return {str(name) for name in named if name} | set(headings("en").values())


def inked_depth(pixels: npt.NDArray[np.uint8]) -> float:
    """How far down the page (0 to 1) the lowest drawn row sits."""
    paper = pixels[0, 0]
    drawn = np.flatnonzero(np.any(np.abs(pixels.astype(int) - paper) > 24, axis=(1, 2)))
    return float(drawn[-1] + 1) / pixels.shape[0] if drawn.size else 0.0


@pytest.mark.parametrize("slug", NEWER)
async def test_long_resume_pages_are_full_and_break_between_entries(
    renderer: Renderer, tmp_path: Path, slug: str
) -> None:
    data = long_resume()
    pdf = await print_pdf(renderer, TEMPLATES[slug], data, {"pageSize": "A4"})
    document = pdfium.PdfDocument(pdf)
    assert len(document) >= 2
    depths = []
    for number, page in enumerate(document, start=1):
        pixels: npt.NDArray[np.uint8] = page.render(scale=1, rev_byteorder=True).to_numpy()
        (tmp_path / f"{slug}-{number}.png").write_bytes(encoded(pixels[:, :, :3], dpi=72))
        depths.append(inked_depth(pixels[:, :, :3]))
    assert [d for d in depths[:-1] if d < FILLED] == [], f"pages filled to {depths}"

    items, _ = text_items(pdf)
    pages = {item.page for item in items}
    starts = titles(data)
    for page in sorted(pages)[:-1]:
        last = lines_of([item for item in items if item.page == page])
        bottom = min(last, key=lambda line: line.items[0].y).text
        assert not any(bottom.casefold().startswith(t.casefold()) for t in starts), (
            f"page {page + 1} ends with {bottom!r}"
        )
