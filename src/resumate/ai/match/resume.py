"""The resume's words a job is matched against, each field named by its path.

Prose (the summary, bullets, descriptions: `resumate.ai.fields.prose_fields`) can be evidence
for a requirement; titles, skills and their keywords count for terms but are not evidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from resumate.ai.fields import prose_fields
from resumate.ai.match.language import contains, tokens

MAX_FIELDS = 400
MAX_FIELD_CHARS = 2000
# Section → keys holding one name or title; and keys holding a list of short terms.
NAMES: dict[str, tuple[str, ...]] = {
    "work": ("position",),
    "volunteer": ("position",),
    "education": ("area", "studyType"),
    "certificates": ("name",),
    "skills": ("name",),
    "languages": ("language",),
    "projects": ("name",),
}
SECTIONS = ("work", "volunteer", "education", "certificates", "skills", "languages", "projects")
LISTS: dict[str, tuple[str, ...]] = {
    "skills": ("keywords",),
    "projects": ("keywords",),
    "education": ("courses",),
}


@dataclass(frozen=True)
class Field:
    path: str
    text: str
    prose: bool
    stems: tuple[str, ...]


@dataclass(frozen=True)
class ResumeText:
    fields: list[Field]

    @property
    def prose(self) -> list[Field]:
        return [field for field in self.fields if field.prose]

    def paths_with(self, stems: tuple[str, ...]) -> list[str]:
        """The paths of the fields that say the term, its words in order."""
        return [field.path for field in self.fields if contains(field.stems, stems)]


def resume_text(data: dict[str, Any], language: str) -> ResumeText:
    found = [(field.path, field.text, True) for field in prose_fields(data)]
    found += [(path, text, False) for path, text in _facts(data)]
    return ResumeText(
        [
            Field(
                path, text, prose, tuple(t.stem for t in tokens(text[:MAX_FIELD_CHARS], language))
            )
            for path, text, prose in found[:MAX_FIELDS]
        ]
    )


def _facts(data: dict[str, Any]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for section in SECTIONS:
        entries = data.get(section)
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            if not isinstance(entry, dict):
                continue
            for key in NAMES.get(section, ()):
                value = entry.get(key)
                if isinstance(value, str) and value.strip():
                    found.append((f"{section}[{index}].{key}", value))
            for key in LISTS.get(section, ()):
                items = entry.get(key)
                for number, item in enumerate(items if isinstance(items, list) else []):
                    if isinstance(item, str) and item.strip():
                        found.append((f"{section}[{index}].{key}[{number}]", item))
    return found
