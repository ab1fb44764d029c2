"""Running text read back from lines: paragraphs rejoined, and bold or italic words marked.

A paragraph wraps over several lines of a page; it is one value in the resume. Lines rejoin
with a space (or none after a line-final hyphen or slash, which wrapped inside a word); a gap
above a line, or a bullet, starts a new paragraph. Words set in bold or italic inside plain text
get the resume's own marks back (`**bold**`, `*italic*`), the way the editor writes them.
"""

from __future__ import annotations

from collections.abc import Sequence

from resumate.transfer.reading.lines import CELL, Line

# A gap above a line, in lines of its type, that separates paragraphs rather than lines.
PARAGRAPH_GAP = 0.6


def marked(line: Line) -> str:
    """The line's text, with bold or italic runs inside it marked as the editor marks them."""
    if not line.spans or line.bold or line.italic:
        return " ".join(line.text.replace(CELL, " ").split())
    parts: list[str] = []
    for span in line.spans:
        text = span.text.replace(CELL, " ")
        core = text.strip()
        if core and (span.bold or span.italic):
            mark = "**" if span.bold else "*"
            lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
            text = f"{lead}{mark}{core}{mark}{trail}"
        parts.append(text)
    return " ".join("".join(parts).split())


def rejoin(texts: Sequence[str]) -> str:
    """Lines of one paragraph as one string."""
    joined = ""
    for text in texts:
        if not joined:
            joined = text
        elif joined.endswith(("-", "/")) and not joined.endswith((" -", " /")):
            joined += text
        else:
            joined += " " + text
    return joined


def paragraphs_of(lines: Sequence[Line], body: float) -> list[list[Line]]:
    """The lines grouped into paragraphs."""
    groups: list[list[Line]] = []
    for line in lines:
        starts = not groups or line.bullet or line.gap >= PARAGRAPH_GAP
        if starts:
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


def paragraph_text(lines: Sequence[Line], body: float) -> str:
    """The lines as paragraphs separated by a blank line, as a summary keeps them."""
    texts = [rejoin([marked(line) for line in group]) for group in paragraphs_of(lines, body)]
    return "\n\n".join(text for text in texts if text)
