"""What the editor shows for each JSON Resume section: its fields, labels and input kinds.

The editor renders its form from this table, and its script builds the document back from the
form by the same keys, so a key missing here would be a field the editor silently drops: keys
the table does not know travel with their entry untouched (see `extra_keys`). Every key is
checked against the document's models when this module loads, so a misspelt one cannot pass.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Literal

from resumate.document.dates import editor_words, format_examples
from resumate.document.fields import ResumeModel
from resumate.document.sections import (
    Award,
    Basics,
    Certificate,
    CustomEntry,
    Education,
    Interest,
    Language,
    Location,
    Profile,
    Project,
    Publication,
    Reference,
    Skill,
    Volunteer,
    Work,
)

Kind = Literal["text", "long", "date", "url", "email", "tel", "list", "country"]


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


def keys_of(model: type[ResumeModel]) -> frozenset[str]:
    """The JSON keys a document model declares."""
    return frozenset(field.alias or name for name, field in model.model_fields.items())


def checked(model: type[ResumeModel], *fields: Field) -> tuple[Field, ...]:
    """`fields`, once each of their keys is one `model` declares."""
    unknown = [field.key for field in fields if field.key not in keys_of(model)]
    if unknown:
        raise ValueError(f"{model.__name__} has no field {', '.join(unknown)}")
    return fields


@dataclass(frozen=True)
class Section:
    model: type[ResumeModel]  # what one entry is
    key: str
    title: str
    item: str  # what one entry is called: "Add a <item>"
    heading: tuple[str, ...]  # the fields whose values name an entry in its collapsed header
    fields: tuple[Field, ...]

    def __post_init__(self) -> None:
        checked(self.model, *self.fields)
        if not set(self.heading) <= {field.key for field in self.fields}:
            raise ValueError(f"the {self.key} heading names a field the form does not show")


# Dates are typed as people write them, or picked (js/editor/dates.js); stored as ISO 8601.
DATE_HINT = "e.g. March 2021, 03/2021 or 2021"
END_HINT = "e.g. June 2023, or “Present”"


def _dates(start: str = "startDate", end: str | None = "endDate") -> tuple[Field, ...]:
    dates = (Field(start, "Start date", "date", DATE_HINT),)
    return dates + ((Field(end, "End date", "date", END_HINT),) if end else ())


BASICS = checked(
    Basics,
    Field("name", "Full name"),
    Field("label", "Headline", hint="e.g. Senior product designer"),
    Field("email", "Email", "email"),
    Field("phone", "Phone", "tel"),
    Field("url", "Website", "url", wide=True),
    Field(
        "summary", "Summary", "long", "A few sentences about you. **bold** and *italic* work.", True
    ),
)
LOCATION = checked(
    Location,
    Field("address", "Address", wide=True),
    Field("postalCode", "Postal code"),
    Field("city", "City"),
    Field("region", "Region"),
    # Chosen by its name in the resume's language; the document keeps the ISO code ("DE").
    Field("countryCode", "Country", "country", "Type to search, or a code such as DE"),
)
PROFILE = Section(
    Profile,
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
        Work,
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
        Education,
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
        Skill,
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
        Project,
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
        Volunteer,
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
        Award,
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
        Certificate,
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
        Publication,
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
        Language,
        "languages",
        "Languages",
        "language",
        ("language", "fluency"),
        (Field("language", "Language"), Field("fluency", "Fluency", hint="e.g. Native speaker")),
    ),
    Section(
        Interest,
        "interests",
        "Interests",
        "interest",
        ("name",),
        (Field("name", "Interest"), Field("keywords", "Keywords", "list", wide=True)),
    ),
    Section(
        Reference,
        "references",
        "References",
        "reference",
        ("name",),
        (Field("name", "Name"), Field("reference", "Reference", "long", wide=True)),
    ),
)
# A section the person names themselves; `custom_forms` gives each its own key and title.
CUSTOM = Section(
    CustomEntry,
    "custom",
    "Your own section",
    "entry",
    ("name", "subtitle"),
    (
        Field("name", "Title"),
        Field("subtitle", "Organisation or subtitle"),
        *_dates(),
        Field("location", "Location"),
        Field("url", "URL", "url"),
        Field("summary", "Summary", "long", wide=True),
        Field("highlights", "Highlights", "list", wide=True),
    ),
)
# What a custom section itself holds besides its entries: the rest travels untouched.
CUSTOM_KEYS = ("id", "title", "items")
# The form of a section not yet added: its id is filled in by the page's script.
CUSTOM_BLANK = replace(CUSTOM, key="custom-__cid__", title="")


@dataclass(frozen=True)
class CustomForm:
    """One of the document's own sections: its form, its keys the form lacks, its entries."""

    section: Section
    extra: dict[str, Any]
    items: list[dict[str, Any]]


SECTION_TITLES = {"summary": "Summary"} | {s.key: s.title for s in SECTIONS}
# Basics keys with inputs of their own elsewhere in the form.
KEPT_BY_FORM = checked(Basics, Field("location", "Location"), Field("profiles", "Profiles"))


def extra_keys(entry: Any, fields: tuple[Field, ...]) -> dict[str, Any]:
    """The entry's keys the form has no input for; they are kept exactly as they are."""
    if not isinstance(entry, dict):
        return {}
    known = {field.key for field in fields}
    return {key: value for key, value in entry.items() if key not in known}


def entries(data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    found = data.get(key)
    return [e if isinstance(e, dict) else {} for e in found] if isinstance(found, list) else []


def entry_heading(entry: dict[str, Any], keys: tuple[str, ...]) -> str:
    """What names an entry while it is folded: "Designer · Acme"."""
    return " · ".join(str(entry[k]).strip() for k in keys if str(entry.get(k) or "").strip())


def custom_forms(data: dict[str, Any]) -> list[CustomForm]:
    """Each of the document's own sections as the form shows it."""
    found = data.get("customSections")
    forms = []
    for custom in found if isinstance(found, list) else []:
        if isinstance(custom, dict) and isinstance(custom.get("id"), str):
            key, title = f"custom-{custom['id']}", str(custom.get("title") or "")
            forms.append(
                CustomForm(
                    replace(CUSTOM, key=key, title=title),
                    {k: v for k, v in custom.items() if k not in CUSTOM_KEYS},
                    entries(custom, "items"),
                )
            )
    return forms


# What the editor's page templates use to lay out the document.
FILTERS = {
    "extra_keys": extra_keys,
    "entries": entries,
    "entry_heading": entry_heading,
    # The words the editor's script reads typed dates by, and the Design tab's date formats.
    "date_words": editor_words,
    "date_examples": format_examples,
}
