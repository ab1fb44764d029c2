"""A field's name as the editor shows it, for a path in a document (`work[2].endDate`).

Messages about a document (an import's warnings) name each field by its path, which a person
can find in their file, and by the label the editor gives it, which they can find on the page.
"""

from __future__ import annotations

import re
from typing import Any

from resumate.document.editor import BASICS, LOCATION, PROFILE, SECTIONS, Field

PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def path_parts(path: str) -> list[str | int]:
    """`work[2].endDate` as ["work", 2, "endDate"]."""
    return [int(index) if index else key for key, index in PART.findall(path)]


def _label(fields: tuple[Field, ...], key: object) -> str | None:
    return next((field.label for field in fields if field.key == key), None)


def field_label(path: str) -> str | None:
    """ "Work experience 3 · End date" for work[2].endDate; None for a key the editor lacks."""
    parts = path_parts(path)
    if parts[:2] == ["basics", "location"]:
        return _joined("Location", None, _label(LOCATION, _at(parts, 2)))
    if parts[:2] == ["basics", "profiles"]:
        return _joined(PROFILE.title, _at(parts, 2), _label(PROFILE.fields, _at(parts, 3)))
    if parts[:1] == ["basics"]:
        return _joined("Personal details", None, _label(BASICS, _at(parts, 1)))
    section = next((s for s in SECTIONS if s.key == _at(parts, 0)), None)
    if section is None:
        return None
    return _joined(section.title, _at(parts, 1), _label(section.fields, _at(parts, 2)))


def _at(parts: list[str | int], index: int) -> str | int | None:
    return parts[index] if index < len(parts) else None


def _joined(title: str, entry: object, label: str | None) -> str:
    """The section, the entry's number when there is one, and the field's label if it has one."""
    head = f"{title} {entry + 1}" if isinstance(entry, int) else title
    return f"{head} · {label}" if label else head


def labelled(notes: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    """Notes about fields (`path`, ...), each with the field's label added."""
    return [{**note, "label": field_label(str(note.get("path", "")))} for note in notes or []]
