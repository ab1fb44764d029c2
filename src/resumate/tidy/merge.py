"""The assistant's answer checked string by string and laid over the reading.

Each section the assistant answered replaces the reading's; the basics' headline and summary
likewise; everything else (contact details, references, meta) stays as read. A string that is
not text of the file is left as read: the value the reading had in its place (in the entry of
the reading most like the answered one), unless the answer already uses that value elsewhere,
for a value moved must not come back twice. Each one is named in a warning.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from resumate.ai.fields import all_text
from resumate.tidy.answer import BASICS_KEYS, SECTIONS
from resumate.tidy.check import FileText, evened
from resumate.transfer.lenient import ImportWarning, as_written

NOT_IN_FILE = "Left as read: the assistant's “{text}” was not in your file."
DROPPED = "Left out: the assistant's “{text}” was not in your file."
SHOWN_CHARS = 80


@dataclass
class Merge:
    """One answer being laid over one reading."""

    reading: dict[str, Any]
    answer: dict[str, Any]
    file: FileText
    reverted: list[ImportWarning] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._answered = {evened(text) for text in all_text(self.answer)}

    def document(self, sent: frozenset[str]) -> dict[str, Any]:
        """The reading with every section sent and answered replaced by its checked answer."""
        document = copy.deepcopy(self.reading)
        basics = self.answer.get("basics")
        if "basics" in sent and isinstance(basics, dict):
            own = document.setdefault("basics", {})
            for key in BASICS_KEYS:
                if isinstance(basics.get(key), str):
                    self._put(own, key, basics[key], f"basics.{key}", dict(own))
            if not own:
                del document["basics"]
        for section in SECTIONS:
            entries = self.answer.get(section)
            if section not in sent or not isinstance(entries, list):
                continue
            kept = self._section(section, entries)
            if kept:
                document[section] = kept
            else:
                document.pop(section, None)
        return document

    def _section(self, section: str, entries: list[Any]) -> list[dict[str, Any]]:
        was = self.reading.get(section)
        read = [entry for entry in was if isinstance(entry, dict)] if isinstance(was, list) else []
        kept = [
            self._entry(f"{section}[{at}]", entry, read, at)
            for at, entry in enumerate(entries)
            if isinstance(entry, dict)
        ]
        return [entry for entry in kept if entry]

    def _entry(
        self, path: str, entry: dict[str, Any], read: list[dict[str, Any]], at: int
    ) -> dict[str, Any]:
        before = _counterpart(entry, read, at)
        kept: dict[str, Any] = {}
        for key, value in entry.items():
            if isinstance(value, str):
                self._put(kept, key, value, f"{path}.{key}", before)
            elif isinstance(value, list):
                items = self._items(f"{path}.{key}", key, value, before.get(key))
                if items:
                    kept[key] = items
        return kept

    def _put(
        self, into: dict[str, Any], key: str, value: str, path: str, before: dict[str, Any]
    ) -> None:
        text = value.strip()
        if not text:
            into.pop(key, None)
        elif self.file.holds(text, key):
            into[key] = text
        else:
            earlier = before.get(key)
            back = isinstance(earlier, str) and self._free(earlier)
            self._warn(path, text, back)
            if back:
                into[key] = earlier
            else:
                into.pop(key, None)

    def _items(self, path: str, key: str, values: list[Any], earlier: Any) -> list[str]:
        items: list[str] = []
        read = earlier if isinstance(earlier, list) else []
        for number, value in enumerate(values):
            text = value.strip() if isinstance(value, str) else ""
            if not text:
                continue
            if self.file.holds(text, key):
                items.append(text)
                continue
            back = read[number] if number < len(read) else None
            fits = isinstance(back, str) and back not in items and self._free(back)
            self._warn(f"{path}[{number}]", text, fits)
            if fits and isinstance(back, str):
                items.append(back)
        return items

    def _free(self, text: str) -> bool:
        """Whether the reading's value is nowhere in the answer, so putting it back adds no copy."""
        return evened(text) not in self._answered

    def _warn(self, path: str, text: str, back: bool) -> None:
        shown = text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"
        message = (NOT_IN_FILE if back else DROPPED).format(text=shown)
        self.reverted.append(ImportWarning(path, as_written(text), message))


def _counterpart(entry: dict[str, Any], read: list[dict[str, Any]], at: int) -> dict[str, Any]:
    """The reading's entry the answered one came from: the one sharing the most text with it,
    else the one in its place."""
    mine = {evened(text) for text in all_text(entry)}
    best, shared = (read[at] if at < len(read) else {}), 0
    for number, candidate in enumerate(read):
        common = len(mine & {evened(text) for text in all_text(candidate)})
        if common > shared or (common == shared and common and number == at):
            best, shared = candidate, common
    return best
