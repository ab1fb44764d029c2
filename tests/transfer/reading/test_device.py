"""The device places each glyph where pdfminer's own `LTChar` places it, to the last bit."""

from __future__ import annotations

import io

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage

from resumate.transfer.reading.device import Collector, _cleaned
from tests.transfer.reading.test_pdf import HELVETICA, handmade

# Spacing, scaling, rise, kerning, a skewed and a turned matrix, the quote operators.
DRAWN = (
    b"BT /F1 12 Tf 2 Tc 3 Tw 80 Tz 1.5 Ts 72 700 Td [(Spaced out) -250 (words)] TJ"
    b" 0.9 0.1 -0.2 1.1 100 600 Tm (Skewed text) Tj 14 TL T* (next) ' 1 2 (quoted) \""
    b" 0 Tc 0 Tw 100 Tz 0 Ts 0 1 -1 0 300 300 Tm (Turned) Tj ET"
)


def test_glyphs_stand_where_pdfminer_places_its_characters() -> None:
    page = next(PDFPage.get_pages(io.BytesIO(handmade(DRAWN, HELVETICA))))
    manager = PDFResourceManager()
    reference = PDFPageAggregator(manager, laparams=None)
    PDFPageInterpreter(manager, reference).process_page(page)
    chars = [item for item in reference.get_result() if isinstance(item, LTChar)]
    collector = Collector(manager)
    PDFPageInterpreter(manager, collector).process_page(page)
    glyphs = collector.take(0).glyphs
    assert [(g.text, g.x0, g.x1, g.bottom, g.top, g.size) for g in glyphs] == [
        (c.get_text(), c.x0, c.x1, c.y0, c.y1, c.size) for c in chars
    ]


def test_words_symbol_bullets_read_as_bullets_and_other_private_glyphs_as_nothing() -> None:
    # Word and LibreOffice map the Symbol font's bullet to U+F0B7, Wingdings' square to U+F0A7.
    assert _cleaned("\uf0b7") == "•"
    assert _cleaned("\uf0a7") == "▪"
    assert _cleaned("\ue000") == ""  # an icon font's glyph is no text
    assert _cleaned("ﬁ") == "fi"
