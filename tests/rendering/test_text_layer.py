"""The text layer reads as the page shows, in every bundled font, under pdfminer and poppler."""

from __future__ import annotations

from pathlib import Path

import pytest

from resumate.rendering.fonts import FAMILIES
from resumate.rendering.renderer import Renderer
from resumate.rendering.text_layer import (
    build_table,
    in_drawing_order,
    meant_text,
    preferred,
    shared_glyphs,
)
from tests.rendering.conftest import pdf_text
from tests.resume_parser import text_items

# What résumés hold and parsers match: quotes, dashes, apostrophes, brackets next to capitals,
# letter pairs that fonts like to join, and arrows that programming fonts draw as one glyph.
TEXT = "Tel. (912) 555-4321 – “Lead” ‘engineer’ it’s fine office -> => == CEO/CTO 2013–2014"


def test_the_glyph_table_is_the_bundled_fonts_own() -> None:
    """Rebuilt from the fonts (python -m resumate.rendering.text_layer after changing one)."""
    table = {face: {int(g): t for g, t in glyphs.items()} for face, glyphs in build_table().items()}
    assert table == shared_glyphs()


@pytest.mark.parametrize(
    ("code_points", "meant"),
    [
        ([0x02BC, 0x2019], 0x2019),  # modifier letter apostrophe, right quotation mark
        ([0x02EE, 0x201D], 0x201D),
        ([0x02BB, 0x2018], 0x2018),
        ([0x002D, 0x00AD, 0x2010, 0x2011], 0x002D),  # hyphen-minus over the soft hyphen
        ([0x00B5, 0x03BC], 0x03BC),  # Greek mu, not the micro sign's compatibility form
        ([0x2012, 0x2013], 0x2013),  # en dash, not the figure dash
        ([0x0020, 0x00A0], 0x0020),
    ],
)
def test_the_character_meant_is_chosen_for_a_shared_glyph(
    code_points: list[int], meant: int
) -> None:
    assert preferred(code_points) == meant


@pytest.mark.parametrize(
    ("code_point", "stored"),
    [
        (0xFE91, "ب"),  # an initial beh reads as the letter
        (0xFEFB, "ال"),  # lam-alef as its two letters, in drawing order (right to left)
        (0xFB2A, "ׁש"),  # shin with its dot, the same
        (0x00B2, "²"),  # not a presentation form: kept as it is
        (0x0041, "A"),
    ],
)
def test_a_presentation_form_is_stored_as_its_letters_in_drawing_order(
    code_point: int, stored: str
) -> None:
    assert in_drawing_order(meant_text(code_point)) == stored


@pytest.mark.parametrize("family", sorted(FAMILIES))
@pytest.mark.parametrize("weight", [400, 700])
async def test_every_font_reads_back_the_characters_typed(
    renderer: Renderer, tmp_path: Path, family: str, weight: int
) -> None:
    name = FAMILIES[family].name
    # The features off as every theme has them (rendering/page_style.py).
    style = (
        f"font-family: '{name}'; font-weight: {weight}; font-variant-ligatures: none;"
        " font-feature-settings: 'calt' 0, 'case' 0; font-size: 8pt; white-space: nowrap"
    )
    html = f'<!doctype html><meta charset=utf-8><body style="{style}"><p>{TEXT}</p>'
    pdf = (await renderer.pdf(html, title="t", author="a")).data
    items, _ = text_items(pdf)
    assert " ".join("".join(item.text for item in items).split()) == TEXT
    assert " ".join(pdf_text(pdf, tmp_path).split()) == TEXT
