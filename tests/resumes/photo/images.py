"""Test pictures, made with Pillow: a photo carrying EXIF with GPS, an ICC profile and text."""

from __future__ import annotations

import io

from PIL import Image, ImageCms

GPS_IFD = 0x8825
MAKE = 0x010F


def photo_with_metadata(size: tuple[int, int] = (1200, 900), kind: str = "JPEG") -> bytes:
    """A red-and-blue photo whose EXIF says where it was taken and with which camera."""
    image = Image.new("RGB", size, (200, 30, 30))
    image.paste((20, 40, 200), (0, 0, size[0] // 2, size[1]))
    exif = Image.Exif()
    exif[MAKE] = "Spy camera"
    exif[GPS_IFD] = {1: "N", 2: (51.0, 30.0, 0.0), 3: "W", 4: (0.0, 7.0, 0.0)}
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    out = io.BytesIO()
    if kind == "PNG":
        from PIL.PngImagePlugin import PngInfo

        text = PngInfo()
        text.add_text("Comment", "taken at home")
        image.save(out, "PNG", exif=exif, icc_profile=icc, pnginfo=text)
    else:
        image.save(out, "JPEG", exif=exif, icc_profile=icc, comment=b"taken at home")
    return out.getvalue()


def small_png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 40), (10, 120, 60)).save(out, "PNG")
    return out.getvalue()
