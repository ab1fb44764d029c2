"""A PDF's pages drawn as small PNG images, for the page that reviews an import (a dry run).

pdfium (`pypdfium2`: Chromium's own PDF engine) draws each page about as wide as the review
pane shows it on a sharp screen. A page is text in a few colours and their softened edges, so
each is kept in a palette of its 64 commonest colours, any other drawn in the nearest of them:
a full page is a PNG of 45 to 90 KB, where one in full colour is twice that and more. The PNG
is encoded here, as it is short; Pillow would add a large library for it.

The images are a courtesy to the review, never a condition of the reading: a page pdfium
cannot draw, or a file whose pages take too long or too many bytes, leaves them all out (the
review then shows the browser's own PDF viewer), and says nothing of it.
"""

from __future__ import annotations

import base64
import struct
import time
import zlib
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pypdfium2 as pdfium

from resumate.transfer.reading.limits import MAX_PAGES

Pixels = npt.NDArray[np.uint8]
Indices = npt.NDArray[np.intp]

# Pixels: the review pane's width on a sharp screen; a page far taller than wide stops at MAX_SIDE.
WIDTH = 900
MAX_SIDE = 1600
# Of the reading's time (10 s by default), counted from the file's start: past it, no images.
IMAGE_SECONDS = 5.0
# Of PNG for the whole file (a third more in base64): a resume's pages take 45 to 90 KB each.
MAX_IMAGE_BYTES = 4 * 2**20
COLOURS = 64
DATA_URL = "data:image/png;base64,"
SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Other colours are matched to the palette on a grid of 32 levels a channel: a photo's many
# colours cost no more than a page of text's.
GRID_BITS = 3
HALF = 1 << (GRID_BITS - 1)
CHUNK = 4096


@dataclass(slots=True)
class PageImage:
    """A page drawn as a PNG, as a `data:` URL, and its size in pixels."""

    width: int
    height: int
    src: str


def page_images(data: bytes, until: float) -> list[PageImage]:
    """Each page of a PDF as a PNG; none if a page cannot be drawn, or not by `until`
    (`time.monotonic()`), or the whole would be too large."""
    images = []
    size = 0
    try:
        with pdfium.PdfDocument(data) as pdf:
            if not 0 < len(pdf) <= MAX_PAGES:
                return []
            for number in range(len(pdf)):
                if time.monotonic() > until:
                    return []
                pixels = drawn(pdf[number])
                image = png(*quantized(pixels))
                size += len(image)
                if size > MAX_IMAGE_BYTES:
                    return []
                src = DATA_URL + base64.b64encode(image).decode("ascii")
                images.append(PageImage(pixels.shape[1], pixels.shape[0], src))
    except (pdfium.PdfiumError, ValueError, OverflowError, MemoryError):
        return []
    return images


def drawn(page: pdfium.PdfPage) -> Pixels:
    """A page's RGB pixels, WIDTH wide (or MAX_SIDE tall), as it is shown (turned, cropped)."""
    width, height = page.get_size()
    if not (width > 0 and height > 0):
        raise ValueError("a page without an area")
    # A hair under: the bitmap's size is rounded up, and 900.0000001 pixels would be 901.
    scale = min(WIDTH / width, MAX_SIDE / height) * (1 - 1e-9)
    pixels: Pixels = page.render(scale=scale, rev_byteorder=True).to_numpy()
    return pixels


def quantized(pixels: Pixels) -> tuple[Pixels, Pixels]:
    """A palette of the pixels' commonest colours (n rows of RGB) and each pixel's index in it."""
    flat = pixels.reshape(-1, 3).astype(np.int32)
    keys = flat[:, 0] << 16 | flat[:, 1] << 8 | flat[:, 2]
    colours, each, counts = np.unique(keys, return_inverse=True, return_counts=True)
    rgb = np.stack([colours >> 16, colours >> 8 & 255, colours & 255], axis=1)
    kept = np.argsort(-counts, kind="stable")[:COLOURS]
    palette = rgb[kept]
    grid = rgb >> GRID_BITS
    cells, cell_of = np.unique(grid[:, 0] << 16 | grid[:, 1] << 8 | grid[:, 2], return_inverse=True)
    centres = (np.stack([cells >> 16, cells >> 8 & 255, cells & 255], axis=1) << GRID_BITS) + HALF
    index = nearest(centres, palette)[cell_of.reshape(-1)]
    index[kept] = np.arange(len(kept))  # a palette colour is itself
    indexed = index[each.reshape(-1)].reshape(pixels.shape[:2]).astype(np.uint8)
    return palette.astype(np.uint8), indexed


def nearest(points: npt.NDArray[np.int32], palette: npt.NDArray[np.int32]) -> Indices:
    """The index of the palette colour nearest each point (RGB, by squared distance)."""
    found = np.empty(len(points), np.intp)
    for start in range(0, len(points), CHUNK):
        apart = points[start : start + CHUNK, None, :] - palette[None, :, :]
        found[start : start + CHUNK] = (apart * apart).sum(axis=2).argmin(axis=1)
    return found


def png(palette: Pixels, indexed: Pixels) -> bytes:
    """A PNG of up to 256 palette colours (n rows of RGB) and a palette index a pixel."""
    height, width = indexed.shape
    rows = np.zeros((height, width + 1), np.uint8)  # each row starts with its filter: none
    rows[:, 1:] = indexed
    header = struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0)  # 8 bits, a palette
    return b"".join(
        (
            SIGNATURE,
            _chunk(b"IHDR", header),
            _chunk(b"PLTE", palette.tobytes()),
            _chunk(b"IDAT", zlib.compress(rows.tobytes())),
            _chunk(b"IEND", b""),
        )
    )


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
