"""A page of the resume's PDF as a PNG image, for a portfolio or a post.

The page is drawn from the very PDF the download gives, by pdfium (`pypdfium2`, Chromium's own
PDF engine), so the picture shows exactly what the PDF shows. `scale` is the picture's pixels
per CSS pixel (96 a inch): 1 draws an A4 page 794 pixels wide, 2 (the default) as a sharp
screen shows it. The PNG is written here in full colour (the import review's encoder,
`resumate.transfer.reading.images`, keeps 64 colours, which would soften coloured type), with
its resolution in dots per inch, so a printer or an editor sizes it as the page. Its rows go
unfiltered: on a page of type on a white ground, PNG's filters made the file larger (measured:
449 KB "Up", 439 KB "Sub", 344 KB none, at zlib's level 3).
"""

from __future__ import annotations

import struct
import threading
import zlib

import numpy as np
import numpy.typing as npt
import pypdfium2 as pdfium

Pixels = npt.NDArray[np.uint8]

SIGNATURE = b"\x89PNG\r\n\x1a\n"
CSS_DPI, PDF_DPI = 96, 72
MIN_SCALE, MAX_SCALE, DEFAULT_SCALE = 1.0, 4.0, 2.0
# zlib's level: 6 (its default) takes twice the time of 3 for 9% less.
LEVEL = 3
# pdfium is not safe to call from two threads at once.
PDFIUM = threading.Lock()


class NoSuchPage(ValueError):
    """The PDF has fewer pages than the one asked for."""

    def __init__(self, pages: int) -> None:
        super().__init__(f"must be a page of the PDF, which has {pages}")
        self.pages = pages


def page_png(pdf: bytes, page: int, scale: float = DEFAULT_SCALE) -> bytes:
    """Page `page` (from 1) of the PDF as a PNG, `scale` pixels a CSS pixel."""
    with PDFIUM, pdfium.PdfDocument(pdf) as document:
        if not 1 <= page <= len(document):
            raise NoSuchPage(len(document))
        pixels: Pixels = (
            document[page - 1]
            .render(scale=scale * CSS_DPI / PDF_DPI, rev_byteorder=True)
            .to_numpy()
        )
    return encoded(pixels, dpi=scale * CSS_DPI)


def encoded(pixels: Pixels, dpi: float) -> bytes:
    """RGB pixels (rows, columns, 3 channels) as a PNG."""
    height, width = pixels.shape[:2]
    rows = np.zeros((height, width * 3 + 1), np.uint8)  # each row starts with its filter: none
    rows[:, 1:] = pixels.reshape(height, width * 3)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8 bits, RGB
    per_metre = round(dpi / 0.0254)
    return b"".join(
        (
            SIGNATURE,
            _chunk(b"IHDR", header),
            _chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)),
            _chunk(b"IDAT", zlib.compress(rows.tobytes(), LEVEL)),
            _chunk(b"IEND", b""),
        )
    )


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
