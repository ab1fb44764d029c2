"""The fonts bundled with the package, and how Chromium finds them without any network.

Chromium reads the fonts from the package folder through a private fontconfig file, so the HTML
only names families: no @font-face URL to fetch, nothing inlined, and the same output on every
machine. After the family a resume chose, every stack names a face for each script the chosen
family lacks (Arabic, Hebrew, Chinese, Japanese, Korean, emoji), so no character prints as an
empty box; the CJK face of the resume's own language comes first, so Japanese text gets
Japanese glyph forms and Chinese text Chinese ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal
from xml.sax.saxutils import escape

FONTS_DIR = Path(__file__).parent / "fonts"


@dataclass(frozen=True)
class FontFamily:
    key: str
    name: str
    generic: Literal["sans-serif", "serif", "monospace"]


@dataclass(frozen=True)
class ScriptFace:
    """A bundled face for one script, and the characters the live preview fetches it for."""

    key: str
    name: str
    unicode_range: str


FAMILIES: dict[str, FontFamily] = {
    family.key: family
    for family in (
        FontFamily("inter", "Inter", "sans-serif"),
        FontFamily("source-sans-3", "Source Sans 3", "sans-serif"),
        FontFamily("source-serif-4", "Source Serif 4", "serif"),
        FontFamily("jetbrains-mono", "JetBrains Mono", "monospace"),
    )
}

# The blocks of Chinese, Japanese and Korean writing: ideographs, kana, hangul, bopomofo, their
# punctuation and full-width forms. Not Latin, which every CJK face also draws.
CJK_RANGE = (
    "U+1100-11FF, U+2E80-2FFF, U+3000-33FF, U+3400-4DBF, U+4E00-9FFF, U+A960-A97F,"
    " U+AC00-D7FF, U+F900-FAFF, U+FE10-FE1F, U+FE30-FE4F, U+FF00-FFEF, U+20000-3134F"
)
# Not Noto Sans Arabic: it draws a letter as a dotless skeleton plus separate dots, glyphs that
# many letters share, so no character map can say which letter a glyph is and a parser reads
# "ٮ" for ب, ت, ث, ن and ي alike. IBM Plex Sans Arabic has a glyph for every joined form.
ARABIC = ScriptFace(
    "ibm-plex-sans-arabic",
    "IBM Plex Sans Arabic",
    "U+0600-06FF, U+0750-077F, U+0870-08FF, U+FB50-FDFF, U+FE70-FEFF",
)
HEBREW = ScriptFace("noto-sans-hebrew", "Noto Sans Hebrew", "U+0590-05FF, U+FB1D-FB4F")
CJK_FACES: dict[str, ScriptFace] = {
    "zh-Hans": ScriptFace("noto-sans-sc", "Noto Sans SC", CJK_RANGE),
    "zh-Hant": ScriptFace("noto-sans-tc", "Noto Sans TC", CJK_RANGE),
    "ja": ScriptFace("noto-sans-jp", "Noto Sans JP", CJK_RANGE),
    "ko": ScriptFace("noto-sans-kr", "Noto Sans KR", CJK_RANGE),
}
# Monochrome, so emoji print as text in the text colour, like the letters around them.
EMOJI = ScriptFace(
    "noto-emoji",
    "Noto Emoji",
    "U+00A9, U+00AE, U+203C, U+2049, U+2122, U+2139, U+2194-21AA, U+231A-23FF, U+24C2,"
    " U+25AA-25FE, U+2600-27BF, U+2934-2935, U+2B05-2B55, U+3030, U+303D, U+3297, U+3299,"
    " U+FE0F, U+1F000-1FAFF",
)


def cjk_faces(language: str) -> list[ScriptFace]:
    """The CJK faces, the resume's own language's first (Simplified Chinese when it has none).

    The others follow, so hangul in a Chinese resume or kana in a Korean one still print.
    """
    first = CJK_FACES.get(language, CJK_FACES["zh-Hans"])
    return [first, *(face for face in CJK_FACES.values() if face != first)]


def script_faces(language: str) -> list[ScriptFace]:
    """The faces after the chosen family, in the order Chromium tries them for a character."""
    return [ARABIC, HEBREW, *cjk_faces(language), EMOJI]


def font_stack(key: str, language: str = "en") -> str:
    """A CSS font-family value: the bundled family, a face for every other script, the generic."""
    family = FAMILIES[key]
    names = [family.name, *(face.name for face in script_faces(language))]
    return ", ".join(f'"{name}"' for name in names) + f", {family.generic}"


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
    installed, so the live preview adds these faces to its frame (from /assets/fonts). A face
    for another script carries its `unicodeRange`: the browser fetches it only for a page that
    has such characters, so a Latin resume never downloads the megabytes of CJK.
    """
    names = {family.key: family.name for family in FAMILIES.values()}
    ranges: dict[str, str] = {}
    for script in [ARABIC, HEBREW, *CJK_FACES.values(), EMOJI]:
        names[script.key] = script.name
        ranges[script.key] = script.unicode_range
    faces = []
    for folder in sorted(p for p in FONTS_DIR.iterdir() if p.is_dir()):
        for file in sorted(folder.glob("*.ttf")):
            match = FACE_FILE.match(file.name)
            if match is None or folder.name not in names:
                continue
            face = {
                "family": names[folder.name],
                "weight": match["weight"],
                "style": "italic" if match["italic"] else "normal",
                "url": f"/assets/fonts/{folder.name}/{file.name}",
            }
            if folder.name in ranges:
                face["unicodeRange"] = ranges[folder.name]
            faces.append(face)
    return faces
