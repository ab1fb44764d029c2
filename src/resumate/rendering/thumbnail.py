"""A document's first sheet as a small PNG: the picture on dashboard cards and in the gallery."""

from __future__ import annotations

from resumate.rendering.page_style import SCREEN_GUTTER
from resumate.rendering.renderer import Renderer

# Part of every thumbnail's key and link: bump it when the same document would now look different
# on screen. 2: pictures taken while a relative data directory hid the bundled fonts.
# 3: shot at twice the size the cards show them, sharp on high-density screens.
SHOT_REVISION = "3"

# An A4 sheet at CSS's 96 pixels per inch, shot at full scale: twice the 397 by 562 CSS pixels
# a card shows it at, so every pixel of a double-density screen has one of its own.
SHEET_WIDTH, SHEET_HEIGHT, SCALE = 794, 1123, 1.0


async def first_sheet_png(renderer: Renderer, html: str) -> bytes:
    """The first sheet of a document laid out as the live preview shows it."""
    return await renderer.png(
        html, width=SHEET_WIDTH, height=SHEET_HEIGHT, scale=SCALE, inset=SCREEN_GUTTER
    )
