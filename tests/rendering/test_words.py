"""Every language's catalogue translates every printed word, and nothing else."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from resumate.document.language import DEFAULT_LANGUAGE, LANGUAGES, locale
from resumate.document.theme import SECTIONS
from resumate.rendering.words import (
    CONTACT,
    COVER_LETTER,
    DOMAIN,
    HEADINGS,
    LOCALES_DIR,
    PRESENT,
    RESUME,
    catalogue,
    headings,
    translate,
)

TRANSLATED = [language for language in LANGUAGES if language != DEFAULT_LANGUAGE]
MESSAGES = {*HEADINGS.values(), CONTACT, PRESENT, RESUME, COVER_LETTER}
# Words a language writes exactly as English does; anything else equal to English was left out.
SAME_AS_ENGLISH = {("fr", "Contact"), ("fr", "Publications"), ("nl", "Contact")}


def read(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, abort_invalid=True)


def test_the_template_lists_exactly_the_marked_messages() -> None:
    template = read(LOCALES_DIR / f"{DOMAIN}.pot")
    assert {message.id for message in template if message.id} == MESSAGES


def test_the_template_is_what_pybabel_extracts_today(tmp_path: Path) -> None:
    extracted = tmp_path / "resume.pot"
    words = Path(sys.modules[translate.__module__].__file__ or "")
    pybabel = Path(sys.executable).with_name("pybabel")
    command = [str(pybabel), "extract", "--no-location", "-c", "TRANSLATORS:", "-o"]
    subprocess.run([*command, str(extracted), str(words)], check=True, capture_output=True)
    fresh = {(m.id, tuple(m.auto_comments)) for m in read(extracted) if m.id}
    kept = {(m.id, tuple(m.auto_comments)) for m in read(LOCALES_DIR / f"{DOMAIN}.pot") if m.id}
    assert kept == fresh, "run `make messages`"


def test_every_catalogue_is_for_a_supported_language() -> None:
    folders = {path.parent.parent.name for path in LOCALES_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po")}
    assert folders == {str(locale(language)) for language in TRANSLATED}


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_is_translated(language: str) -> None:
    found = catalogue(language)
    assert found is not None
    assert {message.id for message in found if message.id} == MESSAGES
    untranslated = [m.id for m in found if m.id and (not m.string or m.fuzzy)]
    assert untranslated == []
    english = [m.id for m in found if m.id and m.string == m.id]
    assert [m for m in english if (language, m) not in SAME_AS_ENGLISH] == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_are_plain_words(language: str) -> None:
    """A heading prints as given: no markup, no placeholder, no stray space."""
    found = catalogue(language)
    assert found is not None
    for message in found:
        text = str(message.string)
        if message.id:
            assert text == text.strip(), text
            assert not set(text) & set("<>{}%\n"), text


def test_headings_name_every_section_and_the_contact_block() -> None:
    assert set(headings("en")) == {*SECTIONS, "contact"}
    assert headings("en")["work"] == "Experience"


@pytest.mark.parametrize(
    ("language", "work", "present"),
    [
        ("de", "Berufserfahrung", "heute"),
        ("fr", "Expérience professionnelle", "aujourd’hui"),
        ("ja", "職務経歴", "現在"),
        ("ar", "الخبرة العملية", "حتى الآن"),
    ],
)
def test_words_are_read_from_the_language_catalogue(language: str, work: str, present: str) -> None:
    assert headings(language)["work"] == work
    assert translate(PRESENT, language) == present


def test_english_and_unknown_languages_print_the_messages() -> None:
    assert catalogue("en") is None
    assert translate(PRESENT, "en") == "Present"
    assert translate("Not a message", "de") == "Not a message"
