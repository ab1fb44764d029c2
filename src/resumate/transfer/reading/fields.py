"""The fields of a resume found in a file's lines: sections by their headings, then each field.

This works on `Line`s only (see `resumate.transfer.reading.lines`), so PDF, Word and text files
share it. The lines before the first heading, and a "Contact" section, are the person's basics
(`resumate.transfer.reading.contact`); a summary section is its paragraphs; sections of entries
(jobs, schools, projects, ...) and of groups (skills, languages, interests) are read by
`resumate.transfer.reading.entries` and `resumate.transfer.reading.groups`. Every value found is
text of the file: nothing is made up, only split, trimmed and dates rewritten as ISO.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from resumate.transfer.reading.contact import detail, read_basics
from resumate.transfer.reading.entries import ENTRY_SECTIONS, read_entries
from resumate.transfer.reading.groups import GROUP_SECTIONS, read_groups
from resumate.transfer.reading.headings import leading_heading, section_of
from resumate.transfer.reading.lines import Line, Source
from resumate.transfer.reading.prose import paragraph_text

Confidence = dict[str, float]
# The most lines of contact details a section about the person starts with.
CONTACT_LINES = 10


@dataclass(slots=True)
class Extracted:
    """A document read from lines, how sure each field is (by path), and what was left out."""

    document: dict[str, Any]
    confidence: Confidence = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Section:
    kind: str
    heading: str
    lines: list[Line] = field(default_factory=list)


def extract(source: Source) -> Extracted:
    """Every field the lines hold, in a JSON Resume document."""
    lines = [line for line in source.lines if line.text.strip()]
    body = body_size(lines)
    marked = any(line.bullet for line in lines)
    profile, sections = split_sections(lines, body)
    found = Extracted({})
    contact: list[Line] = []
    for section in sections:
        if section.kind == "summary":
            # "About": the place, e-mail, phone and links first, maybe a text after them.
            details = leading_details(section.lines)
            contact += section.lines[:details]
            section.lines = section.lines[details:]
    contact += [line for section in sections if section.kind == "basics" for line in section.lines]
    basics, sure = read_basics(profile, contact, body)
    summaries = [section for section in sections if section.kind == "summary"]
    if summaries:
        text = "\n\n".join(paragraph_text(section.lines, body) for section in summaries)
        if text:
            basics["summary"] = text
            sure["basics.summary"] = 0.95
    if basics:
        found.document["basics"] = basics
        found.confidence.update(sure)
    for kind in (*ENTRY_SECTIONS, *GROUP_SECTIONS):
        taken = [line for section in sections if section.kind == kind for line in section.lines]
        if not taken:
            continue
        if kind in ENTRY_SECTIONS:
            items, sure = read_entries(kind, taken, body, marked=marked)
        else:
            items, sure = read_groups(kind, taken, body)
        if items:
            found.document[kind] = items
            found.confidence.update(sure)
    if not found.document:
        found.warnings.append(
            "No resume was found in this file: it has no name, contact or sections."
        )
    return found


def leading_details(lines: list[Line]) -> int:
    """How many of a section's first lines are contact details (linked, or an address, phone,
    place): up to the last such line among the first few, with nothing like a sentence."""
    last = 0
    for index, line in enumerate(lines[:CONTACT_LINES]):
        if len(line.text) > 60:
            break
        if line.links or detail(line.text):
            last = index + 1
    return last


def body_size(lines: list[Line]) -> float:
    """The size most of the text is set in (by characters): the yardstick for "larger"."""
    sizes = Counter[float]()
    for line in lines:
        sizes[round(line.size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def split_sections(lines: list[Line], body: float) -> tuple[list[Line], list[Section]]:
    """The lines before the first heading, and each section with its lines.

    Within a column of a page, headings look alike; a line naming a section in another style
    than the column's other headings is an entry that happens to share a heading's name.
    """
    split: list[Line] = []
    kinds: list[str | None] = []
    for line in lines:
        led = leading_heading(line, body)
        if led is not None:
            section, rest = led
            split += [Line(line.cells[0], line.page, line.column, line.size, heading=True), rest]
            kinds += [section, None]
        else:
            split.append(line)
            kinds.append(section_of(line, body))
    lines = split
    styles: dict[tuple[int, int], Counter[tuple[float, bool, bool]]] = {}
    for line, kind in zip(lines, kinds, strict=True):
        if kind is not None:
            styles.setdefault((line.page, line.column), Counter())[style(line)] += 1
    profile: list[Line] = []
    sections: list[Section] = []
    for line, kind in zip(lines, kinds, strict=True):
        column = styles.get((line.page, line.column))
        usual = column.most_common(1)[0] if column else None
        if kind is not None and usual is not None and usual[1] >= 3 and style(line) != usual[0]:
            kind = None
        if kind is not None:
            sections.append(Section(kind, line.text))
        elif sections:
            sections[-1].lines.append(line)
        else:
            profile.append(line)
    return profile, sections


def style(line: Line) -> tuple[float, bool, bool]:
    return (round(line.size), line.bold, line.upper)
