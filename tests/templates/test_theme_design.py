"""The design options work in every template: text and page colours reach the printed sheet,
spacing moves the content, headings can be turned off, and a photo prints only where given.

Colours are checked on the page as pdfium draws it; spacing and headings in the text layer.
"""

from __future__ import annotations

import base64
import copy
import re
import struct
import zlib
from typing import Any

import numpy as np
import numpy.typing as npt
import pypdfium2 as pdfium
import pytest

from resumate.document.sample import sample_resume
from resumate.rendering.document import render_document
from resumate.rendering.renderer import Renderer
from resumate.rendering.words import headings
from tests.resume_parser import Line, lines_of, text_items
from tests.templates.test_template_pdfs import TEMPLATES

INK = (0xF5, 0xD0, 0x4C)
PAPER = (0x14, 0x23, 0x3C)
DARK = {"textColor": "#f5d04c", "backgroundColor": "#14233c"}


def resume() -> dict[str, Any]:
    return copy.deepcopy(sample_resume())


def png_data_uri(rgb: tuple[int, int, int], size: int = 48) -> str:
    """A square PNG of one colour, as the `photo` a template is given."""
    row = b"\x00" + bytes(rgb) * size
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
    png += chunk(b"IDAT", zlib.compress(row * size)) + chunk(b"IEND", b"")
    return "data:image/png;base64," + base64.b64encode(png).decode()


async def printed(
    renderer: Renderer, slug: str, theme: dict[str, Any], photo: str | None = None
) -> bytes:
    document = render_document(TEMPLATES[slug].source, resume(), theme, photo=photo)
    return (await renderer.pdf(document.html, title=document.title, author=document.author)).data


def first_page(pdf: bytes) -> npt.NDArray[np.int_]:
    bitmap = pdfium.PdfDocument(pdf)[0].render(scale=2, rev_byteorder=True)
    pixels: npt.NDArray[np.int_] = bitmap.to_numpy()[:, :, :3].astype(int)
    return pixels


def share_of(pixels: npt.NDArray[np.int_], colour: tuple[int, int, int], within: int = 12) -> float:
    """How much of the page is drawn in `colour` (each channel within `within`)."""
    close = np.all(np.abs(pixels - np.array(colour)) <= within, axis=2)
    return float(close.mean())


def lines(pdf: bytes) -> list[Line]:
    return lines_of(text_items(pdf)[0])


def bottom(pdf: bytes) -> tuple[int, float]:
    """Where the last line of text sits: its page, then its distance from the page's top."""
    items, _ = text_items(pdf)
    heights = [page.get_height() for page in pdfium.PdfDocument(pdf)]
    last = max(items, key=lambda item: (item.page, -item.y))
    return last.page, heights[last.page] - last.y


HEADINGS = {title.casefold() for title in headings("en").values()}


@pytest.mark.parametrize("slug", sorted(TEMPLATES))
async def test_colours_paint_the_sheet_and_headings_can_be_turned_off(
    renderer: Renderer, slug: str
) -> None:
    pdf = await printed(renderer, slug, DARK | {"sectionHeadings": False})
    pixels = first_page(pdf)
    # The whole sheet, margins included, is the background colour; the text is drawn in its own.
    assert share_of(pixels, PAPER) > 0.6
    assert tuple(pixels[2, 2]) == pytest.approx(PAPER, abs=2)
    assert share_of(pixels, INK, within=24) > 0.002
    assert {line.text.casefold() for line in lines(pdf)} & HEADINGS == set()


@pytest.mark.parametrize("slug", sorted(TEMPLATES))
async def test_spacing_moves_the_content(renderer: Renderer, slug: str) -> None:
    tight = await printed(renderer, slug, {"spacing": 0.7})
    loose = await printed(renderer, slug, {"spacing": 1.3})
    assert bottom(loose) > bottom(tight)
    # The headings are there when not turned off.
    assert {"experience", "education", "skills"} <= {line.text.casefold() for line in lines(tight)}


def test_only_the_photo_data_uri_becomes_an_image() -> None:
    photo = png_data_uri((200, 40, 40))
    for template in TEMPLATES.values():
        html = render_document(template.source, resume(), {}, photo=photo).html
        assert all(f'src="{photo}"' in tag for tag in re.findall(r"<img[^>]*>", html))
        assert "<img" not in render_document(template.source, resume(), {}, photo=None).html
        # Anything but a data: image is never written into the page.
        elsewhere = render_document(template.source, resume(), {}, photo="https://x.example/a.png")
        assert "<img" not in elsewhere.html
    portrait = render_document(
        TEMPLATES["portrait"].source, resume(), {"photoShape": "square"}, photo
    )
    assert f'<img class="photo photo-square" src="{photo}" alt="">' in portrait.html


async def test_the_portrait_prints_the_photo_only_when_given(renderer: Renderer) -> None:
    red = (200, 40, 40)
    shown = first_page(await printed(renderer, "portrait", {}, png_data_uri(red)))
    hidden = first_page(
        await printed(renderer, "portrait", {"showPhoto": False}, png_data_uri(red))
    )
    assert share_of(shown, red) > 0.002
    assert share_of(hidden, red) == 0


@pytest.mark.parametrize("slug", sorted(TEMPLATES))
def test_every_colour_derives_from_the_theme(slug: str) -> None:
    """No fixed colour: greys are the text colour mixed toward the background, so a light text
    on a dark page keeps every shade readable."""
    code = re.sub(r"/\*.*?\*/", "", TEMPLATES[slug].css, flags=re.S)
    assert re.findall(r"#[0-9a-fA-F]{3,8}\b|(?<![\w-])(?:white|black)(?![\w-])", code) == []


def test_page_marks_are_the_text_colour_thinned_toward_the_page() -> None:
    """The name and page numbers on later pages are quiet on any page: grey on white, a light
    shade on a dark page, never a fixed grey that vanishes on one of them."""
    marked = {"runningHeader": True, "pageNumbers": True}
    light = render_document(TEMPLATES["classic"].source, resume(), marked).html
    dark = render_document(TEMPLATES["classic"].source, resume(), marked | DARK).html
    assert re.findall(r"@bottom-right \{[^}]*color: (#[0-9a-f]{6})", light) == ["#797b7e"]
    assert re.findall(r"@bottom-right \{[^}]*color: (#[0-9a-f]{6})", dark) == ["#9b8b46"]
