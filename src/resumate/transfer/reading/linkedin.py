"""LinkedIn's data export ("Get a copy of your data"), a ZIP of CSV files, read as a JSON Resume.

Each file LinkedIn documents maps to one part of the document: Profile.csv, Email Addresses.csv
and PhoneNumbers.csv to `basics`, Positions.csv to `work`, and so on. Every value comes from a
cell as written, only stripped; a cell that cannot be kept (a date no one can read, a text
longer than its field) is left out and named in a warning, and so is a column that has no field
in JSON Resume (a birth date, a license number) when it holds anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from resumate.document.countries import country_code
from resumate.transfer.contacts import email_problem, tidied
from resumate.transfer.reading import limits
from resumate.transfer.reading.linkedin_csv import (
    MARKERS,
    WHAT,
    Export,
    Row,
    csv_members,
    listed,
    pruned,
    shown,
)

# The columns LinkedIn documents for each file.
PROFILE = ("First Name", "Last Name", "Address", "Headline", "Summary", "Zip Code",
           "Geo Location", "Twitter Handles", "Websites")  # fmt: skip
PROFILE_UNPLACED = ("Maiden Name", "Birth Date", "Industry", "Instant Messengers")
# Not in every export: the person's own profile link, when LinkedIn writes it.
PROFILE_URLS = ("Profile URL", "Public Profile URL")
EMAILS = ("Email Address", "Confirmed", "Primary", "Updated On")
PHONES = ("Extension", "Number", "Type")
POSITIONS = ("Company Name", "Title", "Description", "Location", "Started On", "Finished On")
EDUCATION = ("School Name", "Start Date", "End Date", "Degree Name")
SKILLS = ("Name",)
LANGUAGE_COLUMNS = ("Name", "Proficiency")
CERTIFICATIONS = ("Name", "Url", "Authority", "Started On")
PROJECTS = ("Title", "Description", "Url", "Started On", "Finished On")
HONORS = ("Title", "Description", "Issued On")
PUBLICATIONS = ("Name", "Published On", "Description", "Publisher", "Url")
VOLUNTEERING = ("Company Name", "Role", "Started On", "Finished On", "Description")
# Those of them no JSON Resume field holds, named in a warning when they hold anything.
EDUCATION_UNPLACED = ("Notes", "Activities")
CERTIFICATIONS_UNPLACED = ("Finished On", "License Number")
VOLUNTEERING_UNPLACED = ("Cause",)

# Chinese, Japanese and Korean script: such names are written family name first, unspaced.
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+")
# A website as LinkedIn lists it: "PERSONAL:https://ada.dev", perhaps in brackets.
TYPED_LINK = re.compile(r"^([A-Za-z_]+):(?!//)\s*(.+)$")
LINKEDIN_USER = re.compile(r"linkedin\.com/in/([^/?#\s]+)", re.IGNORECASE)
YES = frozenset({"yes", "true"})
# A degree's short form, which is no field of study: "BA", "Ph.D.", "M.Sc.".
DEGREE_ABBREVIATION = re.compile(r"^[\w.()-]{1,8}$")


@dataclass
class LinkedInResume:
    """The JSON Resume document an export holds, and what of it could not be kept."""

    document: dict[str, Any]
    warnings: list[str]


def is_linkedin_export(data: bytes) -> bool:
    """Whether the bytes are a ZIP holding a Profile.csv or Positions.csv, in any folder."""
    if not data.startswith(b"PK"):
        return False
    try:
        with limits.open_zip(data, WHAT) as archive:
            return bool(MARKERS & csv_members(archive).keys())
    except limits.Unreadable:
        return False


def read_linkedin(data: bytes) -> LinkedInResume:
    """The resume a LinkedIn data export holds; raises `limits.Unreadable` when it is none."""
    with limits.open_zip(data, WHAT) as archive:
        export = Export(archive)
        document = {
            "basics": _basics(export),
            "work": export.entries("Positions.csv", POSITIONS, _work),
            "volunteer": export.entries(
                "Volunteering.csv", VOLUNTEERING, _volunteer, VOLUNTEERING_UNPLACED
            ),
            "education": export.entries("Education.csv", EDUCATION, _education, EDUCATION_UNPLACED),
            "awards": export.entries("Honors.csv", HONORS, _award),
            "certificates": export.entries(
                "Certifications.csv", CERTIFICATIONS, _certificate, CERTIFICATIONS_UNPLACED
            ),
            "publications": export.entries("Publications.csv", PUBLICATIONS, _publication),
            "skills": export.entries("Skills.csv", SKILLS, _skill),
            "languages": export.entries("Languages.csv", LANGUAGE_COLUMNS, _language),
            "projects": export.entries("Projects.csv", PROJECTS, _project),
        }
    return LinkedInResume(pruned(document), export.warnings)


def _basics(export: Export) -> dict[str, Any]:
    profiles = export.rows("Profile.csv", (*PROFILE, *PROFILE_URLS), PROFILE_UNPLACED)
    row = profiles[0] if profiles else Row("Profile.csv", {}, export.warnings)
    return {
        "name": row.fit(_name(row.get("First Name"), row.get("Last Name")), "name"),
        "label": row.text("Headline"),
        "email": _email(export),
        "phone": _phone(export),
        "url": _website(row),
        "summary": row.long_text("Summary") or _profile_summary(export),
        "location": _location(row),
        "profiles": _profiles(row),
    }


def _name(first: str, last: str) -> str:
    if first and last and CJK.fullmatch(first + last):
        return last + first
    return " ".join(part for part in (first, last) if part)


def _profile_summary(export: Export) -> str | None:
    rows = export.rows("Profile Summary.csv", ("Profile Summary",))
    return rows[0].long_text("Profile Summary") if rows else None


def _location(row: Row) -> dict[str, Any]:
    parts = [part.strip() for part in (row.text("Geo Location") or "").split(",") if part.strip()]
    country = country_code(parts[-1]) if parts else None
    if country:
        parts.pop()
    return {
        "address": row.text("Address"),
        "postalCode": row.text("Zip Code"),
        "city": parts[0] if parts else None,
        "countryCode": country,
        "region": ", ".join(parts[1:]),
    }


def _website(row: Row) -> str | None:
    """The personal website first, else the first listed; the others are named in a warning."""
    links = []
    for item in row.items("Websites"):
        typed = TYPED_LINK.match(item)
        links.append((typed[1].upper(), typed[2].strip()) if typed else ("", item))
    links.sort(key=lambda link: link[0] != "PERSONAL")
    kept = [link for _, written in links if (link := row.checked_link(written, "website"))]
    if len(kept) > 1:
        row.warn(f"a resume holds one website; kept {kept[0]}, left out {listed(kept[1:])}.")
    return kept[0] if kept else None


def _profiles(row: Row) -> list[dict[str, Any]]:
    profiles: list[dict[str, Any]] = []
    written = next((row.get(column) for column in PROFILE_URLS if row.get(column)), "")
    if link := row.checked_link(written, "profile link"):
        user = LINKEDIN_USER.search(link)
        profiles.append({"network": "LinkedIn", "username": user and user[1], "url": link})
    for handle in row.items("Twitter Handles"):
        profiles.append({"network": "Twitter", "username": row.fit(handle, "Twitter handle")})
    return profiles


def _email(export: Export) -> str | None:
    """The primary address, else a confirmed one, else the first; the others named in a warning."""
    rows = export.rows("Email Addresses.csv", EMAILS)
    usable = [(row, address) for row in rows if (address := _address(row))]
    usable.sort(key=lambda pair: (not _yes(pair[0], "Primary"), not _yes(pair[0], "Confirmed")))
    addresses = [address for _, address in usable]
    if len(addresses) > 1:
        export.warnings.append(
            "Email Addresses.csv: a resume holds one e-mail address; "
            f"kept {addresses[0]}, left out {listed(addresses[1:])}."
        )
    return addresses[0] if addresses else None


def _yes(row: Row, column: str) -> bool:
    return row.get(column).casefold() in YES


def _address(row: Row) -> str | None:
    address = tidied(row.get("Email Address"))
    problem = email_problem(address) if address else None
    if address and not problem and address.count("@") != 1:
        problem = "not an e-mail address"
    if problem:
        row.warn(f"the e-mail address {shown(address)} is {problem}; left out.")
        return None
    return row.fit(address, "e-mail address")


def _phone(export: Export) -> str | None:
    """The first number, with its extension; the others named in a warning."""
    numbers = []
    for row in export.rows("PhoneNumbers.csv", PHONES):
        number, extension = row.get("Number"), row.get("Extension")
        written = f"{number} ext. {extension}" if number and extension else number
        if kept := row.fit(written, "phone number"):
            numbers.append(kept)
    if len(numbers) > 1:
        export.warnings.append(
            f"PhoneNumbers.csv: a resume holds one phone number; kept {numbers[0]}, "
            f"left out {listed(numbers[1:])}."
        )
    return numbers[0] if numbers else None


def _work(row: Row) -> dict[str, Any]:
    return {
        "name": row.text("Company Name"),
        "location": row.text("Location"),
        "position": row.text("Title"),
        "startDate": row.date("Started On"),
        "endDate": row.date("Finished On"),
        **row.described("Description", "summary"),
    }


def _volunteer(row: Row) -> dict[str, Any]:
    return {
        "organization": row.text("Company Name"),
        "position": row.text("Role"),
        "startDate": row.date("Started On"),
        "endDate": row.date("Finished On"),
        **row.described("Description", "summary"),
    }


def _education(row: Row) -> dict[str, Any]:
    return {
        "institution": row.text("School Name"),
        **degree_parts(row.text("Degree Name")),
        "startDate": row.date("Start Date"),
        "endDate": row.date("End Date"),
    }


def degree_parts(degree: str | None) -> dict[str, str]:
    """ "Master of Science in Physics" or "MSc, Physics" as degree and field, when that is clear."""
    if not degree:
        return {}
    by_in, by_comma = degree.split(" in "), degree.split(",")
    if len(by_in) == 2 and len(by_comma) == 1:
        study, area = by_in
    elif len(by_comma) == 2 and len(by_in) == 1:
        study, area = by_comma
    else:
        return {"studyType": degree}
    study, area = study.strip(), area.strip()
    abbreviation = DEGREE_ABBREVIATION.match(area) and (area.isupper() or "." in area)
    if not study or not area or abbreviation:
        return {"studyType": degree}
    return {"area": area, "studyType": study}


def _award(row: Row) -> dict[str, Any]:
    return {
        "title": row.text("Title"),
        "date": row.date("Issued On"),
        "summary": row.long_text("Description"),
    }


def _certificate(row: Row) -> dict[str, Any]:
    return {
        "name": row.text("Name"),
        "date": row.date("Started On"),
        "url": row.link("Url"),
        "issuer": row.text("Authority"),
    }


def _publication(row: Row) -> dict[str, Any]:
    return {
        "name": row.text("Name"),
        "publisher": row.text("Publisher"),
        "releaseDate": row.date("Published On"),
        "url": row.link("Url"),
        "summary": row.long_text("Description"),
    }


def _skill(row: Row) -> dict[str, Any]:
    return {"name": row.text("Name")}


def _language(row: Row) -> dict[str, Any]:
    return {"language": row.text("Name"), "fluency": row.text("Proficiency")}


def _project(row: Row) -> dict[str, Any]:
    return {
        "name": row.text("Title"),
        **row.described("Description", "description"),
        "startDate": row.date("Started On"),
        "endDate": row.date("Finished On"),
        "url": row.link("Url"),
    }
