"""A PNG read back: its size, resolution and pixels, for tests to compare with pdfium's."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from resumate.transfer.export.png import SIGNATURE


@dataclass
class Png:
    width: int
    height: int
    dpi: float
    pixels: npt.NDArray[np.uint8]


def decoded(data: bytes) -> Png:
    """A PNG as this exporter writes it (8-bit RGB, rows unfiltered), checksums checked."""
    assert data.startswith(SIGNATURE)
    position, chunks, idat = len(SIGNATURE), {}, b""
    while position < len(data):
        (size,) = struct.unpack(">I", data[position : position + 4])
        kind, body = data[position + 4 : position + 8], data[position + 8 : position + 8 + size]
        (crc,) = struct.unpack(">I", data[position + 8 + size : position + 12 + size])
        assert crc == zlib.crc32(kind + body)
        idat += body if kind == b"IDAT" else b""
        chunks[kind] = body
        position += 12 + size
    width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    assert (depth, colour) == (8, 2)
    per_metre, _, unit = struct.unpack(">IIB", chunks[b"pHYs"])
    assert unit == 1
    rows = np.frombuffer(zlib.decompress(idat), np.uint8).reshape(height, width * 3 + 1)
    assert set(rows[:, 0]) == {0}
    pixels = rows[:, 1:].reshape(height, width, 3)
    return Png(width, height, round(per_metre * 0.0254), pixels)
