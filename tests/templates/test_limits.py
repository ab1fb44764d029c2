"""Every template printed with a resume at the app's size limits: nothing leaves the page.

Chromium cuts whatever runs past the page's content box from the page and from the text layer
alike, so text that does not fit shows as text missing from the PDF (`assert_readable`'s edge
check cannot see it). Each value must be read back whole, the ordinary job title beside a
long company and place must stay on one line, and paragraphs must stay apart.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTTextContainer

from resumate.document.fields import MAX_SHORT_TEXT
from resumate.rendering.document import TemplateSource, render_document
from resumate.rendering.renderer import Renderer
from tests.resume_parser import Line, lines_of, running_text, text_items
from tests.templates.limits import (
    COMPOUND,
    FIRST_PARAGRAPH,
    LONG_TITLE_SEED,
    SECOND_PARAGRAPH,
    TITLE,
    at_the_limits,
    unbroken,
)
from tests.templates.test_template_pdfs import TEMPLATES, field_values, print_pdf


def squeezed(text: str) -> str:
    return "".join(text.split())


@dataclass
class Printed:
    """One print and its text layer, read once: reading ten dense pages takes seconds."""

    pdf: bytes
    lines: list[Line]
    page_width: float

    def text_boxes(self, containing: str) -> list[str]:
        """The blocks of text pdfminer's layout analysis finds (as extractors group paragraphs)
        on the pages that hold `containing`."""
        pages = {item.page for line in self.lines if containing in line.text for item in line.items}
        found = extract_pages(io.BytesIO(self.pdf), page_numbers=pages)
        boxes = (box for page in found for box in page)
        return [box.get_text() for box in boxes if isinstance(box, LTTextContainer)]


@pytest.fixture(scope="module")
def printed() -> dict[tuple[str, str], Printed]:
    """Each template on each paper size printed once, shared by the tests below."""
    return {}


async def print_at_the_limits(
    renderer: Renderer, printed: dict[tuple[str, str], Printed], slug: str, paper: str
) -> Printed:
    if (slug, paper) not in printed:
        theme = {"pageSize": paper}
        pdf = await print_pdf(renderer, TEMPLATES[slug], at_the_limits(), theme)
        items, widths = text_items(pdf)
        printed[slug, paper] = Printed(pdf, lines_of(items), widths[0])
    return printed[slug, paper]


PRINTS = pytest.mark.parametrize(
    ("slug", "paper"), [(slug, paper) for slug in sorted(TEMPLATES) for paper in ("A4", "Letter")]
)


@PRINTS
async def test_every_value_is_in_the_text_layer_whole(
    renderer: Renderer, printed: dict[tuple[str, str], Printed], slug: str, paper: str
) -> None:
    """Long words, addresses with hyphens, the e-mail, place and dates: all read back whole."""
    text = running_text((await print_at_the_limits(renderer, printed, slug, paper)).lines)
    missing = [v[:60] for v in field_values(at_the_limits()) if squeezed(v) not in text]
    assert missing == []


@PRINTS
async def test_no_column_collapses(
    renderer: Renderer, printed: dict[tuple[str, str], Printed], slug: str, paper: str
) -> None:
    lines = (await print_at_the_limits(renderer, printed, slug, paper)).lines
    assert [line.text for line in lines if TITLE in line.text], "the job title is squeezed"
    long_title = [line for line in lines if line.text.startswith(LONG_TITLE_SEED[:20])]
    assert long_title, "the long job title is missing"
    first = long_title[0]
    width = max(item.x1 for item in first.items) - min(item.x0 for item in first.items)
    assert width > printed[slug, paper].page_width / 3, f"the long job title is {width:.0f}pt wide"


@PRINTS
async def test_paragraphs_stay_apart(
    renderer: Renderer, printed: dict[tuple[str, str], Printed], slug: str, paper: str
) -> None:
    pages = await print_at_the_limits(renderer, printed, slug, paper)
    boxes = [squeezed(box) for box in pages.text_boxes(SECOND_PARAGRAPH)]
    first, second = squeezed(FIRST_PARAGRAPH), squeezed(SECOND_PARAGRAPH)
    assert any(second in box for box in boxes)
    assert [box for box in boxes if first in box and second in box] == []


def variants() -> dict[str, Any]:
    """Keys that older-schema and hand-written files use instead of the standard ones."""
    return {
        "basics": {"name": "Ada Example", "website": "https://ada.example.org"},
        "work": [{"company": "Older Schema Works", "website": "https://works.example.com"}],
        "volunteer": [{"name": "Volunteer Circle"}],
        "education": [{"institution": "Example University", "gpa": "3.87"}],
        "awards": [{"name": "Prize of the Year", "issuer": "Example Jury"}],
        "publications": [
            {"title": "On Long Words", "authors": ["Ada Example", "Bo Other"], "date": "2020-05"},
            {"name": "Standard Name Wins", "title": "Ignored Title"},
        ],
        "projects": [
            {
                "name": "Linked Project",
                "links": [
                    "https://code.example.com/linked",
                    {"name": "Demo", "url": "https://d.io"},
                ],
            }
        ],
    }


SHOWN = [
    "ada.example.org",
    "Older Schema Works",
    "works.example.com",
    "Volunteer Circle",
    "3.87",
    "Prize of the Year",
    "Example Jury",
    "On Long Words",
    "Ada Example, Bo Other",
    "May 2020",
    "Standard Name Wins",
    "code.example.com/linked",
    "Demo",
]


@pytest.mark.parametrize("slug", sorted(TEMPLATES))
async def test_common_key_variants_are_printed(renderer: Renderer, slug: str) -> None:
    pdf = await print_pdf(renderer, TEMPLATES[slug], variants(), {})
    text = running_text(lines_of(text_items(pdf)[0]))
    assert [value for value in SHOWN if squeezed(value) not in text] == []
    assert "IgnoredTitle" not in text


def test_variants_stay_in_the_data_untouched() -> None:
    data = variants()
    template = TEMPLATES["classic"]
    render_document(TemplateSource(template.html, template.css, template.defaults), data, {})
    assert data == variants()


async def test_a_word_past_the_edge_is_cut_from_the_text_layer(renderer: Renderer) -> None:
    """Why the checks above look for missing text: Chromium drops what overflows the page."""
    word = unbroken(MAX_SHORT_TEXT, COMPOUND)
    html = f'<html><body style="font-family: Inter; white-space: nowrap">{word}</body></html>'
    pdf = (await renderer.pdf(html, title="cut", author="")).data
    assert squeezed(word) not in running_text(lines_of(text_items(pdf)[0]))


@pytest.mark.parametrize("slug", sorted(TEMPLATES))
def test_variants_of_any_shape_render(slug: str) -> None:
    """Unknown keys hold any JSON: a null, a number or an object where a list was expected."""
    data = {
        "basics": {"name": "Ada", "location": ["Berlin"]},
        "projects": [
            {"name": "P1", "links": None},
            {"name": "P2", "links": {"a": "https://x.example"}},
            {"name": "P3", "links": [None, 3, {"url": 4}, "https://ok.example"]},
        ],
        "publications": [{"title": "T", "authors": 5}, {"title": "U", "authors": [1, "Ann"]}],
    }
    template = TEMPLATES[slug]
    source = TemplateSource(template.html, template.css, template.defaults)
    html = render_document(source, data, {}).html
    assert "ok.<wbr>example" in html
    assert "Ann" in html
