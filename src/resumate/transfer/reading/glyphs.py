"""A PDF page's glyphs, runs and rows, and a row written out as a line: spaces, cells,
right-to-left text, bullets, style (`pdf_layout` finds the rows and orders them).

Words are apart where the PDF draws a blank between them, or (for a PDF that positions words
without blanks, as TeX does) where the gap is wider than `SPACE_GAP` ems. Right-to-left script
is drawn in visual order, each glyph's text already turned for a reader who reverses it, so a
line mostly in Arabic or Hebrew is reversed, with its runs of Latin letters and digits turned
back; a left-to-right line reverses only its right-to-left runs.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass

from resumate.transfer.reading.lines import CELL, Line, Span, is_upper

# A gap between two glyphs wider than this many ems is a space; where a run draws blanks itself,
# only one this wide is a space without a blank (a letter-spaced heading stays one word).
SPACE_GAP = 0.2
SPACE_GAP_WITH_BLANKS = 0.5
# Glyphs that open a list item: a bullet, even against the text; a dash or star, before a blank.
BULLETS = frozenset("•◦▪▫‣●○■□◆◇►▸➢➤✓✔❖")
DASHES = frozenset("–-*·")
# A drawn bullet: a small shape at most this many ems across, this close before the text.
MARK_SIZE = 0.6
MARK_DISTANCE = 1.5
STYLED_SHARE = 0.8
_MARK_BUCKET = 10.0

# Right-to-left script: a page of it holds this many characters and this share of all letters.
RTL_MIN_CHARS = 3
RTL_MIN_SHARE = 0.02
_CLASSES = {"R": "R", "AL": "R", "L": "L", "EN": "D", "AN": "D", "ES": "S", "ET": "S", "CS": "S"}
_NUMBER_SIGNS = re.compile(r"(?<=D)S+|S+(?=D)")
_CLOSING = frozenset({"Po", "Pe", "Pf"})
_LEFT_TO_RIGHT = re.compile(r"L[LN]*L|L|D+")
_RIGHT_TO_LEFT = re.compile(r"R[RDN]*R|R")
_DIGITS = re.compile(r"D+")

Char = tuple[str, bool, bool, float]  # a character, its boldness, italics and size
Box = tuple[float, float, float, float]  # x0, bottom, x1, top


@dataclass(frozen=True, slots=True)
class Glyph:
    """One drawn character: its text (one space for any blank) and its box in points."""

    text: str
    x0: float
    x1: float
    bottom: float
    top: float
    baseline: float
    size: float
    bold: bool = False
    italic: bool = False
    order: int = 0  # where the content stream draws it, counted over the document

    @property
    def blank(self) -> bool:
        return self.text == " "


@dataclass(slots=True)
class Run:
    """Glyphs of a row that stand together, left to right; blanks only between words."""

    glyphs: list[Glyph]

    @property
    def x0(self) -> float:
        return self.glyphs[0].x0

    @property
    def x1(self) -> float:
        return max(glyph.x1 for glyph in self.glyphs)


@dataclass(slots=True)
class Row:
    """The runs of one baseline, left to right; `column` once the page's columns are known."""

    baseline: float
    runs: list[Run]
    column: int = 0

    @property
    def glyphs(self) -> list[Glyph]:
        return [glyph for run in self.runs for glyph in run.glyphs if not glyph.blank]

    @property
    def top(self) -> float:
        return max(glyph.top for glyph in self.glyphs)

    @property
    def bottom(self) -> float:
        return min(glyph.bottom for glyph in self.glyphs)

    @property
    def size(self) -> float:
        return max(glyph.size for glyph in self.glyphs)


class Marks:
    """The small filled shapes of a page, found by height: the bullets lists draw."""

    def __init__(self, boxes: list[Box]) -> None:
        self._buckets: dict[int, list[Box]] = defaultdict(list)
        for box in boxes:
            self._buckets[int((box[1] + box[3]) / 2 // _MARK_BUCKET)].append(box)

    def beside(self, glyph: Glyph, after: bool) -> bool:
        """Whether a bullet is drawn just before the glyph (after it, in right-to-left text)."""
        size = glyph.size
        centre = int((glyph.baseline + 0.35 * size) // _MARK_BUCKET)
        for bucket in (centre - 1, centre, centre + 1):
            for x0, bottom, x1, top in self._buckets.get(bucket, []):
                width, height = x1 - x0, top - bottom
                if not (0.1 * size <= width <= MARK_SIZE * size and height <= MARK_SIZE * size):
                    continue
                if not glyph.baseline <= (bottom + top) / 2 <= glyph.baseline + 0.8 * size:
                    continue
                distance = x0 - glyph.x1 if after else glyph.x0 - x1
                if -0.1 <= distance <= MARK_DISTANCE * size:
                    return True
        return False


def right_to_left(rows: list[Row]) -> bool:
    """Whether a page is set right to left: it holds such script, and more of its lines end
    flush right than start flush left."""
    strong = Counter(_class(char) for row in rows for glyph in row.glyphs for char in glyph.text)
    if strong["R"] < max(RTL_MIN_CHARS, RTL_MIN_SHARE * (strong["R"] + strong["L"])):
        return False
    starts = Counter(round(row.runs[0].x0 / 2) for row in rows)
    ends = Counter(round(row.runs[-1].x1 / 2) for row in rows)
    return max(ends.values()) > max(starts.values())


def line_of(row: Row, page: int, marks: Marks, rtl_page: bool = False) -> Line:
    """The row as a line, without its gap and links (which need the rows around it)."""
    glyphs = row.glyphs
    cells = [_chars(run) for run in row.runs]
    strong = Counter(_class(char) for cell in cells for char, *_ in cell)
    rtl = rtl_page or strong["R"] > strong["L"]
    cells = [_logical(cell, rtl) for cell in (reversed(cells) if rtl else cells)]
    bullet = _strip_bullet(cells)
    if not bullet:
        edge = max(glyphs, key=lambda g: g.x1) if rtl else min(glyphs, key=lambda g: g.x0)
        bullet = marks.beside(edge, after=rtl)
    spans = _spans([char for cell in cells if cell for char in [*cell, (CELL, False, False, 0.0)]])
    text = "".join(span.text for span in spans)
    # The style of the line's own text, its first run: a date set beside it does not count.
    first = [char for char in cells[0] if not char[0].isspace()] if cells else []
    letters = [char for char in first if char[0].isalpha()] or first or [(" ", False, False, 0.0)]
    # The size of the line's own text too: a smaller date beside a title does not count.
    own = row.runs[-1 if rtl else 0].glyphs or glyphs
    sizes = Counter(round(glyph.size, 1) for glyph in own)
    return Line(
        text=text,
        page=page,
        column=row.column,
        size=sizes.most_common(1)[0][0],
        bold=sum(char[1] for char in letters) >= STYLED_SHARE * len(letters),
        italic=sum(char[2] for char in letters) >= STYLED_SHARE * len(letters),
        upper=is_upper(text),
        bullet=bullet,
        left=round(min(glyph.x0 for glyph in glyphs), 1),
        width=round(max(glyph.x1 for glyph in glyphs) - min(glyph.x0 for glyph in glyphs), 1),
        order=min(glyph.order for glyph in glyphs),
        spans=tuple(spans),
    )


def _chars(run: Run) -> list[Char]:
    has_blanks = any(glyph.blank for glyph in run.glyphs)
    wide = SPACE_GAP_WITH_BLANKS if has_blanks else SPACE_GAP
    chars: list[Char] = []
    before: Glyph | None = None
    blank = False
    for glyph in run.glyphs:
        if glyph.blank:
            blank = True
            continue
        if before is not None and (
            blank or glyph.x0 - before.x1 > wide * (before.size + glyph.size) / 2
        ):
            chars.append((" ", before.bold, before.italic, before.size))
        chars.extend((char, glyph.bold, glyph.italic, glyph.size) for char in glyph.text)
        before, blank = glyph, False
    return chars


def _class(char: str) -> str:
    """The character's direction: Right-to-left, Left-to-right, a Digit, a Sign or Neutral."""
    return _CLASSES.get(unicodedata.bidirectional(char), "N")


def _logical(cell: list[Char], rtl: bool) -> list[Char]:
    """The cell in reading order: its right-to-left runs reversed, digits read left to right.

    In a right-to-left line, the whole is reversed and its left-to-right runs turned back, with
    the closing punctuation drawn just right of them (`Native)`, a comma before a line break).
    A cell of digits and signs only (a phone number, years) reads as drawn.
    """
    rtl = rtl and any(_class(char) in ("L", "R") for char, *_ in cell)
    if rtl:
        cell = cell[::-1]
    classes = _classes(cell, rtl)
    for match in (_LEFT_TO_RIGHT if rtl else _RIGHT_TO_LEFT).finditer(classes):
        start, end = match.span()
        while classes[end - 1] == "L" and start > 0 and _closing(cell[start - 1][0]):
            start -= 1
        cell[start:end] = cell[start:end][::-1]
        if not rtl:
            for number in _DIGITS.finditer(classes[start:end][::-1]):
                first, last = start + number.start(), start + number.end()
                cell[first:last] = cell[first:last][::-1]
    while cell and cell[0][0] == " ":
        cell = cell[1:]
    while cell and cell[-1][0] == " ":
        cell = cell[:-1]
    return cell


def _classes(cell: list[Char], rtl: bool) -> str:
    """Each character's direction; signs and separators beside a digit belong to its number,
    and in right-to-left text a number after Latin letters is part of their run."""
    classes = "".join(_class(char) for char, *_ in cell)
    classes = _NUMBER_SIGNS.sub(lambda match: "D" * len(match.group()), classes)
    classes = classes.replace("S", "N")
    if not rtl:
        return classes
    resolved = []
    strong = "R"
    for kind in classes:
        strong = kind if kind in "LR" else strong
        resolved.append("L" if kind == "D" and strong == "L" else kind)
    return "".join(resolved)


def _closing(char: str) -> bool:
    return unicodedata.category(char) in _CLOSING


def _strip_bullet(cells: list[list[Char]]) -> bool:
    """Take a bullet glyph off the line's start: before a blank, or a run of its own."""
    first = cells[0] if cells else []
    if not first or first[0][0] not in BULLETS | DASHES:
        return False
    if len(first) == 1 and len(cells) > 1:
        del cells[0]
        return True
    if len(first) > 2 and first[1][0] == " ":
        del first[:2]
        return True
    if len(first) > 1 and first[0][0] in BULLETS and first[1][0].isalnum():
        del first[:1]
        return True
    return False


def _spans(chars: list[Char]) -> list[Span]:
    """Runs of one style; blanks and cell breaks go with the run they stand in."""
    while chars and chars[-1][0] == CELL:
        chars.pop()
    spans: list[Span] = []
    text: list[str] = []
    style: tuple[bool, bool, float] | None = None
    for char, bold, italic, size in chars:
        # A size apart by a tenth or more is another style (a level set smaller than its name).
        step = round(size * 10) / 10
        if style is not None and char not in (" ", CELL) and not _same(style, (bold, italic, step)):
            spans.append(Span("".join(text), *style))
            text = []
            style = None
        if style is None and char not in (" ", CELL):
            style = (bold, italic, step)
        text.append(char)
    if text:
        spans.append(Span("".join(text), *(style or (False, False, 0.0))))
    return spans


def _same(style: tuple[bool, bool, float], other: tuple[bool, bool, float]) -> bool:
    larger = max(style[2], other[2], 1.0)
    return style[:2] == other[:2] and abs(style[2] - other[2]) < 0.1 * larger
