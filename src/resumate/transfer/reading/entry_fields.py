"""What each kind of entry takes from its header's pieces, its text and its bullets.

The header's pieces (`resumate.transfer.reading.pieces`) fill an entry's fields by what they
are: dates by their form, a link by its form, a school by the words schools have, a job title
by the words titles have (`resumate.transfer.reading.words`), the rest in the order templates
print them. A field placed by order alone is less sure than one placed by its form.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from resumate.transfer.reading.lines import Line
from resumate.transfer.reading.pieces import Piece
from resumate.transfer.reading.prose import marked, paragraph_text, rejoin
from resumate.transfer.reading.words import is_degree, is_institution, is_title, split_degree

SURE, LIKELY, GUESSED = 0.95, 0.8, 0.55
SIGNATURE = ("— ", "– ")
# The label in front of a project's list: "Technologies: ", "Roles: ".
LABEL = re.compile(r"([^\W\d][\w ]{0,24}):\s+")
ROLE_LABELS = ("roles", "role")


@dataclass(slots=True)
class Entry:
    """An entry's lines by their part: header, text, bullets."""

    header: list[Line] = field(default_factory=list)
    text: list[Line] = field(default_factory=list)
    bullets: list[list[Line]] = field(default_factory=list)
    after: list[Line] = field(default_factory=list)  # below the bullets: a project's keywords


def signs(line: Line) -> bool:
    """A reference's signature under its quote: "— Ada Lovelace", or a short name in bold."""
    text = line.text.strip()
    return text.startswith(SIGNATURE) or (line.bold and len(text) <= 60 and not text.endswith("."))


def texts(pieces: list[Piece]) -> list[Piece]:
    return [piece for piece in pieces if piece.kind == "text"]


def dates(pieces: list[Piece]) -> tuple[str | None, str | None, bool]:
    """The entry's start and end, and whether a single date was all it had."""
    for piece in pieces:
        if piece.kind == "range":
            return piece.start, piece.end, False
    single = next((piece.start for piece in pieces if piece.kind == "date"), None)
    return single, None, single is not None


def first_url(pieces: list[Piece]) -> str | None:
    return next((piece.text for piece in pieces if piece.kind == "url"), None)


def bullets_text(entry: Entry) -> list[str]:
    return [rejoin([marked(line) for line in lines]) for lines in entry.bullets]


def listed(lines: list[Line]) -> list[str]:
    """Items printed on a line between separators: "SQL; Java", "SQL · Java"."""
    items = [item for line in lines for item in re.split(r"\s*(?:;|\t|\s·\s)\s*", line.text)]
    return [item.strip() for item in items if item.strip()]


def own_line_place(pieces: list[Piece], taken: list[Piece]) -> Piece | None:
    """A short line of its own under the title, no title in it: "Prague"."""
    rest = [p for p in texts(pieces) if p not in taken and p.line > 0]
    if rest and len(rest[0].text.split()) <= 3 and not is_title(rest[0].text):
        return rest[0]
    return None


def place_of(pieces: list[Piece], taken: list[Piece]) -> Piece | None:
    """The piece that is the entry's place: set aside, after the dates, not otherwise taken."""
    rest = [p for p in texts(pieces) if p not in taken and (p.after_date or p.aside)]
    return rest[0] if rest else None


JOINS = re.compile(r",\s+|\s+(?:at|@|bei|chez|en)\s+|\s+[—–]\s+")


def joined_split(words: list[Piece]) -> list[Piece]:
    """A header's first text split where it joins two ("Engineer, Acme", "Engineer at Acme")."""
    if not words or words[0].line != 0 or (len(words) > 1 and words[1].line == 0):
        return words
    parts = JOINS.split(words[0].text, maxsplit=1)
    if len(parts) != 2:
        return words
    first = words[0]
    second = Piece(parts[1], "text", False, first.aside, first.line, after_date=first.after_date)
    return [Piece(parts[0], "text", first.bold, first.aside, first.line), second, *words[1:]]


def title_and_organisation(words: list[Piece]) -> tuple[Piece | None, Piece | None, float]:
    """A job's title and its employer, in whichever order the header gives them."""
    if not words:
        return None, None, GUESSED
    if len(words) == 1:
        return (words[0], None, LIKELY) if is_title(words[0].text) else (None, words[0], GUESSED)
    first, second = words[0], words[1]
    if is_title(second.text) and not is_title(first.text):
        return second, first, SURE
    return first, second, SURE if is_title(first.text) else LIKELY


def across(words: list[Piece]) -> list[Piece]:
    """Texts in a right-hand cell while two lines start with a text: the place across from the
    employer, as tables set "Acme · Berlin" over "Engineer · 2020-2022"."""
    if len({p.line for p in words if not p.aside}) < 2:
        return []
    return [p for p in words if p.beside]


Filled = tuple[dict[str, Any], dict[str, float]]


def fill_work(pieces: list[Piece], entry: Entry, body: float) -> Filled:
    words = joined_split(texts(pieces))
    aside = across(words)
    heads = [p for p in words if not p.after_date and p not in aside]
    title, organisation, certainty = title_and_organisation(heads)
    start, end, _ = dates(pieces)
    taken = [p for p in (title, organisation) if p]
    place = place_of(words, taken) or own_line_place(words, taken)
    extra = [p for p in words if p not in (title, organisation, place)]
    item = {
        "position": title.text if title else None,
        "name": organisation.text if organisation else None,
        "location": place.text if place else None,
        "description": extra[0].text if extra else None,
        "url": first_url(pieces),
        "startDate": start,
        "endDate": end,
        "summary": paragraph_text([*entry.text, *entry.after], body),
        "highlights": bullets_text(entry),
    }
    return item, {"position": certainty, "name": certainty, "location": LIKELY}


def fill_volunteer(pieces: list[Piece], entry: Entry, body: float) -> Filled:
    item, sure = fill_work(pieces, entry, body)
    item["organization"] = item.pop("name")
    item.pop("location")
    item.pop("description")
    return item, {"organization": sure["name"], "position": sure["position"]}


def fill_education(pieces: list[Piece], entry: Entry, body: float) -> Filled:
    words = texts(pieces)
    if not any(is_institution(p.text) for p in words[1:]):  # "MSc in Physics, ETH Zürich"
        words = joined_split(words)
    school = next((p for p in words if is_institution(p.text)), None)
    degree = next((p for p in words if p is not school and (is_degree(p.text) or p.bold)), None)
    if school is None:
        school = next((p for p in words if p is not degree), None)
    if degree is None:
        degree = next((p for p in words if p not in (school,)), None)
    if school is not None and ", " in school.text and degree is not None:
        # "M.Sc. Informatik, Technische Universität Berlin": the subject rode with the school.
        subject, _, place = school.text.rpartition(", ")
        if is_institution(place) and not is_institution(subject):
            school = Piece(place, "text", school.bold, school.aside, school.line)
            degree = Piece(f"{degree.text}, {subject}", "text", degree.bold)
    start, end, single = dates(pieces)
    study, area = split_degree(degree.text) if degree else (None, None)
    rest = [p for p in words if p not in (school, degree)]
    item = {
        "institution": school.text if school else None,
        "studyType": study,
        "area": area,
        "score": rest[0].text if rest else None,
        "url": first_url(pieces),
        "startDate": None if single else start,
        "endDate": start if single else end,
        "courses": bullets_text(entry) or listed([*entry.text, *entry.after]),
    }
    sure = SURE if school and is_institution(school.text) else LIKELY
    return item, {"institution": sure, "studyType": LIKELY, "area": LIKELY, "score": GUESSED}


def named_entry(
    name_key: str, by_key: str, date_key: str, text_key: str
) -> Callable[[list[Piece], Entry, float], Filled]:
    """Awards, certificates and publications: a name, who gave it, a date, a link, a text."""

    def fill(pieces: list[Piece], entry: Entry, body: float) -> Filled:
        words = texts(pieces)
        start, _, _ = dates(pieces)
        item = {
            name_key: words[0].text if words else None,
            by_key: words[1].text if len(words) > 1 else None,
            date_key: start,
            "url": first_url(pieces),
            text_key: paragraph_text(entry.text, body) if text_key else None,
        }
        return item, {by_key: LIKELY}

    return fill


def labelled(lines: list[Line]) -> dict[str, list[str]]:
    """A project's lists under its text, by label: "Roles: Lead, Designer" holds roles, any other
    line ("Technologies: Go, SQL", "— Go, SQL") keywords."""
    found: dict[str, list[str]] = {"roles": [], "keywords": []}
    for line in lines:
        text = line.text.lstrip("—– ")
        label = LABEL.match(text)
        key = "roles" if label and label.group(1).casefold() in ROLE_LABELS else "keywords"
        text = text[label.end() :] if label else text
        found[key] += [word.strip() for word in text.split(", ") if word.strip()]
    return found


def fill_project(pieces: list[Piece], entry: Entry, body: float) -> Filled:
    words = texts(pieces)
    start, end, single = dates(pieces)
    listed = [line for line in entry.text if line.text.startswith(SIGNATURE)]
    lists = labelled([*listed, *entry.after])
    text = [line for line in entry.text if line not in listed]
    roles = [p.text for p in words[3:]] if len(words) > 3 else []
    item = {
        "name": words[0].text if words else None,
        "type": words[1].text if len(words) > 2 else None,
        "entity": words[2].text if len(words) > 2 else (words[1].text if len(words) == 2 else None),
        "roles": [role.strip() for text in roles for role in text.split(", ")] + lists["roles"],
        "url": first_url(pieces),
        "startDate": start,
        "endDate": start if single else end,
        "description": paragraph_text(text, body),
        "highlights": bullets_text(entry),
        "keywords": lists["keywords"],
    }
    return item, {"type": GUESSED, "entity": GUESSED, "roles": GUESSED}


def fill_reference(pieces: list[Piece], entry: Entry, body: float) -> Filled:
    bullets = [line for group in entry.bullets for line in group]
    lines = [*entry.header, *entry.text, *bullets, *entry.after]
    last = lines[-1] if len(lines) > 1 else None
    short = last is not None and len(last.text) <= 40 and not last.text.rstrip().endswith(".")
    signed = last if last is not None and (signs(last) or short) else None
    quote = [line for line in lines if line is not signed]
    item = {
        "name": signed.text.lstrip("—– ").strip() if signed else None,
        "reference": paragraph_text(quote, body).strip('“”"'),
    }
    return item, {"name": LIKELY if signed else GUESSED}


FILL: dict[str, Callable[[list[Piece], Entry, float], Filled]] = {
    "work": fill_work,
    "volunteer": fill_volunteer,
    "education": fill_education,
    "awards": named_entry("title", "awarder", "date", "summary"),
    "certificates": named_entry("name", "issuer", "date", ""),
    "publications": named_entry("name", "publisher", "releaseDate", "summary"),
    "projects": fill_project,
    "references": fill_reference,
}
