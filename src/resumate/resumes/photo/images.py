"""What a photo upload becomes: a square JPEG of at most 800 px, with no metadata at all.

Only the pixels are kept: Pillow decodes the upload and encodes a new file from them, so EXIF
(the camera, the time, GPS), XMP, ICC profiles and text chunks are all left behind.
"""

from __future__ import annotations

import io
import warnings

from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_SIDE = 800
# A 5 MB file can still claim 60,000 by 60,000 pixels: refused before they are decoded.
MAX_PIXELS = 40_000_000
FORMATS = ("JPEG", "PNG")
QUALITY = 88


class NotAPhoto(ValueError):
    """The upload is not a photo the app takes; the message says why, for the person."""


def clean_photo(raw: bytes) -> bytes:
    """The upload as a square JPEG of at most MAX_SIDE pixels, its metadata gone."""
    if len(raw) > MAX_UPLOAD_BYTES:
        raise NotAPhoto(f"must be at most {MAX_UPLOAD_BYTES // 2**20} MB")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(raw), formats=FORMATS)
            if image.width * image.height > MAX_PIXELS:
                raise NotAPhoto("has too many pixels: at most 40 megapixels")
            image.load()
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise NotAPhoto("must be a PNG or JPEG image") from None
    except (OSError, SyntaxError, ValueError):
        raise NotAPhoto("is a damaged image") from None
    try:
        return _square_jpeg(image)
    except (OSError, ValueError):
        raise NotAPhoto("is an image of a kind the app cannot print") from None


def _square_jpeg(image: Image.Image) -> bytes:
    # The camera's orientation is applied to the pixels, as its EXIF tag goes with the rest.
    upright = ImageOps.exif_transpose(image)
    side = min(upright.size)
    square = ImageOps.fit(upright, (side, side))
    if side > MAX_SIDE:
        square = square.resize((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    picture = _flattened(square)
    # Pillow carries some metadata along in `info` (a JPEG comment) and writes it back.
    picture.info.clear()
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=QUALITY, optimize=True)
    return out.getvalue()


def _flattened(image: Image.Image) -> Image.Image:
    """RGB pixels; a transparent background becomes white, as on paper."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        page = Image.new("RGB", rgba.size, "white")
        page.paste(rgba, mask=rgba.getchannel("A"))
        return page
    return image.convert("RGB")
