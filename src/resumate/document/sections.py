"""The objects of a JSON Resume document: the basics, and the entry of each list section."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StrictStr, StringConstraints

from resumate.document.fields import (
    Date,
    Email,
    Highlights,
    Keywords,
    LongText,
    Opt,
    ResumeModel,
    Section,
    ShortText,
    Url,
)

# A custom section's key in the theme's section order is "custom-<id>".
CUSTOM_ID_PATTERN = r"^[a-z0-9]{1,16}$"
CustomId = Annotated[StrictStr, StringConstraints(pattern=CUSTOM_ID_PATTERN)]
CustomTitle = Annotated[
    StrictStr, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)
]


class Location(ResumeModel):
    """Where the person lives."""

    address: Opt[ShortText] = None
    postal_code: Opt[ShortText] = None
    city: Opt[ShortText] = None
    country_code: Opt[ShortText] = None
    region: Opt[ShortText] = None


class Profile(ResumeModel):
    """An account on a social network."""

    network: Opt[ShortText] = None
    username: Opt[ShortText] = None
    url: Opt[Url] = None


class Basics(ResumeModel):
    """Who the person is and how to reach them."""

    name: Opt[ShortText] = None
    label: Opt[ShortText] = None
    image: Opt[Url] = None
    email: Opt[Email] = None
    phone: Opt[ShortText] = None
    url: Opt[Url] = None
    summary: Opt[LongText] = None
    location: Opt[Location] = None
    profiles: Opt[Section[Profile]] = None


class Meta(ResumeModel):
    """Schema version and tooling data."""

    canonical: Opt[Url] = None
    version: Opt[ShortText] = None
    # The schema types this as a plain string, so no date pattern is applied.
    last_modified: Opt[ShortText] = None


# Field order follows the schema: it is the order dump_resume writes known keys in.


class Work(ResumeModel):
    """A job."""

    name: Opt[ShortText] = None
    location: Opt[ShortText] = None
    description: Opt[LongText] = None
    position: Opt[ShortText] = None
    url: Opt[Url] = None
    start_date: Opt[Date] = None
    end_date: Opt[Date] = None
    summary: Opt[LongText] = None
    highlights: Opt[Highlights] = None


class Volunteer(ResumeModel):
    """A volunteering role."""

    organization: Opt[ShortText] = None
    position: Opt[ShortText] = None
    url: Opt[Url] = None
    start_date: Opt[Date] = None
    end_date: Opt[Date] = None
    summary: Opt[LongText] = None
    highlights: Opt[Highlights] = None


class Education(ResumeModel):
    """A course of study."""

    institution: Opt[ShortText] = None
    url: Opt[Url] = None
    area: Opt[ShortText] = None
    study_type: Opt[ShortText] = None
    start_date: Opt[Date] = None
    end_date: Opt[Date] = None
    score: Opt[ShortText] = None
    courses: Opt[Keywords] = None


class Award(ResumeModel):
    """An award received."""

    title: Opt[ShortText] = None
    date: Opt[Date] = None
    awarder: Opt[ShortText] = None
    summary: Opt[LongText] = None


class Certificate(ResumeModel):
    """A certificate earned."""

    name: Opt[ShortText] = None
    date: Opt[Date] = None
    url: Opt[Url] = None
    issuer: Opt[ShortText] = None


class Publication(ResumeModel):
    """A published work."""

    name: Opt[ShortText] = None
    publisher: Opt[ShortText] = None
    release_date: Opt[Date] = None
    url: Opt[Url] = None
    summary: Opt[LongText] = None


class Skill(ResumeModel):
    """A skill and its keywords."""

    name: Opt[ShortText] = None
    level: Opt[ShortText] = None
    keywords: Opt[Keywords] = None


class Language(ResumeModel):
    """A spoken language."""

    language: Opt[ShortText] = None
    fluency: Opt[ShortText] = None


class Interest(ResumeModel):
    """An interest and its keywords."""

    name: Opt[ShortText] = None
    keywords: Opt[Keywords] = None


class Reference(ResumeModel):
    """A reference from someone."""

    name: Opt[ShortText] = None
    reference: Opt[LongText] = None


class Project(ResumeModel):
    """A project worked on."""

    name: Opt[ShortText] = None
    description: Opt[LongText] = None
    highlights: Opt[Highlights] = None
    keywords: Opt[Keywords] = None
    start_date: Opt[Date] = None
    end_date: Opt[Date] = None
    url: Opt[Url] = None
    roles: Opt[Keywords] = None
    entity: Opt[ShortText] = None
    type: Opt[ShortText] = None


class CustomEntry(ResumeModel):
    """An entry of a section the person named themselves: a patent, an exhibition..."""

    name: Opt[ShortText] = None
    subtitle: Opt[ShortText] = None
    location: Opt[ShortText] = None
    start_date: Opt[Date] = None
    end_date: Opt[Date] = None
    url: Opt[Url] = None
    summary: Opt[LongText] = None
    highlights: Opt[Highlights] = None


class CustomSection(ResumeModel):
    """A section of the person's own (an extension of the standard: `customSections`)."""

    id: CustomId
    title: CustomTitle
    items: Section[CustomEntry] = Field(default_factory=list)
