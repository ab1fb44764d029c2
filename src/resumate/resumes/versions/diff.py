"""What differs between a saved version and the resume now, field by field, in words.

Each change names its field as the editor labels it ("Work experience / Nordlys / Position")
with the value in the version (`before`) and in the resume now (`after`). Entries of a section
are matched by content, so removing the first job reads as one removed entry, not as every job
after it changed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from typing import Any, Literal

from resumate.document.editor import BASICS, CUSTOM, LOCATION, PROFILE, SECTIONS, Field, Section

SEP = " › "
CUSTOM_KEY = "customSections"
OWN_SECTIONS = "Your own sections"
Kind = Literal["changed", "added", "removed"]


@dataclass(frozen=True)
class Change:
    field: str  # the field as a person finds it in the editor
    path: str  # where it is in the document (in the resume now when it is there)
    kind: Kind
    before: str | None = None  # in the version
    after: str | None = None  # in the resume now


def humanized(key: str) -> str:
    """ "customSections" as "Custom sections"."""
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", key).replace("_", " ").strip()
    return words[:1].upper() + words[1:].lower()


def text(value: Any) -> str:
    """A value as a person reads it."""
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, list):
        return "; ".join(text(item) for item in value if not empty(item))
    if isinstance(value, dict):
        return ", ".join(f"{humanized(k)}: {text(v)}" for k, v in value.items() if not empty(v))
    return str(value).strip()


def empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)


def _label(fields: tuple[Field, ...], key: str) -> str:
    return next((f.label for f in fields if f.key == key), humanized(key))


def _ordered(fields: tuple[Field, ...], before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """The keys the editor shows in its order, then any others the two have."""
    known = [f.key for f in fields]
    return known + [k for k in {**before, **after} if k not in known]


def _as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def value_changes(label: str, path: str, before: Any, after: Any) -> Iterator[Change]:
    """One field: a list of words item by item, anything else as one value."""
    if (empty(before) and empty(after)) or _key(before) == _key(after):
        return
    if _words(before) and _words(after):
        yield from _item_changes(label, path, before or [], after or [])
        return
    if empty(before):
        yield Change(label, path, "added", after=text(after))
    elif empty(after):
        yield Change(label, path, "removed", before=text(before))
    else:
        yield Change(label, path, "changed", text(before), text(after))


def _words(value: Any) -> bool:
    """Whether a value is a list of words (or nothing), such as a job's highlights."""
    items = value if isinstance(value, list) else None if value is None else [{}]
    return not any(isinstance(item, dict | list) for item in items or [])


def _item_changes(label: str, path: str, before: list[Any], after: list[Any]) -> Iterator[Change]:
    old, new = [text(v) for v in before], [text(v) for v in after]
    for op, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "replace" and i2 - i1 == j2 - j1:
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                yield Change(label, f"{path}[{j}]", "changed", old[i], new[j])
            continue
        if op in ("replace", "delete"):
            yield from (
                Change(label, f"{path}[{i}]", "removed", before=old[i]) for i in range(i1, i2)
            )
        if op in ("replace", "insert"):
            yield from (Change(label, f"{path}[{j}]", "added", after=new[j]) for j in range(j1, j2))


def fields_changes(
    label: str, path: str, fields: tuple[Field, ...], before: Any, after: Any
) -> Iterator[Change]:
    old, new = _as_dict(before), _as_dict(after)
    for key in _ordered(fields, old, new):
        yield from value_changes(
            f"{label}{SEP}{_label(fields, key)}", f"{path}.{key}", old.get(key), new.get(key)
        )


def _entry_name(section: Section, before: dict[str, Any], after: dict[str, Any]) -> str:
    """What names an entry: its heading fields that kept their value, else its heading now."""
    kept = [str(after[k]).strip() for k in section.heading if after.get(k) == before.get(k)]
    kept = [name for name in kept if name]
    if kept:
        return " · ".join(kept)
    return heading(section, after) or heading(section, before) or section.item.capitalize()


def heading(section: Section, entry: dict[str, Any]) -> str:
    names = (str(entry.get(k) or "").strip() for k in section.heading)
    return " · ".join(name for name in names if name)


def section_changes(section: Section, path: str, before: Any, after: Any) -> Iterator[Change]:
    old = [_as_dict(e) for e in _as_list(before)]
    new = [_as_dict(e) for e in _as_list(after)]
    matcher = SequenceMatcher(None, [_key(e) for e in old], [_key(e) for e in new], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        paired = min(i2 - i1, j2 - j1) if op == "replace" else 0
        for i, j in zip(range(i1, i1 + paired), range(j1, j1 + paired), strict=True):
            label = f"{section.title}{SEP}{_entry_name(section, old[i], new[j])}"
            yield from fields_changes(label, f"{path}[{j}]", section.fields, old[i], new[j])
        for i in range(i1 + paired, i2):
            name = heading(section, old[i]) or text(old[i])
            yield Change(section.title, f"{path}[{i}]", "removed", before=name)
        for j in range(j1 + paired, j2):
            name = heading(section, new[j]) or text(new[j])
            yield Change(section.title, f"{path}[{j}]", "added", after=name)


def basics_changes(before: Any, after: Any) -> Iterator[Change]:
    old, new = _as_dict(before), _as_dict(after)
    label = "Personal details"
    nested = {"location", "profiles"}
    flat_old = {k: v for k, v in old.items() if k not in nested}
    flat_new = {k: v for k, v in new.items() if k not in nested}
    yield from fields_changes(label, "basics", BASICS, flat_old, flat_new)
    location = f"{label}{SEP}Location"
    yield from fields_changes(
        location, "basics.location", LOCATION, old.get("location"), new.get("location")
    )
    yield from section_changes(PROFILE, "basics.profiles", old.get("profiles"), new.get("profiles"))


def custom_changes(before: Any, after: Any) -> Iterator[Change]:
    """The person's own sections, matched by their id: each named by its title."""
    old = {str(s.get("id")): (i, s) for i, s in enumerate(_as_list(before)) if isinstance(s, dict)}
    new = {str(s.get("id")): (j, s) for j, s in enumerate(_as_list(after)) if isinstance(s, dict)}
    for key in {**old, **new}:
        (i, was), (j, now) = old.get(key, (-1, {})), new.get(key, (-1, {}))
        title = str(now.get("title") or was.get("title") or CUSTOM.title).strip()
        if not now:
            yield Change(OWN_SECTIONS, f"{CUSTOM_KEY}[{i}]", "removed", before=title)
        elif not was:
            yield Change(OWN_SECTIONS, f"{CUSTOM_KEY}[{j}]", "added", after=title)
        else:
            path = f"{CUSTOM_KEY}[{j}]"
            label = f"{title}{SEP}Heading"
            yield from value_changes(label, f"{path}.title", was.get("title"), now.get("title"))
            own = replace(CUSTOM, title=title)
            yield from section_changes(own, f"{path}.items", was.get("items"), now.get("items"))


def document_changes(before: dict[str, Any], after: dict[str, Any]) -> list[Change]:
    """Every difference between two JSON Resume documents, in the editor's order."""
    found = list(basics_changes(before.get("basics"), after.get("basics")))
    for section in SECTIONS:
        found += section_changes(
            section, section.key, before.get(section.key), after.get(section.key)
        )
    found += custom_changes(before.get(CUSTOM_KEY), after.get(CUSTOM_KEY))
    known = {"basics", CUSTOM_KEY, *(s.key for s in SECTIONS)}
    for key in [k for k in {**before, **after} if k not in known]:
        found += value_changes(humanized(key), key, before.get(key), after.get(key))
    return found
