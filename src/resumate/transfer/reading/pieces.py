"""An entry's header lines cut into typed pieces: dates, links, places and plain text.

"Senior Product Designer, Northwind Health    Mar 2021 - Present · London" is four pieces: a
bold text, a text, a date range and the text after the dates (a place, where templates put one).
Bold runs, cells and separators (" · ", " | ", a comma after a bold run) are where one piece ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from resumate.transfer.dates import means_now, read_date
from resumate.transfer.reading.contact import LINK, full_link
from resumate.transfer.reading.lines import CELL, Line

# Between the parts of a header: a middle dot, a bar, a bullet, an em dash with spaces.
SEPARATOR = re.compile(r"\s+[·•|◦▪‧∙⋅]\s+|\s+—\s+|\s*\|\s*|(?<=\w)\.\s+(?=[A-Z])")
# Between a range's two dates: a dash with or without spaces, or a word.
RANGE = re.compile(
    r"\s*[–—−‒]\s*|\s+-\s+|(?<=\d)-(?=\D)|\s+(?:to|until|bis|à|au|a|al|até|tot|do)\s+"
)
# A numbered reference's mark in front of a publication: "[1]", or "1." in a list of them.
CITATION = re.compile(r"^(?:\[\d{1,3}\]|\d{1,3}\.(?=\s|$))\s*")
# What joins a title to its employer: "Engineer, Acme", "Engineer at Acme", "Ingénieur chez X".
LEADING = re.compile(r"^(?:[,@]|(?:at|bei|chez|en|in)\s)\s*", re.IGNORECASE)


@dataclass(slots=True)
class Piece:
    """One part of an entry's header."""

    text: str
    kind: str  # "text", "range", "date", "url"
    bold: bool = False
    aside: bool = False  # not the first thing on its line: set to one side (a place, a date)
    line: int = 0
    start: str | None = None
    end: str | None = None
    after_date: bool = False
    beside: bool = False  # in a cell of its own after the line's first: a table's right column


def written_date(text: str) -> str | None:
    """A date as written in a header: a year alone ("2016") too, which `read_date` leaves."""
    bare = text.strip()
    return bare if re.fullmatch(r"(?:19|20)\d{2}", bare) else read_date(bare)


def read_range(text: str) -> tuple[str, str | None] | None:
    """A date range's start and end (None while ongoing), or None when the text is not one."""
    parts = RANGE.split(text.strip(), maxsplit=1)
    if len(parts) != 2:
        return None
    start = written_date(parts[0])
    if start is None:
        return None
    if means_now(parts[1]):
        return start, None
    end = written_date(parts[1])
    return (start, end) if end is not None else None


def typed(text: str, bold: bool, aside: bool, line: int, links: tuple[str, ...]) -> Piece:
    """What a piece of header text is."""
    bare = text.strip()
    if bare.startswith("(") and bare.endswith(")"):
        bare = bare[1:-1].strip()
    found = read_range(bare)
    if found is not None:
        return Piece(text, "range", bold, aside, line, found[0], found[1])
    single = written_date(bare)
    if single is not None:
        return Piece(text, "date", bold, aside, line, single)
    if LINK.fullmatch(bare) and "@" not in bare and "." in bare.split("/")[0]:
        return Piece(full_link(bare, links), "url", bold, aside, line)
    return Piece(text, "text", bold, aside, line)


def runs_on(line: Line) -> bool:
    """A header line that carries on the line above: it starts in the middle of a sentence."""
    text = line.text.strip()
    if not text or not text[0].islower() or CELL in text or line.gap >= 0.6:
        return False
    return len(text.split()) <= 4 and not SEPARATOR.search(text) and not LINK.search(text)


def texts_before_date(found: list[Piece], line: int) -> list[Piece]:
    """The line's texts up to its dates (after them, where the dates stand first in a column of
    their own): what a run-on line below continues."""
    pieces = [piece for piece in found if piece.line == line]
    while pieces and pieces[0].kind in ("range", "date"):
        pieces.pop(0)
    before: list[Piece] = []
    for piece in pieces:
        if piece.kind in ("range", "date"):
            break
        if piece.kind == "text":
            before.append(piece)
    return before


def dated_tail(text: str) -> list[str]:
    """A text with its date after a comma split from it: "Hooli, Oct 2014" → two pieces."""
    head, comma, tail = text.rpartition(", ")
    if comma and head and (read_range(tail) or written_date(tail)):
        return [head, tail]
    return [text]


def runs_of(line: Line) -> list[tuple[str, bool, int]]:
    """The line's text in runs of bold and not bold, split at cells, each with its cell's
    number on the line."""
    if not line.spans:
        return [(cell, line.bold, index) for index, cell in enumerate(line.text.split(CELL))]
    runs: list[tuple[str, bool, int]] = []
    cell = 0
    for span in line.spans:
        for index, part in enumerate(span.text.split(CELL)):
            cell += 1 if index else 0
            if index or not runs or runs[-1][1] != span.bold:
                runs.append((part, span.bold, cell))
            else:
                runs[-1] = (runs[-1][0] + part, span.bold, cell)
    return runs


def pieces_of(lines: list[Line], base: float) -> list[Piece]:
    """Every piece of an entry's header lines, in reading order."""
    found: list[Piece] = []
    for number, line in enumerate(lines):
        if number and runs_on(line) and texts_before_date(found, number - 1):
            # A name too long for its line, run on below it: "Московский государственный" /
            # "университет".
            piece = texts_before_date(found, number - 1)[-1]
            piece.text = f"{piece.text} {line.text.strip()}"
            continue
        first = True
        for run, bold, cell in runs_of(line):
            dated = False  # a place follows its dates within one run ("2021 to now · London")
            for part in SEPARATOR.split(run):
                text = CITATION.sub("", LEADING.sub("", part.strip())).strip(" ,;.")
                if not text:
                    continue
                aside = not first or line.left > base + 100
                for bit in dated_tail(text):
                    piece = typed(bit, bold, aside, number, line.links)
                    piece.after_date = dated
                    piece.beside = cell > 0 and not first
                    dated = dated or piece.kind in ("range", "date")
                    found.append(piece)
                first = False
    return found
