"""Sections of short groups — skills, languages, interests — read from their lines.

Templates print a group as its name and its words: "Design — Figma, Prototyping", "Design:
Figma", "English (Native)", or the name on one line in bold and its words on the next (wrapping
over more lines), or such pairs side by side in a grid. A line of words with no name is a group
of its own: each word a skill, or each a language.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from resumate.transfer.reading.lines import CELL, Line, Span

GROUP_SECTIONS = ("skills", "languages", "interests")
# Between a group's name and its words.
NAMED = re.compile(
    r"^(?P<name>[^:—–·(]{1,60}?)\s*"
    r"(?:\((?P<level>[^)]{1,40})\)|·\s*(?P<dotted>[^:—–]{1,40}?))?"
    r"\s*(?:[:—–]\s*(?P<words>.*))?$"
)
LIST = re.compile(r"\s*[,;•·|]\s*")
FLUENCY = (
    "native", "native speaker", "fluent", "bilingual", "professional", "proficient",
    "conversational", "intermediate", "advanced", "basic", "beginner", "elementary",
    "working proficiency", "full professional proficiency", "limited working proficiency",
    "a1", "a2", "b1", "b2", "c1", "c2", "muttersprache", "fließend", "verhandlungssicher",
    "grundkenntnisse", "gute kenntnisse", "sehr gute kenntnisse", "langue maternelle",
    "courant", "bilingue", "notions", "nativo", "nativa", "fluido", "básico", "avanzado",
    "intermedio", "madrelingua",
)  # fmt: skip
SURE, LIKELY = 0.9, 0.7


def read_groups(
    kind: str, lines: list[Line], body: float
) -> tuple[list[dict[str, Any]], dict[str, float]]:
    """The section's groups as JSON Resume objects, and how sure each field is."""
    items: list[dict[str, Any]] = []
    for name, level, words in named_groups(lines):
        items.extend(group_item(kind, name, level, words))
    sure = {f"{kind}[{index}]": LIKELY for index in range(len(items))}
    return items[:100], sure


def starts_bold(line: Line) -> bool:
    return line.bold or bool(line.spans and line.spans[0].bold)


def named_groups(lines: list[Line]) -> list[tuple[str | None, str | None, list[str]]]:
    """(name, level, words) for each group, in the order printed."""
    groups: list[tuple[str | None, str | None, list[str]]] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        cells = line.cells
        following = lines[index + 1 : index + 1 + 8]
        # A grid: bold names side by side over their words, cell under cell.
        titled = titles(line)
        if len(cells) > 1 and line.bold and following and len(following[0].cells) == len(cells):
            rows = [row.cells for row in following[:2] if len(row.cells) == len(cells)]
            # Names over levels over words ("Web Development / Master / HTML · CSS"), or names
            # over words.
            levelled = len(rows) == 2 and all(is_level(cell) for cell in rows[0])
            levels = rows[0] if levelled else [None] * len(cells)
            listed = rows[1] if levelled else rows[0]
            for (name, level), grade, said in zip(titled, levels, listed, strict=True):
                groups.append((name, level or grade, split_words(said)))
            index += 1 + len(rows if levelled else rows[:1])
            continue
        if line.bold and len(cells) == 1 and not has_words(line.text):
            # A name alone in bold; its words are the plain lines that follow.
            words: list[str] = []
            index += 1
            while index < len(lines) and not starts_bold(lines[index]):
                words.append(" ".join(lines[index].cells))
                index += 1
            name, level = titled[0]
            groups.append((name, level, split_words(" ".join(words))))
            continue
        for cell, (name, level) in zip(cells, titled, strict=False):
            marked = has_words(cell) or "(" in cell or "·" in cell
            sized = level is not None and not marked
            groups.append((name, level, []) if sized else one_line_group(cell, starts_bold(line)))
        index += 1
    return groups


def titles(line: Line) -> list[tuple[str, str | None]]:
    """Each cell's name and level: apart by their marks ("Python (Expert)", "English · Native"),
    or by their type where a template sets the level smaller beside the name."""
    return [by_size(spans) or name_and_level(text) for text, spans in cell_spans(line)]


def cell_spans(line: Line) -> list[tuple[str, list[Span]]]:
    """The line's cells, each with its text and its runs of one style."""
    cells: list[tuple[str, list[Span]]] = [("", [])]
    for span in line.spans:
        for index, part in enumerate(span.text.split(CELL)):
            if index:
                cells.append(("", []))
            text, spans = cells[-1]
            cells[-1] = (text + part, [*spans, replace(span, text=part)] if part.strip() else spans)
    return [(text.strip(), spans) for text, spans in cells if text.strip()] or [
        (cell, []) for cell in line.cells
    ]


def by_size(spans: list[Span]) -> tuple[str, str] | None:
    """ "Web Development" then "Master" in smaller type: the name and its level."""
    if len(spans) < 2 or not spans[0].size:
        return None
    large = [span.size >= spans[0].size * 0.9 for span in spans]
    # The name's runs first, then the level's: never mixed, never the level alone.
    if large != sorted(large, reverse=True) or all(large):
        return None
    name = "".join(span.text for span, big in zip(spans, large, strict=True) if big).strip()
    level = "".join(span.text for span, big in zip(spans, large, strict=True) if not big).strip()
    return (name, level) if name and level else None


def is_level(text: str) -> bool:
    """A cell that reads as a level ("Master", "Advanced", "C1"), not as a list of words."""
    return len(text.split()) <= 3 and not LIST.search(text)


def has_words(text: str) -> bool:
    found = NAMED.match(text.strip())
    return found is not None and bool(found.group("words"))


def name_and_level(text: str) -> tuple[str, str | None]:
    found = NAMED.match(text.strip())
    if found is None:
        return text.strip(), None
    return found.group("name").strip(), found.group("level") or found.group("dotted")


def one_line_group(text: str, named: bool) -> tuple[str | None, str | None, list[str]]:
    """ "Design — Figma, Prototyping", "English (Native)", "Python, SQL"."""
    found = NAMED.match(text.strip())
    if found is not None and (
        found.group("words") is not None or found.group("level") or found.group("dotted")
    ):
        words = split_words(found.group("words") or "")
        level = found.group("level") or found.group("dotted")
        return found.group("name").strip(), level, words
    parts = text.strip().rsplit(" ", 1)
    if len(parts) == 2 and parts[1].casefold() in FLUENCY:
        return parts[0], parts[1], []
    if named:
        return text.strip(), None, []
    return None, None, split_words(text)


def split_words(text: str) -> list[str]:
    return [word.strip() for word in LIST.split(text) if word.strip()]


def group_item(
    kind: str, name: str | None, level: str | None, words: list[str]
) -> list[dict[str, Any]]:
    """One group as the section's objects; a nameless list gives one object a word."""
    if kind == "languages":
        if name is None:  # "Czech (Native), English (Fluent)"
            spoken = [name_and_level(word) for word in words]
            return [{"language": n, **({"fluency": f} if f else {})} for n, f in spoken]
        fluency = level or (", ".join(words) if words else None)
        return [{"language": name, **({"fluency": fluency} if fluency else {})}]
    if name is None:
        return [{"name": word} for word in words]
    item: dict[str, Any] = {"name": name}
    if level and kind == "skills":
        item["level"] = level
    if words:
        item["keywords"] = words
    return [item]
