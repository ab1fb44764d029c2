"""What every reader of a file hands on: the file's text as lines, with the cues a person sees.

A PDF, a Word file and a pasted text look nothing alike inside, but a reader of each gives the
same thing: the lines in reading order, each with the visual cues résumés use to say what a line
is — bold or larger type, a heading style, a bullet, a gap above, a second column. Finding the
sections and the fields in them (`resumate.transfer.reading.fields`) works on these lines only,
so it is written once for every kind of file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# Between two runs of text on one line that stand apart (a date set flush right, table cells).
CELL = "\t"

Kind = Literal["pdf", "docx", "text"]


@dataclass(frozen=True, slots=True)
class Span:
    """A run of a line's text in one style."""

    text: str
    bold: bool = False
    italic: bool = False
    size: float = 0.0  # in points; 0 where the file does not say


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the file as a reader sees it, in reading order.

    `text` has its spaces collapsed and any bullet glyph taken off (`bullet` says it had one);
    runs that stand apart on the line are joined by `CELL`. `size` is the type's size in points
    (0 when the file does not say); `gap` is the space above the line in lines of its own type
    (a blank line in a text counts 1, the first line of a page 0); `left` and `width` place it
    across the page in points (0 where the file has no pages). `order` is where the file draws
    the line's first character, counted over the document: in a PDF its content stream, the
    order most résumé parsers read in; elsewhere the reading order. `column` is 0 for the
    page's first column in reading order (the left, or only, one; the right on a right-to-left
    page) and counts up in reading order; `heading` is set only where the file itself marks a
    heading (a Word heading style, Markdown's `#`).
    """

    text: str
    page: int = 0
    column: int = 0
    size: float = 0.0
    bold: bool = False
    italic: bool = False
    upper: bool = False
    heading: bool = False
    bullet: bool = False
    gap: float = 0.0
    left: float = 0.0
    width: float = 0.0
    order: int = 0
    spans: tuple[Span, ...] = ()
    links: tuple[str, ...] = ()

    @property
    def cells(self) -> list[str]:
        """The line's runs that stand apart, each stripped; one for most lines."""
        return [cell.strip() for cell in self.text.split(CELL) if cell.strip()]


@dataclass(slots=True)
class Source:
    """A file read into lines, with what the reader noticed on the way."""

    kind: Kind
    lines: list[Line]
    pages: int = 1
    warnings: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The file's text, a line each, cells joined by a space: what every field must be in."""
        return "\n".join(" ".join(line.cells) for line in self.lines)


def is_upper(text: str) -> bool:
    """Whether the text is written in capitals (and has letters that have case)."""
    cased = [char for char in text if char.isalpha() and char.lower() != char.upper()]
    return len(cased) >= 2 and all(char.isupper() for char in cased)
