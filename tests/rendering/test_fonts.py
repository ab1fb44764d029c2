"""Font stacks name a bundled face for every script, in the order the resume's language wants."""

from __future__ import annotations

import re

import pytest
from fontTools.ttLib import TTFont

from resumate.rendering.fonts import (
    ARABIC,
    CJK_FACES,
    EMOJI,
    FAMILIES,
    FONTS_DIR,
    HEBREW,
    ScriptFace,
    font_faces,
    font_stack,
)

SCRIPT_FACES = [ARABIC, HEBREW, *CJK_FACES.values(), EMOJI]


@pytest.mark.parametrize(
    ("language", "cjk"),
    [
        ("ja", ["JP", "SC", "TC", "KR"]),
        ("ko", ["KR", "SC", "TC", "JP"]),
        ("zh-Hant", ["TC", "SC", "JP", "KR"]),
        ("zh-Hans", ["SC", "TC", "JP", "KR"]),
        ("en", ["SC", "TC", "JP", "KR"]),
        ("ar", ["SC", "TC", "JP", "KR"]),
    ],
)
def test_the_stack_puts_the_languages_own_cjk_forms_first(language: str, cjk: list[str]) -> None:
    faces = ", ".join(f'"Noto Sans {region}"' for region in cjk)
    assert font_stack("inter", language) == (
        f'"Inter", "IBM Plex Sans Arabic", "Noto Sans Hebrew", {faces}, "Noto Emoji", sans-serif'
    )


@pytest.mark.parametrize("face", SCRIPT_FACES, ids=lambda face: face.key)
def test_every_script_face_is_bundled_static_in_two_weights(face: ScriptFace) -> None:
    folder = FONTS_DIR / face.key
    assert (folder / "OFL.txt").is_file()
    files = sorted(folder.glob("*.ttf"))
    assert [re.sub(r"^[A-Za-z]+_", "", file.name) for file in files] == [
        "400Regular.ttf",
        "700Bold.ttf",
    ]
    for file in files:
        with TTFont(file, lazy=True) as font:
            # Chromium prints a variable font's instances as Type 3: only static faces.
            assert "fvar" not in font
            assert font["name"].getDebugName(1) == face.name


def test_the_preview_fetches_other_scripts_only_for_their_characters() -> None:
    faces = font_faces()
    by_family = {face["family"]: face for face in faces}
    assert set(by_family) == {family.name for family in FAMILIES.values()} | {
        face.name for face in SCRIPT_FACES
    }
    for face in faces:
        if face["family"] in {family.name for family in FAMILIES.values()}:
            assert "unicodeRange" not in face
            continue
        # Never a Latin letter: a Latin resume downloads none of these files.
        assert [span for span in code_points(face["unicodeRange"]) if latin_letter(span)] == []
        assert face["url"].startswith(f"/assets/fonts/{face['url'].split('/')[3]}/")


def code_points(unicode_range: str) -> list[range]:
    """ "U+0600-06FF, U+00A9" as ranges of code points."""
    spans = []
    for part in unicode_range.split(","):
        low, _, high = part.strip().removeprefix("U+").partition("-")
        spans.append(range(int(low, 16), int(high or low, 16) + 1))
    return spans


def latin_letter(span: range) -> bool:
    return any(chr(cp).isalpha() for cp in span if cp < 0x250)
