"""A PDF's pages drawn as PNG images for the review of an import: valid PNGs in the pages' own
proportions, and never a reason for the reading to fail."""

from __future__ import annotations

import base64
import io
import struct
import time
import zlib
from dataclasses import dataclass

import numpy as np
import pytest
from pypdf import PdfReader, PdfWriter

from resumate.document.sample import sample_resume
from resumate.rendering.renderer import Renderer
from resumate.transfer.reading.files import read_resume
from resumate.transfer.reading.images import (
    COLOURS,
    DATA_URL,
    WIDTH,
    PageImage,
    page_images,
    png,
    quantized,
)
from tests.templates.test_template_pdfs import TEMPLATES, print_pdf
from tests.transfer.reading.test_docx import resume, saved
from tests.transfer.resume_files import TEXT_RESUME


@dataclass(frozen=True)
class Png:
    width: int
    height: int
    palette: bytes
    pixels: bytes  # a palette index a pixel, row by row


def decoded(data: bytes) -> Png:
    """A PNG of palette colours read back, each chunk's CRC and every row's filter checked."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks: dict[bytes, bytes] = {}
    at = 8
    while at < len(data):
        (size,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + size]
        (crc,) = struct.unpack(">I", data[at + 8 + size : at + 12 + size])
        assert crc == zlib.crc32(kind + body), kind
        assert kind not in chunks, kind
        chunks[kind] = body
        at += 12 + size
    assert list(chunks) == [b"IHDR", b"PLTE", b"IDAT", b"IEND"]
    width, height, depth, colour, compression, filtering, interlace = struct.unpack(
        ">IIBBBBB", chunks[b"IHDR"]
    )
    assert (depth, colour, compression, filtering, interlace) == (8, 3, 0, 0, 0)
    palette = chunks[b"PLTE"]
    assert len(palette) % 3 == 0
    assert 3 <= len(palette) <= 3 * COLOURS
    rows = zlib.decompress(chunks[b"IDAT"])
    assert len(rows) == height * (width + 1)
    pixels = b"".join(
        rows[row * (width + 1) + 1 : (row + 1) * (width + 1)] for row in range(height)
    )
    assert rows[:: width + 1] == bytes(height)  # every row unfiltered
    assert max(pixels) < len(palette) // 3
    return Png(width, height, palette, pixels)


def png_of(image: PageImage) -> Png:
    assert image.src.startswith(DATA_URL)
    found = decoded(base64.b64decode(image.src.removeprefix(DATA_URL), validate=True))
    assert (found.width, found.height) == (image.width, image.height)
    return found


async def two_page_pdf(renderer: Renderer) -> bytes:
    """The sample resume's first page on A4, then on Letter: two pages of two proportions."""
    classic = TEMPLATES["classic"]
    writer = PdfWriter()
    for paper in ("A4", "Letter"):
        printed = await print_pdf(renderer, classic, sample_resume(), {"pageSize": paper})
        writer.append(io.BytesIO(printed), pages=[0])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return [(float(page.mediabox.width), float(page.mediabox.height)) for page in pages]


def assert_drawn_as(images: list[PageImage], pdf: bytes) -> None:
    """One PNG a page, WIDTH wide, in the proportions of its page."""
    sizes = page_sizes(pdf)
    assert len(images) == len(sizes)
    for image, (width, height) in zip(images, sizes, strict=True):
        png_of(image)
        assert image.width == WIDTH
        assert image.height == pytest.approx(WIDTH * height / width, abs=1)


@pytest.fixture(scope="module")
async def pdf(renderer: Renderer) -> bytes:
    return await two_page_pdf(renderer)


def test_each_page_is_a_png_in_its_own_proportions(pdf: bytes) -> None:
    images = page_images(pdf, until=time.monotonic() + 30)
    assert_drawn_as(images, pdf)
    a4, letter = images
    assert a4.height > letter.height
    # A page of text is small: about 60 KB of PNG, where one in full colour is 150 KB.
    assert all(len(image.src) < 110_000 for image in images)


def test_a_page_is_drawn_in_its_colours(pdf: bytes) -> None:
    drawn = png_of(page_images(pdf, until=time.monotonic() + 30)[0])
    palette = np.frombuffer(drawn.palette, np.uint8).reshape(-1, 3)
    counts = np.bincount(np.frombuffer(drawn.pixels, np.uint8), minlength=len(palette))
    assert palette[counts.argmax()].tolist() == [255, 255, 255]  # mostly paper
    assert palette.min() < 64  # and ink


def test_a_picture_of_few_colours_is_kept_exactly_and_of_many_nearly() -> None:
    rng = np.random.default_rng(7)
    few = rng.integers(0, 256, (COLOURS, 3), dtype=np.uint8)[rng.integers(0, COLOURS, (40, 30))]
    palette, indexed = quantized(few)
    assert np.array_equal(palette[indexed], few)
    many = rng.integers(0, 256, (40, 30, 3), dtype=np.uint8)
    palette, indexed = quantized(many)
    assert len(palette) == COLOURS
    back = decoded(png(palette, indexed))
    assert (back.width, back.height, back.pixels) == (30, 40, indexed.tobytes())


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.4 not really", b"PK\x03\x04 a zip", b""],
    ids=["broken", "not-a-pdf", "empty"],
)
def test_a_file_that_cannot_be_drawn_has_no_images(data: bytes) -> None:
    assert page_images(data, until=time.monotonic() + 30) == []


def test_pages_not_drawn_in_time_or_too_large_leave_every_image_out(
    pdf: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert page_images(pdf, until=time.monotonic() - 1) == []
    first = page_images(pdf, until=time.monotonic() + 30)[0]
    # The first page fits, the second does not: none, not half the file.
    monkeypatch.setattr("resumate.transfer.reading.images.MAX_IMAGE_BYTES", len(first.src))
    assert page_images(pdf, until=time.monotonic() + 30) == []


def test_only_a_pdf_read_for_images_has_them(pdf: bytes) -> None:
    assert read_resume(pdf).images == []
    read = read_resume(pdf, images=True)
    assert (read.kind, read.pages) == ("pdf", 2)
    assert_drawn_as(read.images, pdf)
    for other in (saved(resume()), TEXT_RESUME.encode()):
        assert read_resume(other, images=True).images == []
