"""Reading a JSON Resume file as people really write them: keep, repair or leave out, and say so.

A save checks a document strictly; an import must not throw a person's resume away for one
informal date. So an imported document is validated by the same model (`parse_resume`), and each
value it refuses is mended when it has one clear meaning ("Mar 2016" → "2016-03", "present" →
ongoing, 2016 → "2016") or else left out, and validated again until it passes. Every change is
reported as an `ImportWarning` naming the path in the file (`work[2].endDate`), the value as
written and what was done. A null, or an empty string where it is not valid (a date), goes
without a word: it says nothing. A valid document with no placeholder e-mail address or link
comes in exactly as it is.

Entries left out of a list are first replaced by an empty stand-in and removed at the end, so
every path reported is the path in the file as it was written.
"""

from __future__ import annotations

import copy
import json
import math
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from resumate.document.fields import MAX_DOCUMENT_BYTES, MAX_JSON_DEPTH, TOO_DEEP, json_depth
from resumate.document.schemas import JsonResume, parse_resume
from resumate.transfer.contacts import email_problem, tidied, url_problem
from resumate.transfer.dates import means_now, read_date

Loc = tuple[str | int, ...]

# Lists of words: a single string there is a one-item list.
WORD_LISTS = frozenset({"highlights", "keywords", "courses", "roles"})
# Where one entry may be written without its list.
ENTRY_LISTS = frozenset({"work", "volunteer", "education", "awards", "certificates",
                         "publications", "skills", "languages", "interests", "references",
                         "projects", "profiles"})  # fmt: skip
# Keys of the schema before 1.0, read as today's: (where, old key) → new key.
OLD_KEYS = {
    ("basics", "website"): "url",
    ("basics", "picture"): "image",
    ("work", "company"): "name",
    ("work", "website"): "url",
    ("volunteer", "website"): "url",
    ("publications", "website"): "url",
    ("projects", "website"): "url",
    ("education", "gpa"): "score",
}
LINK_KEYS = frozenset({"url", "image", "canonical"})
MAX_PASSES = 50
MAX_SHOWN = 2000


class ImportRefused(ValueError):
    """A document that no repair can bring in (it is larger than any resume may be)."""


@dataclass(frozen=True)
class ImportWarning:
    """One value the file had that was changed or left out on the way in."""

    path: str
    value: str
    message: str


@dataclass(frozen=True)
class Imported:
    document: JsonResume
    warnings: list[ImportWarning]


def read_leniently(raw: dict[str, Any]) -> Imported:
    """The resume a JSON object holds, with every value kept that can be, and what was not."""
    if json_depth(raw) > MAX_JSON_DEPTH:
        raise ImportRefused(f"This resume {TOO_DEEP}: no resume needs that many.")
    reader = _Reader(raw)
    document = reader.read()
    in_file_order = sorted(reader.warnings, key=lambda loc: _file_order(raw, loc))
    return Imported(document, [reader.warnings[loc] for loc in in_file_order])


def dotted(loc: Loc) -> str:
    """A path as people read it: work[2].endDate."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def as_written(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN] + "…"


class _Reader:
    def __init__(self, raw: dict[str, Any]) -> None:
        self.original = raw
        self.doc: dict[str, Any] = copy.deepcopy(raw)
        self.warnings: dict[Loc, ImportWarning] = {}
        self.left_out: list[Loc] = []
        self.renamed: dict[Loc, Loc] = {}  # new key's path → the old key's, as in the file

    def read(self) -> JsonResume:
        self._rename_old_keys()
        self._check_contacts()
        for _ in range(MAX_PASSES):
            try:
                parse_resume(self.doc)
            except ValidationError as exc:
                self._mend(exc.errors())
                continue
            return self._without_left_out()
        raise ImportRefused("This file could not be read as a resume.")

    def warn(self, loc: Loc, message: str) -> None:
        # The value as the file has it; a later step on the same field keeps the first value.
        loc = self.renamed.get(loc, loc)
        earlier = self.warnings.get(loc)
        value = earlier.value if earlier else as_written(_get(self.original, loc, self.at(loc)))
        self.warnings[loc] = ImportWarning(dotted(loc), value, message)

    def at(self, loc: Loc) -> Any:
        return _get(self.doc, loc, None)

    def put(self, loc: Loc, value: Any) -> None:
        _parent(self.doc, loc)[loc[-1]] = value

    def drop(self, loc: Loc, message: str | None = None) -> None:
        """Leave a value out, saying why unless it was empty."""
        if message:
            self.warn(loc, message)
        parent = _parent(self.doc, loc)
        if isinstance(parent, list):
            # A valid stand-in keeps the indices of the file until the end (see the docstring).
            index = loc[-1]
            assert isinstance(index, int)  # a list's items are reached by index
            parent[index] = {} if loc[-2] in ENTRY_LISTS else ""
            self.left_out.append(loc)
        else:
            del parent[loc[-1]]

    def _rename_old_keys(self) -> None:
        for (where, old), new in OLD_KEYS.items():
            for loc, entry in _entries(self.doc, where):
                if old in entry and new not in entry and isinstance(entry[old], str):
                    self.warn((*loc, old), f"Read as {new}, its name in JSON Resume 1.0.")
                    entry[new] = entry.pop(old)
                    self.renamed[(*loc, new)] = (*loc, old)

    def _check_contacts(self) -> None:
        for loc, entry in _entries(self.doc, *ENTRY_LISTS, "basics", "meta"):
            for key in ("email", *LINK_KEYS):
                value = entry.get(key)
                if not isinstance(value, str) or (key == "email" and loc != ("basics",)):
                    continue
                if not value.strip():
                    continue  # valid and empty: kept, so a valid file comes back as it went in
                written = tidied(value) if key == "email" else value
                problem = (email_problem if key == "email" else url_problem)(written)
                if problem:
                    self.drop((*loc, key), f"Left out: {problem}.")
                elif written != value:
                    entry[key] = written
                    self.warn((*loc, key), f"Read as {written}.")

    def _mend(self, errors: list[ErrorDetails]) -> None:
        seen: set[Loc] = set()
        for error in errors:
            loc = tuple(error["loc"])
            if not loc:
                raise ImportRefused(_refusal(error))
            if loc in seen or any(loc[: len(done)] == done for done in seen):
                continue  # already mended along with its parent; checked again next pass
            seen.add(loc)
            self._mend_one(loc, error)

    def _mend_one(self, loc: Loc, error: ErrorDetails) -> None:
        value, kind, key = error["input"], error["type"], loc[-1]
        if value is None or value == "":
            self.drop(loc)
        elif kind == "date_format" and isinstance(value, str):
            self._mend_date(loc, value)
        elif kind == "string_type" and _is_number(value):
            self.put(loc, _number_text(value))
            self.warn(loc, "Read the number as text.")
        elif kind == "list_type" and isinstance(value, str) and key in WORD_LISTS:
            self.put(loc, [value])
            self.warn(loc, "Read as a list of one item.")
        elif kind == "list_type" and isinstance(value, dict) and key in ENTRY_LISTS:
            self.put(loc, [value])
            self.warn(loc, "Read as a list of one entry.")
        elif kind == "string_too_long" and isinstance(value, str):
            limit = int(error.get("ctx", {}).get("max_length", len(value)))
            self.put(loc, value[:limit])
            self.warn(loc, f"Cut to its first {limit} characters, the most this field holds.")
        elif kind == "too_long" and isinstance(value, list):
            limit = int(error.get("ctx", {}).get("max_length", len(value)))
            self.put(loc, value[:limit])
            self.warn(loc, f"Kept the first {limit} of {len(value)} items, the most it holds.")
        else:
            self.drop(loc, _left_out(kind, value))

    def _mend_date(self, loc: Loc, text: str) -> None:
        if not text.strip():
            self.drop(loc)
        elif means_now(text):
            if loc[-1] == "endDate":
                self.drop(loc, "Read as ongoing: no end date.")
            else:
                self.drop(loc, "Left out: it says “now”, which is not a date for this field.")
        elif (iso := read_date(text)) is not None:
            self.put(loc, iso)
            self.warn(loc, f"Read as {iso}.")
        else:
            ongoing = (
                " The entry reads as ongoing until it has one." if loc[-1] == "endDate" else ""
            )
            self.drop(
                loc,
                f"Left out: not a date the import can read (YYYY, YYYY-MM or YYYY-MM-DD).{ongoing}",
            )

    def _without_left_out(self) -> JsonResume:
        # Highest index first, so removing one never moves another still to remove.
        for loc in sorted(self.left_out, key=_sort_key, reverse=True):
            parent = _get(self.doc, loc[:-1], None)
            if isinstance(parent, list) and isinstance(loc[-1], int) and loc[-1] < len(parent):
                del parent[loc[-1]]
        return parse_resume(self.doc)


def _file_order(raw: Any, loc: Loc) -> list[int]:
    """Where a path comes in the file: by each key's place in its object, each item's index."""
    places: list[int] = []
    node = raw
    for part in loc:
        if isinstance(node, dict) and part in node:
            places.append(list(node).index(part))
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int):
            places.append(part)
            node = node[part] if part < len(node) else None
        else:
            places.append(len(node) if isinstance(node, dict | list) else 0)
            node = None
    return places


def _sort_key(loc: Loc) -> tuple[tuple[int, int | str], ...]:
    return tuple((0, part) if isinstance(part, int) else (1, part) for part in loc)


def _get(root: Any, loc: Loc, default: Any) -> Any:
    node = root
    for part in loc:
        if not _holds(node, part):
            return default
        node = node[part]
    return node


def _holds(node: Any, part: str | int) -> bool:
    if isinstance(node, dict):
        return isinstance(part, str) and part in node
    return isinstance(node, list) and isinstance(part, int) and part < len(node)


def _parent(root: Any, loc: Loc) -> Any:
    return _get(root, loc[:-1], None)


def _entries(doc: dict[str, Any], *where: str) -> list[tuple[Loc, dict[str, Any]]]:
    """The objects found at these top-level keys (or in basics.profiles), with their paths."""
    found: list[tuple[Loc, dict[str, Any]]] = []
    basics = doc.get("basics")
    places: list[tuple[Loc, Any]] = [((key,), doc.get(key)) for key in where if key != "profiles"]
    if "profiles" in where and isinstance(basics, dict):
        places.append((("basics", "profiles"), basics.get("profiles")))
    for loc, value in places:
        if isinstance(value, dict):
            found.append((loc, value))
        elif isinstance(value, list):
            found += [((*loc, i), item) for i, item in enumerate(value) if isinstance(item, dict)]
    return found


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _number_text(value: float) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _left_out(kind: str, value: object) -> str:
    if kind == "model_type":
        return "Left out: this must be an object { … }."
    if kind == "email_format":
        return "Left out: not an e-mail address."
    if kind in {"extra_too_deep", "extra_not_json"}:
        return "Left out: nested too deep to keep."
    return f"Left out: {_json_kind(value)} cannot go here."


def _json_kind(value: object) -> str:
    if isinstance(value, bool):
        return "a true/false value"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    return "a list" if isinstance(value, list) else "an object"


def _refusal(error: ErrorDetails) -> str:
    if error["type"] == "document_too_large":
        return (
            f"This resume is too large to import: at most {MAX_DOCUMENT_BYTES // 1024} KB of JSON."
        )
    return f"This file could not be read as a resume: {error['msg']}."
