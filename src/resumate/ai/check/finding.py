"""One thing the coach or the spelling checker found in a resume, named by the field's path."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from resumate.ai.changes import Change

Kind = Literal[
    "weak_opener",
    "no_number",
    "tense",
    "too_long",
    "too_short",
    "buzzword",
    "repeated_verb",
    "first_person",
    "date_gap",
    "date_overlap",
    "date_order",
    "contact_missing",
    "spelling",
    "grammar",
]


@dataclass(frozen=True)
class Finding:
    path: str
    kind: Kind
    message: str  # one line naming what was found
    suggestion: Change | None = None  # an edit the user may accept; never applied here
    confirm: str | None = None  # why to ask before accepting: the edit may change the meaning


def edit(path: str, original: str, new: str) -> Change | None:
    """A proposed edit of a field's whole text, or None when it would change nothing."""
    if new == original or not new.strip():
        return None
    return Change(path=path, original=original, new=new)


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
