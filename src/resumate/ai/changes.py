"""Changes to a resume's prose as `{path, original, new}`, and applying only those still true.

A change applies only while its `original` is still the field's text, so an edit made since
the proposal was shown is never overwritten. A change whose `original` is "" and whose index is
one past a list's end adds a bullet there (suggested bullets).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import Field

from resumate.ai.fields import PathError, value_at, writable
from resumate.document.fields import MAX_LONG_TEXT, ResumeModel
from resumate.document.labels import path_parts

DropReason = Literal["changed", "not_writable", "missing"]


class Change(ResumeModel):
    """One proposed edit: the field, the text it replaces, and the text it proposes."""

    path: str = Field(max_length=200, examples=["work[0].highlights[1]"])
    original: str = Field(max_length=MAX_LONG_TEXT)
    new: str = Field(max_length=MAX_LONG_TEXT)


@dataclass(frozen=True)
class Dropped:
    change: Change
    reason: DropReason


@dataclass
class Outcome:
    data: dict[str, Any]
    applied: list[Change] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)


def apply_changes(data: dict[str, Any], changes: list[Change]) -> Outcome:
    """A copy of `data` with every change whose original still matches; the rest dropped.

    Edits go first, then removals (a change whose `new` is "" removes a bullet) from the last
    bullet up, then added bullets, so no change moves the field another one names.
    """
    outcome = Outcome(copy.deepcopy(data))
    edits, removals, additions = [], [], []
    for change in changes:
        if not writable(change.path):
            outcome.dropped.append(Dropped(change, "not_writable"))
            continue
        parent, last = _parent(outcome.data, change.path)
        if parent is None:
            outcome.dropped.append(Dropped(change, "missing"))
        elif isinstance(parent, list) and last == len(parent):
            if change.original == "" and change.new.strip():
                additions.append(change)
            else:
                outcome.dropped.append(Dropped(change, "missing"))
        elif _current(parent, last) != change.original:
            outcome.dropped.append(Dropped(change, "changed"))
        elif isinstance(parent, list) and not change.new.strip():
            removals.append(change)
        else:
            edits.append(change)
    for change in edits:
        parent, last = _parent(outcome.data, change.path)
        parent[last] = change.new
    for change in sorted(removals, key=lambda c: path_parts(c.path)[-1], reverse=True):
        parent, last = _parent(outcome.data, change.path)
        del parent[last]
    for change in additions:
        # Found by the list's own path: removals above may have shortened it.
        value_at(outcome.data, _joined(path_parts(change.path)[:-1])).append(change.new)
    outcome.applied = [*edits, *removals, *additions]
    return outcome


def _parent(data: dict[str, Any], path: str) -> tuple[Any, str | int]:
    """The container holding the field at `path` and the field's key; (None, key) if absent."""
    parts = path_parts(path)
    *head, last = parts
    try:
        parent = value_at(data, _joined(head)) if head else data
    except PathError:
        return None, last
    if isinstance(parent, dict) and isinstance(last, str):
        return parent, last
    if isinstance(parent, list) and isinstance(last, int) and last <= len(parent):
        return parent, last
    return None, last


def _current(parent: Any, key: str | int) -> object:
    if isinstance(parent, dict):
        return parent.get(key, "")
    return parent[key]


def _joined(parts: list[str | int]) -> str:
    path = ""
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else part)
    return path
