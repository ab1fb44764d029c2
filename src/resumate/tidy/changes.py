"""What tidying changed, said by path: the fields the assistant changed, and where the reading's
notes and sureness go in the tidied document.

An entry the assistant only moved (it equals an entry of the reading) is not changed; its notes
and sureness move with it. Any other field counts as changed where its value is not the one the
reading had at the same path, emptied fields included, so the page marks what to look at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from resumate.ai.fields import all_text
from resumate.document.labels import field_label
from resumate.tidy.answer import BASICS_KEYS, SECTIONS
from resumate.tidy.check import evened, whole
from resumate.transfer.lenient import ImportWarning, as_written
from resumate.transfer.upload import FILE_NOTE, value_at

ENTRY = re.compile(r"^([a-z]+\[\d+\])(.*)$")
WORD = re.compile(r"\w")
# Where a note on the tidying as a whole goes, as `(file)` holds notes on the file as a whole.
ASSISTANT_NOTE = "(assistant)"
LEFT_OUT = "The assistant left out “{text}” (read as {field}): add it back if it belongs."


class Changes:
    """How a reading and its tidied document differ."""

    def __init__(self, reading: dict[str, Any], tidied: dict[str, Any]) -> None:
        self.reading = reading
        self.tidied = tidied
        self._moved = dict(_moved_entries(reading, tidied))

    def paths(self) -> list[str]:
        """Each field of the tidied document whose value the assistant changed or emptied."""
        found = [
            f"basics.{key}"
            for key in BASICS_KEYS
            if value_at(self.reading, f"basics.{key}") != value_at(self.tidied, f"basics.{key}")
        ]
        kept = set(self._moved.values())
        for section in SECTIONS:
            entries = _entries(self.tidied, section)
            was = _entries(self.reading, section)
            for at, entry in enumerate(entries):
                if f"{section}[{at}]" not in kept:
                    before = was[at] if at < len(was) else {}
                    found.extend(_differences(f"{section}[{at}]", before, entry))
        return found

    def place(self, path: str) -> str | None:
        """Where a path of the reading is in the tidied document; None when its value changed."""
        if path == FILE_NOTE:
            return path
        entry = ENTRY.match(path)
        if entry and entry.group(1) in self._moved:
            return self._moved[entry.group(1)] + entry.group(2)
        if value_at(self.reading, path) == value_at(self.tidied, path):
            return path
        return None

    def carried(self, notes: list[ImportWarning]) -> list[ImportWarning]:
        """The reading's notes that still hold, at their place in the tidied document."""
        placed = [(self.place(note.path), note) for note in notes]
        return [ImportWarning(path, note.value, note.message) for path, note in placed if path]

    def sureness(self, confidence: dict[str, float]) -> dict[str, float]:
        placed = ((self.place(path), sure) for path, sure in confidence.items())
        return {path: sure for path, sure in placed if path}

    def left_out(self) -> list[ImportWarning]:
        """A note on each text of the reading the tidied document no longer has anywhere: what
        is left of it once every text of the tidied document is taken out of it."""
        kept = sorted({evened(text) for text in all_text(self.tidied)}, key=len, reverse=True)
        notes = []
        for path, text in _shown_texts(self.reading):
            rest = evened(text)
            for other in kept:
                if other and other in rest:
                    rest = re.sub(whole(other), " ", rest)
            rest = " ".join(rest.split()).strip(" ,;:.-|")
            if WORD.search(rest):
                message = LEFT_OUT.format(text=rest, field=field_label(path) or path)
                notes.append(ImportWarning(ASSISTANT_NOTE, as_written(rest), message))
        return notes


def _entries(document: dict[str, Any], section: str) -> list[Any]:
    value = document.get(section)
    return value if isinstance(value, list) else []


def _moved_entries(reading: dict[str, Any], tidied: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Each entry of the reading that the tidied document has unchanged: (its path, the new)."""
    for section in SECTIONS:
        was = _entries(reading, section)
        taken: set[int] = set()
        for at, entry in enumerate(_entries(tidied, section)):
            same = [n for n, old in enumerate(was) if old == entry and n not in taken]
            if same:
                origin = at if at in same else same[0]
                taken.add(origin)
                yield f"{section}[{origin}]", f"{section}[{at}]"


def _differences(path: str, before: Any, after: Any) -> Iterator[str]:
    old = before if isinstance(before, dict) else {}
    new = after if isinstance(after, dict) else {}
    for key in dict.fromkeys([*new, *old]):
        was, now = old.get(key), new.get(key)
        if was == now:
            continue
        if isinstance(was, list) or isinstance(now, list):
            was_items = was if isinstance(was, list) else []
            now_items = now if isinstance(now, list) else []
            for number in range(max(len(was_items), len(now_items))):
                if was_items[number : number + 1] != now_items[number : number + 1]:
                    yield f"{path}.{key}[{number}]"
        else:
            yield f"{path}.{key}"


def _shown_texts(reading: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Each text of the reading the assistant was shown and may have moved, by its path."""
    basics = reading.get("basics")
    if isinstance(basics, dict):
        for key in BASICS_KEYS:
            if isinstance(basics.get(key), str):
                yield f"basics.{key}", basics[key]
    for section in SECTIONS:
        for at, entry in enumerate(_entries(reading, section)):
            if not isinstance(entry, dict):
                continue
            for key, value in entry.items():
                if isinstance(value, str):
                    yield f"{section}[{at}].{key}", value
                elif isinstance(value, list):
                    for number, item in enumerate(value):
                        if isinstance(item, str):
                            yield f"{section}[{at}].{key}[{number}]", item
