"""A résumé PDF's text layer read into lines, with pdfminer.six.

pdfminer interprets each page and hands every glyph over with its font and place; nothing of
its own layout analysis is used (it is slow, and its reading order is not a résumé's). The
glyphs become rows, runs and columns (`pdf_layout`), each row a line (`glyphs`). What pdfminer
cannot read — not a PDF, a password, a damaged file, too many pages, no text — is refused with
`Unreadable` before any line is made.

Text drawn invisibly is left out where a page also has visible text (hidden keywords), and kept
where it has none (the text layer a scanner's OCR lays over the picture). A page number alone
at a page's foot or head, and a running header repeating the first line on later pages, are
dropped.
"""

from __future__ import annotations

import io
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfinterp import (
    PDFGraphicState,
    PDFPageInterpreter,
    PDFResourceManager,
    PDFTextState,
)
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1
from pdfminer.utils import Matrix, PathSegment, apply_matrix_pt

from resumate.transfer.reading.glyphs import Box, Glyph, Marks, Row, line_of, right_to_left
from resumate.transfer.reading.limits import MAX_PAGES, Unreadable
from resumate.transfer.reading.lines import Line, Source
from resumate.transfer.reading.pdf_layout import reading_order, rows_of

NOT_PDF = "This file is not a PDF."
PROTECTED = (
    "This PDF is protected by a password. Save a copy without the password (or print it to a"
    " new PDF) and import that."
)
DAMAGED = "This PDF is damaged and cannot be read."
NO_TEXT = (
    "This PDF has no text in it — it looks like a scan or a picture. Export it from the program"
    " you wrote it in, or paste its text."
)
NO_LETTERS = (
    "The text in this PDF cannot be read: its fonts do not say which letters they draw. Export"
    " it again from the program you wrote it in, or paste its text."
)
TOO_MUCH_TEXT = "This PDF holds far more text than a resume does."
LEFT_OUT = "Some characters in this PDF have no readable text and were left out."

MAX_GLYPHS = 200_000
MAX_MARKS = 5_000
MAX_LINKS = 200
# A shape this small (points) may be a bullet.
MARK_LIMIT = 20.0
# Glyphs smaller than this (points) are hidden text; larger, not text a resume is set in.
MIN_SIZE = 1.0
MAX_SIZE = 500.0
LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl"})
INVISIBLE = frozenset({3, 7})
FILL_AND_STROKE = 2
# A font's weight or style, by its name: the part after the family (`Inter-SemiBold`, `Arial,Bold`).
_BOLD = re.compile(r"bold|black|heavy|demi|\bW[6-9]\b", re.IGNORECASE)
_ITALIC = re.compile(r"italic|oblique|slanted|kursiv", re.IGNORECASE)
_SUBSET = re.compile(r"^[A-Z]{6}\+")
_PAGE_NUMBER = re.compile(
    r"[-–]?(?:page|seite|p\.)?\d{1,3}(?:(?:/|of|von|de|sur|di)\d{1,3})?[-–]?", re.I
)
_BUCKET = 20.0  # points: links are matched with the lines near them
_FAR = 1e6  # points: a link placed further out is not on the page
_SCHEMES = ("http://", "https://", "mailto:", "www.")
_FORCE_BOLD = 1 << 18
_ITALIC_FLAG = 1 << 6


def read_pdf(data: bytes) -> Source:
    """The PDF's lines in reading order, page by page; `Unreadable` if it cannot be read."""
    if b"%PDF-" not in data[:1024]:
        raise Unreadable(NOT_PDF)
    try:
        pages, count = _pages(data)
    except (Unreadable, MemoryError):
        raise
    except PDFEncryptionError:
        raise Unreadable(PROTECTED) from None
    except Exception:  # pdfminer meets a broken file with any error at all, RecursionError too
        raise Unreadable(DAMAGED) from None
    if not any(page.glyphs for page in pages):
        raise Unreadable(NO_LETTERS if any(page.unmapped for page in pages) else NO_TEXT)
    lines: list[Line] = []
    for page in pages:
        lines += _lines(page, lines[0].text if lines else None)
    warnings = [LEFT_OUT] if any(page.unmapped for page in pages) else []
    return Source("pdf", lines, pages=count, warnings=warnings)


@dataclass(slots=True)
class _Page:
    number: int
    width: float
    height: float
    glyphs: list[Glyph] = field(default_factory=list)
    marks: list[Box] = field(default_factory=list)
    links: list[tuple[Box, str]] = field(default_factory=list)
    unmapped: int = 0


def _pages(data: bytes) -> tuple[list[_Page], int]:
    document = PDFDocument(PDFParser(io.BytesIO(data)))
    kept: list[PDFPage] = []
    count = 0
    for page in PDFPage.create_pages(document):
        count += 1
        if count <= MAX_PAGES:
            kept.append(page)
    if count > MAX_PAGES:
        raise Unreadable(
            f"This PDF has {count} pages; a resume of up to {MAX_PAGES} can be imported."
        )
    if not count:
        raise Unreadable(DAMAGED)
    manager = PDFResourceManager()
    device = _Collector(manager)
    interpreter = PDFPageInterpreter(manager, device)
    pages = []
    for number, page in enumerate(kept):
        interpreter.process_page(page)
        pages.append(device.take(number, page))
    return pages, count


class _Collector(PDFPageAggregator):
    """A pdfminer device that keeps each glyph's text, place and style, and the small shapes."""

    def __init__(self, manager: PDFResourceManager) -> None:
        super().__init__(manager, laparams=None)
        self._styles: dict[PDFFont, tuple[bool, bool]] = {}
        self._mode = 0
        self._visible: list[Glyph] = []
        self._hidden: list[Glyph] = []
        self._marks: list[Box] = []
        self._unmapped = 0
        self._total = 0
        self._page_ctm: Matrix = (1, 0, 0, 1, 0, 0)

    def begin_page(self, page: PDFPage, ctm: Matrix) -> None:
        self._page_ctm = ctm
        super().begin_page(page, ctm)

    def take(self, number: int, page: PDFPage) -> _Page:
        """What the device gathered from the page just processed; it starts afresh."""
        box = self.get_result().bbox
        glyphs = [glyph for glyph in self._visible or self._hidden if _on_page(glyph, box)]
        width, height = box[2] - box[0], box[3] - box[1]
        found = _Page(number, width, height, glyphs, self._marks, _links(page, self._page_ctm))
        found.unmapped = self._unmapped
        self._visible, self._hidden, self._marks, self._unmapped = [], [], [], 0
        return found

    def render_string(
        self, textstate: PDFTextState, seq: Any, ncs: Any, graphicstate: PDFGraphicState
    ) -> None:
        self._mode = textstate.render
        super().render_string(textstate, seq, ncs, graphicstate)

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
        try:
            text: str | None = font.to_unichr(cid)
        except PDFUnicodeNotDefined:
            text = None
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
        self._keep(char, font, text)
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

    def _keep(self, char: LTChar, font: PDFFont, text: str | None) -> None:
        cleaned = _cleaned(text)
        if cleaned is None:
            self._unmapped += 1
            return
        if not cleaned:
            return
        self._total += 1
        if self._total > MAX_GLYPHS:
            raise Unreadable(TOO_MUCH_TEXT)
        a, b, c, d, _, f = char.matrix
        horizontal = a > 0 and abs(b) <= 0.1 * a
        bold, italic = self._style(font)
        glyph = Glyph(
            cleaned,
            char.x0,
            char.x1,
            char.y0,
            char.y1,
            f if horizontal else (char.y0 + char.y1) / 2,
            char.size,
            bold or self._mode == FILL_AND_STROKE,
            italic or (horizontal and d > 0 and abs(c) > 0.1 * d),  # slanted by the matrix
            self._total,
        )
        (self._hidden if self._mode in INVISIBLE else self._visible).append(glyph)

    def _style(self, font: PDFFont) -> tuple[bool, bool]:
        if font not in self._styles:
            self._styles[font] = _font_style(font)
        return self._styles[font]


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
    text = text.translate(LIGATURES)
    # Controls, format characters (the soft hyphen) and private-use icons are not text; a glyph
    # that claims a long text is cut short.
    return "".join(char for char in text if char.isprintable())[:8]


def _links(page: PDFPage, ctm: Matrix) -> list[tuple[Box, str]]:
    """The page's links to web pages and mail addresses, each with its box on the page."""
    found: list[tuple[Box, str]] = []
    annotations = resolve1(page.annots)
    for annotation in annotations[:MAX_LINKS] if isinstance(annotations, list) else []:
        annotation = resolve1(annotation)
        action = resolve1(annotation.get("A")) if isinstance(annotation, dict) else None
        uri = resolve1(action.get("URI")) if isinstance(action, dict) else None
        rect = resolve1(annotation.get("Rect")) if isinstance(annotation, dict) else None
        if isinstance(uri, bytes):
            uri = uri.decode("utf-8", "replace")
        if not isinstance(uri, str) or not isinstance(rect, list) or len(rect) != 4:
            continue
        uri = uri.strip()
        corners = [resolve1(value) for value in rect]
        if not uri.lower().startswith(_SCHEMES) or not all(
            isinstance(v, int | float) and abs(v) < _FAR for v in corners
        ):
            continue
        a = apply_matrix_pt(ctm, (corners[0], corners[1]))
        b = apply_matrix_pt(ctm, (corners[2], corners[3]))
        found.append(((min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1])), uri))
    return found


def _lines(page: _Page, first: str | None) -> list[Line]:
    rows = rows_of(page.glyphs)
    rows = [row for row in rows if not _furniture(row, rows, page, first)]
    marks = Marks(page.marks)
    rtl = right_to_left(rows)
    written: list[tuple[Row, Line]] = []
    bottoms: dict[int, float] = {}
    for row in reading_order(rows, page.height, rtl, first_page=page.number == 0):
        line = line_of(row, page.number, marks, rtl)
        if not line.text:
            continue
        above = bottoms.get(row.column)
        gap = max(above - row.top, 0.0) / line.size if above is not None and line.size else 0.0
        bottoms[row.column] = row.bottom
        written.append((row, replace(line, gap=round(gap, 2))))
    return _linked(written, page.links)


def _furniture(row: Row, rows: list[Row], page: _Page, first: str | None) -> bool:
    """A page number alone at the page's foot or head, or a running header on a later page."""
    text = "".join(glyph.text for glyph in row.glyphs)
    edge = row is rows[-1] or (row is rows[0] and len(rows) > 1)
    near_edge = min(row.baseline, page.height - row.baseline) < 0.12 * page.height
    if edge and near_edge and len(row.runs) == 1 and _PAGE_NUMBER.fullmatch(text):
        return True
    return (
        page.number > 0 and row is rows[0] and first is not None and text == "".join(first.split())
    )


def _linked(written: list[tuple[Row, Line]], links: list[tuple[Box, str]]) -> list[Line]:
    """Each link given to the line whose box it overlaps most."""
    boxes: dict[int, list[tuple[int, Box]]] = defaultdict(list)
    for index, (row, _) in enumerate(written):
        box = (min(g.x0 for g in row.glyphs), row.bottom, max(g.x1 for g in row.glyphs), row.top)
        for bucket in _buckets(box[1], box[3]):
            boxes[bucket].append((index, box))
    found: dict[int, list[str]] = defaultdict(list)
    low, high = (min(boxes), max(boxes)) if boxes else (0, -1)
    for (x0, y0, x1, y1), uri in links:
        best, chosen = 0.0, -1
        for bucket in range(max(int(y0 // _BUCKET), low), min(int(y1 // _BUCKET), high) + 1):
            for index, (bx0, by0, bx1, by1) in boxes.get(bucket, []):
                overlap = max(0.0, min(x1, bx1) - max(x0, bx0)) * max(
                    0.0, min(y1, by1) - max(y0, by0)
                )
                if overlap > best:
                    best, chosen = overlap, index
        if chosen >= 0 and uri not in found[chosen]:
            found[chosen].append(uri)
    return [replace(line, links=tuple(found.get(i, ()))) for i, (_, line) in enumerate(written)]


def _buckets(bottom: float, top: float) -> range:
    return range(int(bottom // _BUCKET), int(top // _BUCKET) + 1)
