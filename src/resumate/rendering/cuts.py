"""What to cut when a resume cannot fit its pages: the oldest entries, the longest ones, and
the sections a reader misses least.

Each suggestion names an entry as the reader knows it ("Junior developer at Acme (2012 to 2014)")
and about how many printed lines it takes: its text over the characters a line of the page
holds at the resume's type size. An estimate (a column beside a sidebar holds fewer), said so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Literal

from resumate.rendering.page_style import PageStyle

PAGE_WIDTH_MM = {"A4": 210.0, "Letter": 215.9}
POINT_MM = 25.4 / 72
# An average character of running text is about half an em wide in the bundled faces.
CHARACTER_EM = 0.5
# A bullet's text starts this many characters in.
BULLET_INDENT = 3
# What a reader calls one entry of each section the suggestions may name.
NOUNS = {
    "work": "job",
    "volunteer": "volunteer role",
    "projects": "project",
    "publications": "publication",
    "awards": "award",
    "certificates": "certificate",
}
# Sections whose oldest entry is worth naming: a career's oldest part matters least.
DATED = ("work", "volunteer", "projects")
# Sections an employer asks for when they want them, and headings a reader can do without.
SPARE = {"references": "References", "interests": "Interests"}
LABEL_LENGTH = 70
MOST = 5


@dataclass(frozen=True)
class Cut:
    """An entry to cut or shorten (`section` and `index` point at it in the document), or a
    whole section to hide (`index` None)."""

    action: Literal["cut", "shorten", "hide"]
    section: str
    index: int | None
    label: str
    lines: int
    bullets: int
    oldest: bool = False

    @property
    def text(self) -> str:
        lines = f"about {self.lines} line{'' if self.lines == 1 else 's'}"
        if self.action == "hide":
            return f"Hide the {self.label} section: {lines}."
        if self.oldest:
            return f"Cut the oldest {NOUNS[self.section]}, {self.label}: {lines}."
        if self.action == "shorten":
            return f"Shorten {self.label}: {self.bullets} bullets, {lines}."
        return f"Cut or shorten {self.label}: {lines}."


def cuts(data: dict[str, Any], style: PageStyle) -> tuple[Cut, ...]:
    """The oldest job, the two longest entries and the oldest of another dated section."""
    width = characters_per_line(style)
    visible = style.visible_sections(data)
    shown = [s for s in visible if s in NOUNS]
    entries = [
        (section, index, entry)
        for section in shown
        for index, entry in enumerate(data.get(section) or [])
        if isinstance(entry, dict)
    ]

    def cut(section: str, index: int, entry: dict[str, Any], *, oldest: bool = False) -> Cut:
        bullets = len(strings(entry.get("highlights")))
        return Cut(
            action="shorten" if bullets >= 3 and not oldest else "cut",
            section=section,
            index=index,
            label=label(section, entry),
            lines=entry_lines(entry, width),
            bullets=bullets,
            oldest=oldest,
        )

    oldest = {section: oldest_entry(data, section) for section in DATED if section in shown}
    chosen: list[Cut] = []
    if (job := oldest.get("work")) is not None and len(data.get("work") or []) > 1:
        chosen.append(cut("work", *job, oldest=True))
    longest = sorted(entries, key=lambda e: entry_lines(e[2], width), reverse=True)
    named = {(c.section, c.index) for c in chosen}
    chosen += [cut(*e) for e in longest if (e[0], e[1]) not in named][:2]
    named = {(c.section, c.index) for c in chosen}
    for section in ("projects", "volunteer"):
        found = oldest.get(section)
        if found is not None and (section, found[0]) not in named:
            chosen.append(cut(section, *found, oldest=True))
            break
    chosen += [hide(section, data.get(section), width) for section in SPARE if section in visible]
    return tuple(chosen[:MOST])


def hide(section: str, entries: object, width: int) -> Cut:
    """The section as a whole: its heading and every entry's text."""
    kept = [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []
    lines = 2 + sum(1 + text_lines(" ".join(flat(e)), width) for e in kept)
    return Cut("hide", section, None, SPARE[section], lines, bullets=0)


def oldest_entry(data: dict[str, Any], section: str) -> tuple[int, dict[str, Any]] | None:
    """The entry that started (or, undated at the start, ended) first; None when none is dated."""
    dated = [
        (str(entry.get("startDate") or entry.get("endDate")), index, entry)
        for index, entry in enumerate(data.get(section) or [])
        if isinstance(entry, dict) and (entry.get("startDate") or entry.get("endDate"))
    ]
    if not dated:
        return None
    _, index, entry = min(dated, key=lambda d: (d[0], d[1]))
    return index, entry


def label(section: str, entry: dict[str, Any]) -> str:
    """What the entry is, where, and its years: "Junior developer at Acme (2012 to 2014)"."""
    title = text(entry.get("position") or entry.get("title") or entry.get("studyType"))
    place = text(
        entry.get("name")
        or entry.get("company")
        or entry.get("organization")
        or entry.get("institution")
        or entry.get("awarder")
        or entry.get("issuer")
    )
    if section in ("projects", "publications"):
        title, place = text(entry.get("name") or entry.get("title")), ""
    named = f"{title} at {place}" if title and place else title or place or f"a {NOUNS[section]}"
    if len(named) > LABEL_LENGTH:
        named = named[: LABEL_LENGTH - 1].rstrip() + "…"
    years = years_of(entry)
    return f"{named} ({years})" if years else named


def years_of(entry: dict[str, Any]) -> str:
    start = text(entry.get("startDate"))[:4]
    end = text(entry.get("endDate") or entry.get("date") or entry.get("releaseDate"))[:4]
    if start and not end:
        return f"{start}–present"
    if start and end and start != end:
        return f"{start}–{end}"
    return start or end


def characters_per_line(style: PageStyle) -> int:
    width_mm = PAGE_WIDTH_MM[style.page_size] - 2 * style.margin_mm
    return max(20, int(width_mm / (style.font_size * POINT_MM * CHARACTER_EM)))


def entry_lines(entry: dict[str, Any], width: int) -> int:
    """About how many lines the entry prints on: its heading's two, its text and bullets."""
    paragraphs = strings(entry.get("summary")) + strings(entry.get("description"))
    body = sum(text_lines(p, width) for p in paragraphs)
    bullets = sum(text_lines(h, width - BULLET_INDENT) for h in strings(entry.get("highlights")))
    keywords = text_lines(", ".join(strings(entry.get("keywords"))), width)
    return 2 + body + bullets + keywords


def text_lines(value: str, width: int) -> int:
    return sum(max(1, math.ceil(len(line) / width)) for line in value.splitlines() if line.strip())


def strings(value: object) -> list[str]:
    """A text field, or a list of them, as the non-empty strings it holds."""
    items = value if isinstance(value, list) else [value]
    return [item for item in items if isinstance(item, str) and item.strip()]


def flat(entry: dict[str, Any]) -> list[str]:
    """Every text an entry holds, its lists' too."""
    return [item for value in entry.values() for item in strings(value)]


def text(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""
