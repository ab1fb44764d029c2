"""A resume as the parts its printed page shows, in order: the one thing every file format
writes (Word, Markdown, plain text).

It follows the built-in templates' shared macros (`templates/builtin/_sections.html`) field for
field: the same sections in the design's order (hidden and empty ones left out), the same
headings in the resume's language (`resumate.rendering.words`), dates as the page prints them
(`resumate.rendering.dates`), the same fallbacks for keys of older files (`company`, `website`,
`gpa`, ...). Like a template, it reads the stored data as it is: a value of an unexpected kind
is left out, never an error.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from resumate.document.theme import CUSTOM_PREFIX
from resumate.rendering.dates import date_range, month_year
from resumate.rendering.environment import display_url, safe_url
from resumate.rendering.page_style import PageStyle, custom_sections, resolve
from resumate.rendering.words import RESUME, headings, translate
from resumate.transfer.export.spans import Span, Text, blocks, clean, linked, marked, plain


@dataclass(frozen=True, slots=True)
class Entry:
    """A job, school, award, project...: its header, details, text and bullets."""

    title: str = ""
    org: str = ""
    dates: str = ""
    place: str = ""
    details: tuple[Text, ...] = ()  # a description, a score, links: one line, apart
    text: tuple[Text, ...] = ()  # paragraphs
    bullets: tuple[Text, ...] = ()
    keywords: str = ""

    @property
    def heading(self) -> str:
        """ "Senior Designer, Northwind Health", as templates join the title and organisation."""
        return ", ".join(part for part in (self.title, self.org) if part)

    @property
    def when(self) -> str:
        """The dates and the place: "Mar 2021 - Present · London"."""
        return " · ".join(part for part in (self.dates, self.place) if part)


@dataclass(frozen=True, slots=True)
class Item:
    """A skill, language or interest: a name, a level, keywords."""

    name: str = ""
    level: str = ""
    keywords: str = ""


@dataclass(frozen=True, slots=True)
class Quote:
    """A reference: what the referee said, and who they are."""

    text: tuple[Text, ...] = ()
    name: str = ""


Part = Text | Entry | Item | Quote


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    heading: str
    parts: tuple[Part, ...]


@dataclass(frozen=True, slots=True)
class Outline:
    name: str
    label: str
    contact: tuple[Text, ...]
    sections: tuple[Section, ...]
    style: PageStyle
    title: str = ""  # the document's title: "Ada Lovelace — Resume"


def outline(data: dict[str, Any], theme: dict[str, Any], defaults: dict[str, Any]) -> Outline:
    """The resume's printed parts, in the design (template defaults and theme) it has."""
    style = resolve(theme, defaults, data)
    basics = _mapping(data.get("basics"))
    name, kind = _text(basics.get("name")), translate(RESUME, style.language)
    titles = headings(style.language) | dict(style.section_titles)
    sections = tuple(
        custom(data, key, style)
        if key.startswith(CUSTOM_PREFIX)
        else Section(key, titles[key], tuple(SECTIONS[key](data, style)))
        for key in style.visible_sections(data)
    )
    return Outline(
        name=name,
        label=_text(basics.get("label")),
        contact=tuple(text for text in contact(basics) if text),
        sections=tuple(section for section in sections if section.parts),
        style=style,
        title=f"{name} — {kind}" if name else kind,
    )


def contact(basics: dict[str, Any]) -> list[Text]:
    """E-mail, phone, site, place, then each profile: what the masthead lists."""
    email = _text(basics.get("email"))
    items = [linked(email, f"mailto:{email}") if email else ()]
    items.append(plain(basics.get("phone")))
    items.append(link(_first(basics, "url", "website")))
    items.append(plain(place(basics.get("location"))))
    for profile in _entries(basics.get("profiles")):
        network, url = _text(profile.get("network")), _first(profile, "url")
        username = _text(profile.get("username"))
        shown = [*plain(network)]
        if username and username not in display_url(url):
            shown += plain(username)
        shown += link(url)
        items.append(_spaced(shown))
    return items


def place(value: object) -> str:
    """Where the person lives, on one line; a location some files give as one string too."""
    if isinstance(value, str):
        return _text(value)
    found = _mapping(value)
    keys = ("address", "city", "region", "postalCode", "countryCode")
    return ", ".join(text for key in keys if (text := _text(found.get(key))))


def link(address: str, label: str = "") -> Text:
    """An address as the page shows it: linked when safe to follow, else as written."""
    if not address:
        return ()
    target = safe_url(address)
    return linked(label or display_url(address), target) if target else plain(label or address)


def custom(data: dict[str, Any], key: str, style: PageStyle) -> Section:
    """A section the person named themselves, under their own heading."""
    found = custom_sections(data).get(key.removeprefix(CUSTOM_PREFIX), {})
    parts = [
        _entry(
            c.get("name"),
            c.get("subtitle"),
            _dates(style, c.get("startDate"), c.get("endDate")),
            c.get("location"),
            _text(c.get("url")),
            c.get("summary"),
            c.get("highlights"),
        )
        for c in _entries(found.get("items"))
    ]
    return Section(key, _text(found.get("title")), tuple(parts))


def summary(data: dict[str, Any], style: PageStyle) -> list[Part]:
    return list(blocks(_mapping(data.get("basics")).get("summary")))


def work(data: dict[str, Any], style: PageStyle) -> list[Part]:
    return [
        _entry(
            w.get("position"),
            _first(w, "name", "company"),
            _dates(style, w.get("startDate"), w.get("endDate")),
            w.get("location"),
            _first(w, "url", "website"),
            w.get("summary"),
            w.get("highlights"),
            w.get("description"),
        )
        for w in _entries(data.get("work"))
    ]


def volunteer(data: dict[str, Any], style: PageStyle) -> list[Part]:
    return [
        _entry(
            v.get("position"),
            _first(v, "organization", "name", "company"),
            _dates(style, v.get("startDate"), v.get("endDate")),
            v.get("location"),
            _first(v, "url", "website"),
            v.get("summary"),
            v.get("highlights"),
        )
        for v in _entries(data.get("volunteer"))
    ]


def education(data: dict[str, Any], style: PageStyle) -> list[Part]:
    found: list[Part] = []
    for e in _entries(data.get("education")):
        degree = ", ".join(t for t in (_text(e.get("studyType")), _text(e.get("area"))) if t)
        details = [plain(_first(e, "score", "gpa")), link(_first(e, "url", "website"))]
        found.append(
            Entry(
                title=degree,
                org=_text(e.get("institution")),
                dates=_dates(style, e.get("startDate"), e.get("endDate")),
                place=_text(e.get("location")),
                details=tuple(detail for detail in details if detail),
                bullets=_bullets(e.get("courses")),
            )
        )
    return found


def awards(data: dict[str, Any], style: PageStyle) -> list[Part]:
    return [
        _entry(
            _first(a, "title", "name"),
            _first(a, "awarder", "issuer", "organization"),
            _dates(style, None, None, a.get("date")),
            None,
            _first(a, "url"),
            a.get("summary"),
        )
        for a in _entries(data.get("awards"))
    ]


def certificates(data: dict[str, Any], style: PageStyle) -> list[Part]:
    return [
        _entry(
            _first(c, "name", "title"),
            _first(c, "issuer", "authority"),
            _dates(style, None, None, c.get("date")),
            None,
            _first(c, "url", "website"),
        )
        for c in _entries(data.get("certificates"))
    ]


def publications(data: dict[str, Any], style: PageStyle) -> list[Part]:
    return [
        _entry(
            _first(p, "name", "title"),
            _first(p, "publisher"),
            _dates(style, None, None, _first(p, "releaseDate", "date")),
            None,
            _first(p, "url", "website"),
            p.get("summary"),
            None,
            _names(p.get("authors")),
        )
        for p in _entries(data.get("publications"))
    ]


def skills(data: dict[str, Any], style: PageStyle) -> list[Part]:
    return [
        Item(_text(s.get("name")), _text(s.get("level")), _keywords(s.get("keywords")))
        for s in _entries(data.get("skills"))
    ]


def languages(data: dict[str, Any], style: PageStyle) -> list[Part]:
    return [
        Item(_first(item, "language", "name"), _first(item, "fluency", "level"))
        for item in _entries(data.get("languages"))
    ]


def interests(data: dict[str, Any], style: PageStyle) -> list[Part]:
    return [
        Item(_text(i.get("name")), keywords=_keywords(i.get("keywords")))
        for i in _entries(data.get("interests"))
    ]


def references(data: dict[str, Any], style: PageStyle) -> list[Part]:
    return [
        Quote(tuple(blocks(r.get("reference"))), _text(r.get("name")))
        for r in _entries(data.get("references"))
    ]


def projects(data: dict[str, Any], style: PageStyle) -> list[Part]:
    found: list[Part] = []
    for p in _entries(data.get("projects")):
        roles = _keywords(p.get("roles"))
        about = " · ".join(t for t in (_text(p.get("type")), _text(p.get("entity")), roles) if t)
        details = [link(_first(p, "url", "website")), *_project_links(p.get("links"))]
        found.append(
            Entry(
                title=_text(p.get("name")),
                org=about,
                dates=_dates(style, p.get("startDate"), p.get("endDate")),
                details=tuple(detail for detail in details if detail),
                text=tuple(blocks(p.get("description"))),
                bullets=_bullets(p.get("highlights")),
                keywords=_keywords(p.get("keywords")),
            )
        )
    return found


SECTIONS: dict[str, Callable[[dict[str, Any], PageStyle], list[Part]]] = {
    "summary": summary,
    "work": work,
    "volunteer": volunteer,
    "education": education,
    "awards": awards,
    "certificates": certificates,
    "publications": publications,
    "skills": skills,
    "languages": languages,
    "interests": interests,
    "references": references,
    "projects": projects,
}


def _entry(
    title: object,
    org: object,
    dates: str,
    place: object,
    address: str,
    summary: object = None,
    highlights: object = None,
    extra: object = None,
) -> Entry:
    details = [marked(extra) if extra else (), link(address)]
    return Entry(
        title=_text(title),
        org=_text(org),
        dates=dates,
        place=_text(place),
        details=tuple(detail for detail in details if detail),
        text=tuple(blocks(summary)),
        bullets=_bullets(highlights),
    )


def _dates(style: PageStyle, start: object, end: object, single: object = None) -> str:
    """As the templates' `dates` macro: a range when either end is given, else the one date."""
    if start or end:
        return date_range(start, end, style.language, style.date_format)
    return month_year(single, style.language, style.date_format)


def _mapping(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _entries(value: object) -> list[dict[str, Any]]:
    """A section's entries that are objects with something in them, as templates skip the rest."""
    items = value if isinstance(value, list) else []
    return [entry for entry in items if isinstance(entry, dict) and entry]


def _text(value: object) -> str:
    return " ".join(clean(value).split())


def _first(entry: dict[str, Any], *keys: str) -> str:
    """The first of these keys with a value: today's name for a field, then older ones."""
    return next((text for key in keys if (text := _text(entry.get(key)))), "")


def _keywords(value: object) -> str:
    return ", ".join(t for item in value if (t := _text(item))) if isinstance(value, list) else ""


def _names(value: object) -> str:
    return _text(value) if isinstance(value, str) else _keywords(value)


def _bullets(value: object) -> tuple[Text, ...]:
    items = value if isinstance(value, list) else []
    return tuple(found for item in items if item and (found := marked(item)))


def _project_links(value: object) -> list[Text]:
    found: list[Text] = []
    for item in value if isinstance(value, list) else []:
        if isinstance(item, str):
            found.append(link(_text(item)))
        elif isinstance(item, dict) and isinstance(item.get("url"), str):
            label = _first(item, "name", "label", "title")
            found.append(link(_text(item["url"]), label))
    return found


def _spaced(spans: list[Span]) -> Text:
    """Runs with a space between each."""
    joined: list[Span] = []
    for span in spans:
        joined += [Span(" "), span] if joined else [span]
    return tuple(joined)
