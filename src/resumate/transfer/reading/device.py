"""The pdfminer device that gathers a page's glyphs, each with its text, box and style, and the
small filled shapes that may be bullets.

Text in a horizontal font — a résumé's — is placed here rather than through pdfminer's
`LTChar`: the same arithmetic, to the same figures, without building a layout object per
glyph, and with each character's text and width looked up once per font.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFGraphicState, PDFResourceManager, PDFTextState
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import resolve1
from pdfminer.utils import Matrix, PathSegment, apply_matrix_pt, apply_matrix_rect, mult_matrix

from resumate.transfer.reading.glyphs import Box, Glyph
from resumate.transfer.reading.limits import Unreadable

TOO_MUCH_TEXT = "This PDF holds far more text than a resume does."

MAX_GLYPHS = 200_000
MAX_MARKS = 5_000
# A shape this small (points) may be a bullet.
MARK_LIMIT = 20.0
# Glyphs smaller than this (points) are hidden text; larger, not text a resume is set in.
MIN_SIZE = 1.0
MAX_SIZE = 500.0
LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl"})
# Word's list bullets are Symbol and Wingdings glyphs, which Word and LibreOffice map to the
# private-use area (U+F000 + the font's code): read as the bullets they draw, not dropped.
SYMBOL_BULLETS = str.maketrans({"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf0fc": "✓"})
INVISIBLE = frozenset({3, 7})
FILL_AND_STROKE = 2
# A font's weight or style, by its name: the part after the family (`Inter-SemiBold`, `Arial,Bold`).
_BOLD = re.compile(r"bold|black|heavy|demi|\bW[6-9]\b", re.IGNORECASE)
_ITALIC = re.compile(r"italic|oblique|slanted|kursiv", re.IGNORECASE)
_SUBSET = re.compile(r"^[A-Z]{6}\+")
_FORCE_BOLD = 1 << 18
_ITALIC_FLAG = 1 << 6
# pdfminer's own, for its warning about what a string shown holds that is not text
_PDFMINER = logging.getLogger("pdfminer.pdfdevice")


@dataclass(slots=True)
class Page:
    number: int
    width: float
    height: float
    glyphs: list[Glyph] = field(default_factory=list)
    marks: list[Box] = field(default_factory=list)
    links: list[tuple[Box, str]] = field(default_factory=list)
    unmapped: int = 0


class Collector(PDFPageAggregator):
    """A pdfminer device that keeps each glyph's text, place and style, and the small shapes."""

    def __init__(self, manager: PDFResourceManager) -> None:
        super().__init__(manager, laparams=None)
        self._styles: dict[PDFFont, tuple[bool, bool]] = {}
        # Per font, each character's text as read (None where the font gives none) and width.
        self._known: dict[PDFFont, dict[int, tuple[str | None, float]]] = {}
        self._mode = 0
        self._visible: list[Glyph] = []
        self._hidden: list[Glyph] = []
        self._marks: list[Box] = []
        self._unmapped = 0
        self._total = 0
        self.page_ctm: Matrix = (1, 0, 0, 1, 0, 0)

    def begin_page(self, page: PDFPage, ctm: Matrix) -> None:
        self.page_ctm = ctm
        super().begin_page(page, ctm)

    def take(self, number: int) -> Page:
        """What the device gathered from the page just processed; it starts afresh."""
        box = self.get_result().bbox
        glyphs = [glyph for glyph in self._visible or self._hidden if _on_page(glyph, box)]
        width, height = box[2] - box[0], box[3] - box[1]
        found = Page(number, width, height, glyphs, self._marks, unmapped=self._unmapped)
        self._visible, self._hidden, self._marks, self._unmapped = [], [], [], 0
        return found

    def render_string(
        self, textstate: PDFTextState, seq: Any, ncs: Any, graphicstate: PDFGraphicState
    ) -> None:
        self._mode = textstate.render
        font = textstate.font
        if font is None or font.is_vertical():
            super().render_string(textstate, seq, ncs, graphicstate)
        else:
            textstate.linematrix = self._horizontal(textstate, seq, font)

    def _horizontal(self, textstate: PDFTextState, seq: Any, font: PDFFont) -> tuple[float, float]:
        """pdfminer's `render_string_horizontal` with `LTChar`'s box, step for step."""
        a, b, c, d, e, f = mult_matrix(textstate.matrix, self.ctm)
        fontsize = textstate.fontsize
        scaling = textstate.scaling * 0.01
        charspace = textstate.charspace * scaling
        wordspace = textstate.wordspace * scaling
        rise = textstate.rise
        if font.is_multibyte():
            wordspace = 0
        dxscale = 0.001 * fontsize * scaling
        descent = font.get_descent() * fontsize
        known = self._known.setdefault(font, {})
        x, y = textstate.linematrix
        needcharspace = False
        for item in seq:
            if isinstance(item, int | float):
                x -= item * dxscale
                needcharspace = True
            elif isinstance(item, bytes):
                for cid in font.decode(item):
                    if needcharspace:
                        x += charspace
                    if cid not in known:
                        known[cid] = (_cleaned(_text(font, cid)), font.char_width(cid))
                    text, width = known[cid]
                    adv = width * fontsize * scaling
                    if text is None:
                        self._unmapped += 1
                    elif text:
                        matrix = (a, b, c, d, x * a + y * c + e, x * b + y * d + f)
                        bbox = (0, descent + rise, adv, descent + rise + fontsize)
                        self._keep(matrix, apply_matrix_rect(matrix, bbox), font, text)
                    x += adv
                    if cid == 32 and wordspace:
                        x += wordspace
                    needcharspace = True
            else:  # as pdfminer warns: a hostile array nested too deep to print is damage
                _PDFMINER.warning(
                    "Cannot render horizontal string because %r is not a valid int, float or"
                    " bytes.",
                    item,
                )
        return x, y

    def render_char(
        self,
        matrix: Matrix,
        font: PDFFont,
        fontsize: float,
        scaling: float,
        rise: float,
        cid: int,
        ncs: Any,
        graphicstate: PDFGraphicState,
    ) -> float:
        """A glyph of a vertical font, placed by pdfminer."""
        text = _text(font, cid)
        char = LTChar(
            matrix,
            font,
            fontsize,
            scaling,
            rise,
            text or "",
            font.char_width(cid),
            font.char_disp(cid),
            ncs,
            graphicstate,
        )
        cleaned = _cleaned(text)
        if cleaned is None:
            self._unmapped += 1
        elif cleaned:
            self._keep(char.matrix, char.bbox, font, cleaned, char.size)
        return float(char.adv)

    def paint_path(
        self,
        gstate: PDFGraphicState,
        stroke: bool,
        fill: bool,
        evenodd: bool,
        path: Sequence[PathSegment],
    ) -> None:
        if not fill or len(self._marks) >= MAX_MARKS:
            return
        points = [
            apply_matrix_pt(self.ctm, (float(seg[i]), float(seg[i + 1])))
            for seg in path
            for i in range(1, len(seg) - 1, 2)
        ]
        if points:
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            box = (min(xs), min(ys), max(xs), max(ys))
            if box[2] - box[0] <= MARK_LIMIT and box[3] - box[1] <= MARK_LIMIT:
                self._marks.append(box)

    def _keep(
        self, matrix: Matrix, box: Box, font: PDFFont, text: str, size: float | None = None
    ) -> None:
        self._total += 1
        if self._total > MAX_GLYPHS:
            raise Unreadable(TOO_MUCH_TEXT)
        x0, y0, x1, y1 = box
        a, b, c, d, _, f = matrix
        horizontal = a > 0 and abs(b) <= 0.1 * a
        bold, italic = self._style(font)
        glyph = Glyph(
            text,
            x0,
            x1,
            y0,
            y1,
            f if horizontal else (y0 + y1) / 2,
            y1 - y0 if size is None else size,
            bold or self._mode == FILL_AND_STROKE,
            italic or (horizontal and d > 0 and abs(c) > 0.1 * d),  # slanted by the matrix
            self._total,
        )
        (self._hidden if self._mode in INVISIBLE else self._visible).append(glyph)

    def _style(self, font: PDFFont) -> tuple[bool, bool]:
        if font not in self._styles:
            self._styles[font] = _font_style(font)
        return self._styles[font]


def _text(font: PDFFont, cid: int) -> str | None:
    try:
        return font.to_unichr(cid)
    except PDFUnicodeNotDefined:
        return None


def _on_page(glyph: Glyph, box: Box) -> bool:
    """Whether a glyph stands on the page at a size a person can read (not one too small to see,
    nor a hostile file's glyph the size of the page)."""
    x0, y0, x1, y1 = box
    return (
        MIN_SIZE <= glyph.size <= MAX_SIZE
        and glyph.x1 - glyph.x0 <= x1 - x0
        and x0 - 1 <= (glyph.x0 + glyph.x1) / 2 <= x1 + 1
        and y0 - 1 <= glyph.baseline <= y1 + 1
    )


def _font_style(font: PDFFont) -> tuple[bool, bool]:
    """Bold and italic, by the font's name and, where it says, its descriptor."""
    name = _SUBSET.sub("", str(getattr(font, "basefont", None) or font.fontname))
    style = re.split(r"[-,]", name, maxsplit=1)[-1]
    weight = resolve1(font.descriptor.get("FontWeight"))
    flags = font.flags if isinstance(font.flags, int) else 0
    bold = bool(_BOLD.search(style)) or bool(flags & _FORCE_BOLD)
    bold = bold or (isinstance(weight, int | float) and weight >= 600)
    italic = bool(_ITALIC.search(style)) or bool(flags & _ITALIC_FLAG)
    italic = italic or (isinstance(font.italic_angle, int | float) and font.italic_angle != 0)
    return bold, italic


def _cleaned(text: str | None) -> str | None:
    """A glyph's text as a reader wants it: "" to skip, " " for any blank, None if unreadable."""
    if text is None or "\0" in text:
        return None
    if text.isspace():
        return " "
    text = text.translate(LIGATURES).translate(SYMBOL_BULLETS)
    # Controls, format characters (the soft hyphen) and private-use icons are not text; a glyph
    # that claims a long text is cut short.
    return "".join(char for char in text if char.isprintable())[:8]
