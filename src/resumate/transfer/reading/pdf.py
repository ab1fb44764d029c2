"""A résumé PDF's text layer read into lines, with pdfminer.six.

pdfminer interprets each page (its content streams read faster by `content`, to the same
objects) and hands every glyph over with its font and place (`device`); nothing of its own
layout analysis is used (it is slow, and its reading order is not a résumé's). The glyphs
become rows, runs and columns (`pdf_layout`), each row a line (`glyphs`). What pdfminer
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
from dataclasses import replace

from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError
from pdfminer.pdfinterp import PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1
from pdfminer.utils import Matrix, apply_matrix_pt

from resumate.transfer.reading.content import Interpreter
from resumate.transfer.reading.device import Collector, Page
from resumate.transfer.reading.glyphs import Box, Marks, Row, line_of, right_to_left
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
LEFT_OUT = "Some characters in this PDF have no readable text and were left out."

MAX_LINKS = 200
_PAGE_NUMBER = re.compile(
    r"[-–]?(?:page|seite|p\.)?\d{1,3}(?:(?:/|of|von|de|sur|di)\d{1,3})?[-–]?", re.I
)
_BUCKET = 20.0  # points: links are matched with the lines near them
_FAR = 1e6  # points: a link placed further out is not on the page
_SCHEMES = ("http://", "https://", "mailto:", "www.")


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


def _pages(data: bytes) -> tuple[list[Page], int]:
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
    device = Collector(manager)
    interpreter = Interpreter(manager, device)
    pages = []
    for number, page in enumerate(kept):
        interpreter.process_page(page)
        pages.append(device.take(number))
        pages[-1].links = _links(page, device.page_ctm)
    return pages, count


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


def _lines(page: Page, first: str | None) -> list[Line]:
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


def _furniture(row: Row, rows: list[Row], page: Page, first: str | None) -> bool:
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
