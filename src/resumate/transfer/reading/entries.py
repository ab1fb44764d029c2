"""Sections of entries — jobs, volunteering, schools, awards, certificates, publications,
projects, references — read from their lines.

An entry starts with a line styled like the section's first line (the same size and weight,
and bold or a heading where that line is): its header. The header's lines run on while they are
bold, dated, a link or short; after them come the entry's text (its summary) and its bullets.
Bullets are the lines a file marks as list items, or, in a file that marks none, the section's
most indented lines; a bullet's run-on lines join it. What each kind of entry takes from these
parts is `resumate.transfer.reading.entry_fields`.
"""

from __future__ import annotations

from typing import Any

from resumate.transfer.reading.contact import only_link
from resumate.transfer.reading.entry_fields import FILL, LIKELY, Entry, signs
from resumate.transfer.reading.lines import Line
from resumate.transfer.reading.pieces import pieces_of, runs_on

ENTRY_SECTIONS = (
    "work", "volunteer", "education", "awards", "certificates", "publications", "projects",
    "references",
)  # fmt: skip


def read_entries(
    kind: str, lines: list[Line], body: float, *, marked: bool = False
) -> tuple[list[dict[str, Any]], dict[str, float]]:
    """The section's entries as JSON Resume objects, and how sure each field is.

    `marked` says the file marks its list items (a glyph, a drawn dot, a list style), so an
    indented line that is not marked is not a bullet.
    """
    base = min(line.left for line in lines)
    items: list[dict[str, Any]] = []
    sure: dict[str, float] = {}
    for entry in split_entries(kind, lines, body, marked):
        pieces = pieces_of(entry.header, base)
        item, certainty = FILL[kind](pieces, entry, body)
        item = {key: value for key, value in item.items() if value not in (None, "", [])}
        if not item:
            continue
        prefix = f"{kind}[{len(items)}]"
        sure.update({f"{prefix}.{key}": certainty.get(key, LIKELY) for key in item})
        items.append(item)
    return items, sure


def bullet_lines(lines: list[Line], marked: bool) -> set[int]:
    """Which lines are bullets: those marked so; in a section that marks none, the most
    indented. Where the file marks its lists elsewhere, an indented line alone is an entry's
    text set in, not a list: the indented lines count only where two or more run together."""
    if any(line.bullet for line in lines):
        return {index for index, line in enumerate(lines) if line.bullet}
    base = min(line.left for line in lines)
    # Dates set flush right and links are not list items, however far in they stand.
    plain = [i for i, line in enumerate(lines) if not line.bold]
    plain = [i for i in plain if not has_dates(lines[i]) and not only_link(lines[i])]
    deepest = max((lines[i].left for i in plain), default=base)
    if deepest - base < 4:
        return set()
    found = {i for i in plain if lines[i].left > deepest - 2}
    return found if not marked or any(i + 1 in found for i in found) else set()


def signature(line: Line) -> tuple[float, bool, bool]:
    return (round(line.size * 2) / 2, starts_bold(line), line.heading)


def starts_bold(line: Line) -> bool:
    """Whether the line's own text starts in bold; a date set in front of it does not count."""
    if line.bold:
        return True
    spans = [span for span in line.spans if span.text.strip()]
    if spans and not spans[0].bold and has_dates(Line(spans[0].text)) and len(spans) > 1:
        spans = spans[1:]
    return bool(spans and spans[0].bold)


def split_entries(kind: str, lines: list[Line], body: float, marked: bool) -> list[Entry]:
    bullets = bullet_lines(lines, marked)
    start = signature(lines[0])
    styled = start[1] or start[2] or start[0] > body * 1.02
    # The space between two bullets of a list: a wrapped bullet's lines sit closer.
    between = sorted(lines[i].gap for i in bullets if i - 1 in bullets)
    item_gap = between[len(between) // 2] if between else 0.6
    marked = marked and bool(bullets)
    entries: list[Entry] = []
    in_list = False  # the last line went into a bullet
    signed = False  # the last line signed a reference ("— Ada Lovelace")
    for index, line in enumerate(lines):
        is_bullet = index in bullets
        # A reference ends with its signature; other entries start as the first one did.
        starts = not entries or signed
        if kind != "references" and not starts and not is_bullet:
            starts = starts_entry(line, start, entries[-1])
        signed = kind == "references" and signs(line)
        if starts:
            entries.append(Entry(header=[line]))
            in_list = False
            continue
        current = entries[-1]
        if in_list and continues(line, current.bullets[-1], lines, marked, item_gap):
            current.bullets[-1].append(line)
        elif is_bullet:
            current.bullets.append([line])
            in_list = True
        elif not current.text and not current.bullets and in_header(line, kind, body, styled):
            current.header.append(line)
            in_list = False
        elif current.bullets:
            current.after.append(line)
            in_list = False
        else:
            current.text.append(line)
            in_list = False
    return entries


def starts_entry(line: Line, start: tuple[float, bool, bool], current: Entry) -> bool:
    """Whether a line opens the next entry: styled like the first entry's first line once the
    entry before has its text, or a bold line with dates after it; a one-line entry's next."""
    dated = has_dates(line)
    if current.text or current.bullets:
        if signature(line) == start:
            return start[1] or start[2] or dated or line.gap >= 0.8
        return signature(line)[1] == start[1] and start[1] and dated
    # Entries of one line each (a school and its years): the next starts as the first did.
    header_dated = any(map(has_dates, current.header))
    return signature(line) == start and header_dated and dated == has_dates(current.header[0])


def continues(
    line: Line, bullet: list[Line], lines: list[Line], marked: bool, item_gap: float
) -> bool:
    """A wrapped bullet's next line: indented past a drawn marker, or after a full line."""
    if line.bullet or line.gap >= 0.6:
        return False
    last = bullet[-1]
    if line.left > last.left + 2:
        return True
    if abs(line.left - last.left) > 2:
        return False
    if wrapped(last, line, lines):
        return True
    # Bullets are marked and this line is not, set closer than the bullets are to each other.
    return marked and line.gap < item_gap - 0.1


def wrapped(above: Line, line: Line, lines: list[Line]) -> bool:
    """Whether `line` is `above` run on: its first word would not have fitted after it."""
    if not above.width or not line.width or not line.text:
        return False
    right = max(other.left + other.width for other in lines if other.column == above.column)
    word = line.text.split()[0]
    per_char = line.width / len(line.text)
    return above.left + above.width + per_char * (len(word) + 1) >= right - 1


def has_dates(line: Line) -> bool:
    return any(piece.kind in ("range", "date") for piece in pieces_of([line], line.left))


def in_header(line: Line, kind: str, body: float, styled: bool) -> bool:
    """Whether a line after an entry's first belongs to its header."""
    if kind == "references":
        return False
    text = line.text
    if starts_bold(line) or has_dates(line) or runs_on(line):
        return True
    if any(piece.kind == "url" for piece in pieces_of([line], line.left)):
        return True
    if styled and line.size >= body * 0.98:
        return False  # plain text at the body's size under a styled title: the entry's text
    return len(text) < 45 and not text.rstrip().endswith((".", "!", "?"))
