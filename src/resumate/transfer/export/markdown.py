"""A resume as Markdown (CommonMark), for pasting where Markdown is read: a profile, a README.

The person's words are text, never markup: every character Markdown would act on is escaped
(`*`, `_`, `[`, `<`, `&`, a `#` or `-` opening a line, ...), so a name like "C# <dev>" prints as
written and no HTML a field holds reaches a page that renders the file. Only the resume's own
inline marks become Markdown: **bold**, *italic* and links with an http(s) or mailto address.
"""

from __future__ import annotations

import re

from resumate.transfer.export.outline import Entry, Item, Outline, Part, Quote
from resumate.transfer.export.spans import Span, Text

# Everything CommonMark (and GitHub's tables and strikethrough) reads as syntax inside a line.
SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&!])")
# What opens a block at a line's start: a list item, a setext underline, a numbered item.
LINE_START = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))")
# An address that can stand in (...) as it is; any other goes in <...>.
PLAIN_ADDRESS = re.compile(r"^[^\s()<>\\]+$")


def markdown(resume: Outline) -> str:
    """The resume as a Markdown document."""
    blocks: list[str] = []
    if resume.name:
        blocks.append(f"# {escape(resume.name)}")
    if resume.label:
        blocks.append(escape(resume.label))
    if resume.contact:
        blocks.append(_joined(resume.contact))
    for section in resume.sections:
        blocks.append(f"## {escape(section.heading)}")
        parts = [block for part in section.parts if (block := _part(part))]
        # Skills, languages, interests: one list, not a list item a paragraph.
        listed = all(isinstance(part, Item) for part in section.parts)
        blocks.extend(["\n".join(parts)] if listed else parts)
    return "\n\n".join(blocks) + "\n"


def _part(part: Part) -> str:
    if isinstance(part, Entry):
        return _entry(part)
    if isinstance(part, Item):
        return f"- {_item(part)}"
    if isinstance(part, Quote):
        lines = [inline(text) for text in part.text]
        lines += [f"— {escape(part.name)}"] if part.name else []
        return "\n>\n".join(f"> {line}" for line in lines)
    return inline(part)


def _entry(entry: Entry) -> str:
    blocks = [f"### {escape(entry.heading)}"] if entry.heading else []
    if entry.when:
        blocks.append(escape(entry.when))
    if entry.details:
        blocks.append(_joined(entry.details))
    blocks += [inline(text) for text in entry.text]
    if entry.bullets:
        blocks.append("\n".join(f"- {inline(bullet)}" for bullet in entry.bullets))
    if entry.keywords:
        blocks.append(escape(entry.keywords))
    return "\n\n".join(blocks)


def _item(item: Item) -> str:
    text = f"**{escape(item.name)}**" if item.name else ""
    if item.level:
        text += f" ({escape(item.level)})"
    if item.keywords:
        text += f" — {escape(item.keywords)}"
    return text.strip()


def inline(text: Text, *, starts_line: bool = True) -> str:
    """Runs as Markdown: their marks and links kept, everything else escaped. `starts_line`:
    the runs open a line, where a "-" or "1." would start a list."""
    lines = "".join(_span(span) for span in text).split("\n")
    opening = lines[0] if not starts_line else _line_start(lines[0])
    return "\\\n".join([opening, *(_line_start(line) for line in lines[1:])])


def _joined(texts: tuple[Text, ...]) -> str:
    """Texts on one line, apart: contact details, an entry's details."""
    return " · ".join(inline(text, starts_line=not index) for index, text in enumerate(texts))


def _span(span: Span) -> str:
    if span.text == "\n":
        return "\n"
    core = span.text.strip()
    if not core:
        return span.text
    lead = span.text[: len(span.text) - len(span.text.lstrip())]
    trail = span.text[len(span.text.rstrip()) :]
    written = SPECIAL.sub(r"\\\1", core)
    if span.link:
        written = f"[{written}]({_address(span.link)})"
    mark = "*" * (2 * span.bold + span.italic)
    return f"{lead}{mark}{written}{mark}{trail}"


def escape(text: str) -> str:
    """Plain text that Markdown prints as it is."""
    return _line_start(SPECIAL.sub(r"\\\1", text))


def _line_start(line: str) -> str:
    # Leading spaces would make a code block; a "-" or "1." there a list.
    return LINE_START.sub(lambda m: m[2] + "\\" if m[2].isdigit() else "\\" + m[2], line.lstrip())


def _address(address: str) -> str:
    if PLAIN_ADDRESS.match(address):
        return address
    return "<" + re.sub(r"([\\<>])", r"\\\1", address) + ">"
