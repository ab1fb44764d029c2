"""A résumé parser of the kind applicant tracking systems use, to read our PDFs as they do.

Like the open parsers (OpenResume's is the best known), it trusts the PDF's content stream and
nothing else: the text items in the order they are drawn, grouped into lines; a line that holds
one bold or upper-case item naming a section is that section's heading; the lines before the
first heading are the profile (name, email, phone); each section's text is its lines up to the
next heading. A template whose stream order is not its reading order reads wrong here, exactly
as it does in those parsers (`pdftotext` reorders by position and hides it).
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar, LTPage
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage

SECTION_WORDS = {
    "work": ("experience", "employment", "work"),
    "education": ("education",),
    "skills": ("skills",),
    "projects": ("projects",),
    "volunteer": ("volunteering", "volunteer"),
    "awards": ("awards",),
    "certificates": ("certificates",),
    "publications": ("publications",),
    "languages": ("languages",),
    "interests": ("interests",),
    "references": ("references",),
    "summary": ("summary", "profile", "about"),
}
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
PHONE = re.compile(r"\+?\(?\d[\d\s().-]{6,}\d")


@dataclass
class TextItem:
    """One run of glyphs drawn together: same font, same baseline, left to right."""

    text: str
    x0: float
    x1: float
    y: float
    size: float
    font: str
    page: int

    @property
    def bold(self) -> bool:
        return bool(re.search(r"Bold|Black|Heavy|SemiBold|Semibold", self.font))


@dataclass
class Line:
    items: list[TextItem] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(" ".join(item.text.split()) for item in self.items if item.text.strip())

    @property
    def size(self) -> float:
        return max(item.size for item in self.items)


@dataclass
class ParsedResume:
    profile: list[Line]
    sections: dict[str, list[Line]]
    items: list[TextItem]
    page_widths: list[float]

    @property
    def name(self) -> str:
        """The biggest text of the profile, as parsers take the name."""
        if not self.profile:
            return ""
        biggest = max(line.size for line in self.profile)
        return next(line.text for line in self.profile if line.size == biggest)

    def profile_text(self) -> str:
        return "\n".join(line.text for line in self.profile)

    def section_lines(self, kind: str) -> list[str]:
        return [line.text for line in self.sections.get(kind, [])]


def _chars(pdf: bytes) -> Iterator[tuple[int, float, LTChar]]:
    """Every glyph with its page number and page width, in the order the stream draws them."""
    manager = PDFResourceManager()
    # No layout analysis: the page's children are the glyphs as the content stream draws them.
    device = PDFPageAggregator(manager, laparams=None)
    interpreter = PDFPageInterpreter(manager, device)
    for number, page in enumerate(PDFPage.get_pages(io.BytesIO(pdf))):
        interpreter.process_page(page)
        layout: LTPage = device.get_result()
        for child in layout:
            if isinstance(child, LTChar):
                yield number, layout.width, child


def text_items(pdf: bytes) -> tuple[list[TextItem], list[float]]:
    items: list[TextItem] = []
    widths: list[float] = []
    for page, width, char in _chars(pdf):
        while len(widths) <= page:  # a page without text has no glyph to report its width
            widths.append(width)
        last = items[-1] if items else None
        same_run = (
            last is not None
            and last.page == page
            and last.font == char.fontname
            and abs(last.y - char.y0) < 0.5
            and -0.3 * char.size <= char.x0 - last.x1 < 0.6 * char.size
        )
        if same_run and last is not None:
            gap = char.x0 - last.x1
            last.text += (" " if gap > 0.2 * char.size and not last.text.endswith(" ") else "") + (
                char.get_text()
            )
            last.x1 = char.x1
        else:
            items.append(
                TextItem(char.get_text(), char.x0, char.x1, char.y0, char.size, char.fontname, page)
            )
    return items, widths


def lines_of(items: list[TextItem]) -> list[Line]:
    """Consecutive items on the same baseline make a line; stream order is kept."""
    lines: list[Line] = []
    for item in items:
        if not item.text.strip():
            continue
        current = lines[-1] if lines else None
        if (
            current is not None
            and current.items[-1].page == item.page
            and abs(current.items[-1].y - item.y) < 0.35 * max(item.size, current.size)
        ):
            current.items.append(item)
        else:
            lines.append(Line([item]))
    return lines


def heading_kind(line: Line) -> str | None:
    """The section a line heads: alone on its line, bold or in capitals, naming a section."""
    words = [item for item in line.items if item.text.strip()]
    if len({(item.font, round(item.size, 1)) for item in words}) != 1:
        return None
    text = line.text
    letters = [c for c in text if c.isalpha()]
    if not letters or len(text.split()) > 4:
        return None
    capitals = all(c.isupper() for c in letters)
    if not (words[0].bold or capitals):
        return None
    lowered = text.lower()
    for kind, names in SECTION_WORDS.items():
        if any(re.fullmatch(rf"(\w+ )?{name}( \w+)?", lowered) for name in names):
            return kind
    return None


def parse(pdf: bytes) -> ParsedResume:
    items, widths = text_items(pdf)
    profile: list[Line] = []
    sections: dict[str, list[Line]] = {}
    current: list[Line] | None = None
    for line in lines_of(items):
        kind = heading_kind(line)
        if kind is not None:
            current = sections.setdefault(kind, [])
        elif current is None:
            profile.append(line)
        else:
            current.append(line)
    return ParsedResume(profile, sections, items, widths)


def running_text(lines: list[Line]) -> str:
    """The lines joined without spaces, as a parser rejoins a wrapped word: a line-final hyphen
    is taken for hyphenation and dropped."""
    texts = ["".join(line.text.split()) for line in lines]
    return "".join(text[:-1] if text.endswith("-") else text for text in texts)


def private_use(text: str) -> list[str]:
    """Characters that map to no real letter: a font without a proper Unicode map, or U+0000
    where Chromium found no character for a glyph (a form only substitution reaches)."""
    return sorted({c for c in text if unicodedata.category(c) in ("Co", "Cn") or c == "\0"})


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)
