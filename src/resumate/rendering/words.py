"""The words a template prints besides the resume's own, in the resume's language.

CLDR has month names but no résumé headings, so headings, "Present" and the document's title
come from gettext catalogues: `locales/<locale>/LC_MESSAGES/resume.po`, kept with Babel's
`pybabel` (`make messages` extracts the messages marked `N_` here and updates every catalogue).
They are read with Babel at first use and cached, so installing needs no compile step.
English is the messages themselves.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from resumate.document.language import DEFAULT_LANGUAGE, locale
from resumate.document.theme import Section

LOCALES_DIR = Path(__file__).parent / "locales"
DOMAIN = "resume"


def N_(message: str) -> str:
    """Marks a message for `pybabel extract` (gettext's own name); it is translated where used."""
    return message


HEADINGS: dict[Section, str] = {
    # TRANSLATORS: heading of the résumé's opening paragraph about the person.
    "summary": N_("Summary"),
    # TRANSLATORS: heading of the jobs held (work experience).
    "work": N_("Experience"),
    # TRANSLATORS: heading of unpaid, volunteer roles.
    "volunteer": N_("Volunteering"),
    "education": N_("Education"),
    "awards": N_("Awards"),
    "certificates": N_("Certificates"),
    "publications": N_("Publications"),
    "skills": N_("Skills"),
    # TRANSLATORS: heading of the languages the person speaks.
    "languages": N_("Languages"),
    # TRANSLATORS: heading of hobbies and interests.
    "interests": N_("Interests"),
    # TRANSLATORS: heading of quotes from referees (people who recommend the person).
    "references": N_("References"),
    "projects": N_("Projects"),
}
# TRANSLATORS: heading of the phone, email and addresses, where a template gives them one.
CONTACT = N_("Contact")
# TRANSLATORS: the end of a date range still going on: "Mar 2021 - Present".
PRESENT = N_("Present")
# TRANSLATORS: the document's title, after the person's name: "Ada Lovelace — Resume".
RESUME = N_("Resume")
# TRANSLATORS: the title of a cover letter printed in the résumé's design:
# "Ada Lovelace — Cover letter".
COVER_LETTER = N_("Cover letter")


@cache
def catalogue(language: str) -> Catalog | None:
    """The language's catalogue, read once; None for English and for a language without one."""
    if language == DEFAULT_LANGUAGE:
        return None
    path = LOCALES_DIR / str(locale(language)) / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not path.is_file():
        return None
    with path.open("rb") as file:
        return read_po(file, locale=locale(language), domain=DOMAIN)


def translate(message: str, language: str) -> str:
    """The message in the language; the English message where the catalogue has no words."""
    found = catalogue(language)
    entry = found.get(message) if found is not None else None
    text = entry.string if entry is not None and not entry.fuzzy else None
    return text if isinstance(text, str) and text else message


def headings(language: str) -> dict[str, str]:
    """What templates title each section (and the contact block) in the resume's language."""
    titles = {section: translate(text, language) for section, text in HEADINGS.items()}
    return titles | {"contact": translate(CONTACT, language)}
