"""The resume's words an assistant may read and the ones it may change, named by path.

Paths are the ones the rest of the app uses for a document's fields: `basics.summary`,
`work[0].highlights[2]` (see `resumate.document.labels`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from resumate.document.labels import path_parts

Kind = Literal["label", "summary", "highlight", "description"]

# Sections whose entries carry prose an assistant may improve, and the keys holding it. Names,
# employers, titles, dates, skills and contact details are facts: no proposal may change them.
PROSE: dict[str, dict[str, Kind]] = {
    "work": {"summary": "summary", "highlights": "highlight"},
    "volunteer": {"summary": "summary", "highlights": "highlight"},
    "projects": {"description": "description", "highlights": "highlight"},
    "awards": {"summary": "summary"},
    "publications": {"summary": "summary"},
}
BASICS_PROSE: dict[str, Kind] = {"label": "label", "summary": "summary"}
# Never sent to a provider: they identify or reach the person and no task needs them.
CONTACT_KEYS = frozenset({"name", "email", "phone", "url", "image", "location", "profiles"})

WRITABLE_PATH = re.compile(
    r"^(?:basics\.(?:label|summary)"
    r"|(?:work|volunteer)\[\d{1,3}\]\.(?:summary|highlights\[\d{1,3}\])"
    r"|projects\[\d{1,3}\]\.(?:description|highlights\[\d{1,3}\])"
    r"|(?:awards|publications)\[\d{1,3}\]\.summary)$"
)


class PathError(ValueError):
    """A path that names no field of the document."""


@dataclass(frozen=True)
class TextField:
    path: str
    text: str
    kind: Kind
    section: str  # "basics", "work", ...
    entry: int | None  # the entry's index within its section


def writable(path: str) -> bool:
    """Whether a proposal may change the field at `path` (prose only, never a fact)."""
    return WRITABLE_PATH.match(path) is not None


def prose_fields(data: dict[str, Any]) -> list[TextField]:
    """Every prose field of the document that holds text, in reading order."""
    return list(_prose(data))


def _prose(data: dict[str, Any]) -> Iterator[TextField]:
    basics = data.get("basics")
    if isinstance(basics, dict):
        for key, kind in BASICS_PROSE.items():
            value = basics.get(key)
            if isinstance(value, str) and value.strip():
                yield TextField(f"basics.{key}", value, kind, "basics", None)
    for section, keys in PROSE.items():
        entries = data.get(section)
        if not isinstance(entries, list):
            continue
        for index, entry in enumerate(entries):
            if not isinstance(entry, dict):
                continue
            for key, kind in keys.items():
                value = entry.get(key)
                if kind == "highlight" and isinstance(value, list):
                    for number, line in enumerate(value):
                        if isinstance(line, str) and line.strip():
                            path = f"{section}[{index}].{key}[{number}]"
                            yield TextField(path, line, kind, section, index)
                elif isinstance(value, str) and value.strip():
                    yield TextField(f"{section}[{index}].{key}", value, kind, section, index)


def value_at(data: Any, path: str) -> Any:
    """The value at `path`; PathError when the document has no such field."""
    node = data
    for part in path_parts(path):
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError) as exc:
            raise PathError(f"{path} names no field of this resume") from exc
    return node


def all_text(value: object) -> Iterator[str]:
    """Every string in a document, keys excluded: what the resume already states."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from all_text(item)
    elif isinstance(value, list):
        for item in value:
            yield from all_text(item)


def without_contact(data: dict[str, Any]) -> dict[str, Any]:
    """The document as a provider may see it: no name, e-mail, phone, address or links."""
    view = {key: value for key, value in data.items() if key not in ("meta", "references")}
    basics = data.get("basics")
    if isinstance(basics, dict):
        view["basics"] = {k: v for k, v in basics.items() if k not in CONTACT_KEYS}
    return view
