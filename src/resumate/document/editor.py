"""What the editor shows for each JSON Resume section: its fields, labels and input kinds.

The editor renders its form from this table, and its script builds the document back from the
form by the same keys, so a key missing here would be a field the editor silently drops: keys
the table does not know travel with their entry untouched (see `extra_keys`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Kind = Literal["text", "long", "date", "url", "email", "tel", "list"]


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    kind: Kind = "text"
    hint: str = ""
    wide: bool = False  # spans the whole row

    @property
    def input_type(self) -> str:
        return {"url": "url", "email": "email", "tel": "tel"}.get(self.kind, "text")


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    item: str  # what one entry is called: "Add a <item>"
    heading: tuple[str, ...]  # the fields whose values name an entry in its collapsed header
    fields: tuple[Field, ...]
    blurb: str = ""


DATE_HINT = "YYYY, YYYY-MM or YYYY-MM-DD"
END_HINT = "Leave empty if ongoing"


def _dates(start: str = "startDate", end: str | None = "endDate") -> tuple[Field, ...]:
    dates = (Field(start, "Start date", "date", DATE_HINT),)
    return dates + ((Field(end, "End date", "date", END_HINT),) if end else ())


BASICS = (
    Field("name", "Full name"),
    Field("label", "Headline", hint="e.g. Senior product designer"),
    Field("email", "Email", "email"),
    Field("phone", "Phone", "tel"),
    Field("url", "Website", "url", wide=True),
    Field(
        "summary", "Summary", "long", "A few sentences about you. **bold** and *italic* work.", True
    ),
)
LOCATION = (
    Field("address", "Address", wide=True),
    Field("postalCode", "Postal code"),
    Field("city", "City"),
    Field("region", "Region"),
    Field("countryCode", "Country code", hint="e.g. US, DE, JP"),
)
PROFILE = Section(
    "profiles",
    "Profiles",
    "profile",
    ("network", "username"),
    (
        Field("network", "Network", hint="e.g. LinkedIn"),
        Field("username", "Username"),
        Field("url", "URL", "url", wide=True),
    ),
)

SECTIONS: tuple[Section, ...] = (
    Section(
        "work",
        "Work experience",
        "position",
        ("position", "name"),
        (
            Field("position", "Position"),
            Field("name", "Company"),
            *_dates(),
            Field("location", "Location"),
            Field("url", "Website", "url"),
            Field("description", "Company description", wide=True),
            Field("summary", "Summary", "long", wide=True),
            Field("highlights", "Highlights", "list", "One achievement per line item", True),
        ),
    ),
    Section(
        "education",
        "Education",
        "school",
        ("institution", "area"),
        (
            Field("institution", "Institution"),
            Field("area", "Field of study"),
            Field("studyType", "Degree", hint="e.g. Bachelor"),
            Field("score", "Grade"),
            *_dates(),
            Field("url", "Website", "url", wide=True),
            Field("courses", "Courses", "list", wide=True),
        ),
    ),
    Section(
        "skills",
        "Skills",
        "skill",
        ("name", "level"),
        (
            Field("name", "Skill"),
            Field("level", "Level", hint="e.g. Expert"),
            Field("keywords", "Keywords", "list", wide=True),
        ),
    ),
    Section(
        "projects",
        "Projects",
        "project",
        ("name", "entity"),
        (
            Field("name", "Name"),
            Field("entity", "Organisation"),
            *_dates(),
            Field("type", "Type", hint="e.g. application, talk"),
            Field("url", "Website", "url"),
            Field("description", "Description", "long", wide=True),
            Field("highlights", "Highlights", "list", wide=True),
            Field("roles", "Roles", "list", wide=True),
            Field("keywords", "Keywords", "list", wide=True),
        ),
    ),
    Section(
        "volunteer",
        "Volunteering",
        "role",
        ("position", "organization"),
        (
            Field("position", "Position"),
            Field("organization", "Organisation"),
            *_dates(),
            Field("url", "Website", "url", wide=True),
            Field("summary", "Summary", "long", wide=True),
            Field("highlights", "Highlights", "list", wide=True),
        ),
    ),
    Section(
        "awards",
        "Awards",
        "award",
        ("title", "awarder"),
        (
            Field("title", "Title"),
            Field("awarder", "Awarded by"),
            Field("date", "Date", "date", DATE_HINT),
            Field("summary", "Summary", "long", wide=True),
        ),
    ),
    Section(
        "certificates",
        "Certificates",
        "certificate",
        ("name", "issuer"),
        (
            Field("name", "Name"),
            Field("issuer", "Issuer"),
            Field("date", "Date", "date", DATE_HINT),
            Field("url", "URL", "url"),
        ),
    ),
    Section(
        "publications",
        "Publications",
        "publication",
        ("name", "publisher"),
        (
            Field("name", "Title"),
            Field("publisher", "Publisher"),
            Field("releaseDate", "Release date", "date", DATE_HINT),
            Field("url", "URL", "url"),
            Field("summary", "Summary", "long", wide=True),
        ),
    ),
    Section(
        "languages",
        "Languages",
        "language",
        ("language", "fluency"),
        (Field("language", "Language"), Field("fluency", "Fluency", hint="e.g. Native speaker")),
    ),
    Section(
        "interests",
        "Interests",
        "interest",
        ("name",),
        (Field("name", "Interest"), Field("keywords", "Keywords", "list", wide=True)),
    ),
    Section(
        "references",
        "References",
        "reference",
        ("name",),
        (Field("name", "Name"), Field("reference", "Reference", "long", wide=True)),
    ),
)
SECTION_TITLES = {"summary": "Summary"} | {s.key: s.title for s in SECTIONS}


def extra_keys(entry: Any, fields: tuple[Field, ...]) -> dict[str, Any]:
    """The entry's keys the form has no input for; they are kept exactly as they are."""
    if not isinstance(entry, dict):
        return {}
    known = {field.key for field in fields}
    return {key: value for key, value in entry.items() if key not in known}


def entries(data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    found = data.get(key)
    return [e if isinstance(e, dict) else {} for e in found] if isinstance(found, list) else []
