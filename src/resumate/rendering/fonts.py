"""The fonts bundled with the package, and how Chromium finds them without any network.

Chromium reads the fonts from the package folder through a private fontconfig file, so the HTML
only names families: no @font-face URL to fetch, nothing inlined, and the same output on every
machine. The CJK fallback is last in every stack, so Chinese or Japanese text still renders.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal
from xml.sax.saxutils import escape

FONTS_DIR = Path(__file__).parent / "fonts"
CJK_FALLBACK = "Noto Sans SC"


@dataclass(frozen=True)
class FontFamily:
    key: str
    name: str
    generic: Literal["sans-serif", "serif", "monospace"]


FAMILIES: dict[str, FontFamily] = {
    family.key: family
    for family in (
        FontFamily("inter", "Inter", "sans-serif"),
        FontFamily("source-sans-3", "Source Sans 3", "sans-serif"),
        FontFamily("source-serif-4", "Source Serif 4", "serif"),
        FontFamily("jetbrains-mono", "JetBrains Mono", "monospace"),
    )
}


def font_stack(key: str) -> str:
    """A CSS font-family value: the bundled family, the CJK fallback, then the generic."""
    family = FAMILIES[key]
    return f'"{family.name}", "{CJK_FALLBACK}", {family.generic}'


def write_fontconfig(directory: Path) -> Path:
    """A fontconfig file that offers Chromium the bundled fonts and nothing else."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "fonts.conf"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f"  <dir>{escape(str(FONTS_DIR))}</dir>\n"
        f"  <cachedir>{escape(str(directory / 'cache'))}</cachedir>\n"
        "</fontconfig>\n",
        encoding="utf-8",
    )
    return path


FACE_FILE = re.compile(r"^[A-Za-z0-9]+_(?P<weight>\d{3})[A-Za-z]*?(?P<italic>_Italic)?\.ttf$")


@cache
def font_faces() -> list[dict[str, str]]:
    """Every bundled face as the browser's FontFace API wants it, for pages that show resumes.

    Chromium printing finds the fonts through fontconfig; a visitor's browser has none of them
    installed, so the live preview adds these faces to its frame (from /assets/fonts).
    """
    names = {family.key: family.name for family in FAMILIES.values()}
    names["noto-sans-sc"] = CJK_FALLBACK
    faces = []
    for folder in sorted(p for p in FONTS_DIR.iterdir() if p.is_dir()):
        for file in sorted(folder.glob("*.ttf")):
            match = FACE_FILE.match(file.name)
            if match is None or folder.name not in names:
                continue
            faces.append(
                {
                    "family": names[folder.name],
                    "weight": match["weight"],
                    "style": "italic" if match["italic"] else "normal",
                    "url": f"/assets/fonts/{folder.name}/{file.name}",
                }
            )
    return faces
