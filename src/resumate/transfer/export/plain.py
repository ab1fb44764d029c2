"""A resume as plain text, for the boxes of application forms.

UTF-8, one paragraph a line: forms wrap text themselves, so nothing is wrapped here. Headings
and entries stand apart by blank lines, bullets start with "•", and links are written out
("https://..."), since a form keeps no link. Right-to-left text is in logical order, as typed.
"""

from __future__ import annotations

from resumate.rendering.environment import display_url
from resumate.transfer.export.outline import Entry, Item, Outline, Part, Quote
from resumate.transfer.export.spans import Span, Text

BULLET = "• "


def plain_text(resume: Outline) -> str:
    """The resume as plain text."""
    head = [line for line in (resume.name, resume.label) if line]
    if resume.contact:
        head.append(" · ".join(written(item) for item in resume.contact))
    blocks = ["\n".join(head)] if head else []
    for section in resume.sections:
        parts = [block for part in section.parts if (block := _part(part))]
        # A section of short lines (skills, languages) reads as a list, without blank lines.
        joiner = "\n" if all(isinstance(part, Item) for part in section.parts) else "\n\n"
        blocks.append(section.heading + "\n" + joiner.join(parts))
    return "\n\n".join(blocks) + "\n"


def _part(part: Part) -> str:
    if isinstance(part, Entry):
        return _entry(part)
    if isinstance(part, Item):
        text = part.name + (f" ({part.level})" if part.level else "")
        return (f"{text} — {part.keywords}" if part.keywords else text).strip()
    if isinstance(part, Quote):
        lines = [written(text) for text in part.text]
        return "\n".join(lines + ([f"— {part.name}"] if part.name else []))
    return written(part)


def _entry(entry: Entry) -> str:
    lines = [line for line in (entry.heading, entry.when) if line]
    if entry.details:
        lines.append(" · ".join(written(detail) for detail in entry.details))
    lines += [written(text) for text in entry.text]
    lines += [BULLET + written(bullet) for bullet in entry.bullets]
    lines += [entry.keywords] if entry.keywords else []
    return "\n".join(lines)


def written(text: Text) -> str:
    """Runs as plain text, each link's address written out."""
    return "".join(_span(span) for span in text)


def _span(span: Span) -> str:
    if not span.link:
        return span.text
    label = span.text.strip()
    if span.link.startswith("mailto:"):
        address = span.link.removeprefix("mailto:")
        return span.text if label == address else f"{span.text} ({address})"
    if label in (span.link, display_url(span.link)):
        return span.text.replace(label, span.link)
    return f"{span.text} ({span.link})"
