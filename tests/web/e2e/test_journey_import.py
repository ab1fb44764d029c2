"""Importing a file: the editor says what was repaired, left out or is to be checked, until
dismissed; a resume in text is read into its fields."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import FilePayload, Page, expect

from tests.transfer.resume_files import TEXT_RESUME
from tests.web.e2e.helpers import look, signed_up

CORPUS = Path(__file__).resolve().parents[2] / "transfer" / "corpus"
EDITOR_URL = re.compile(r"/resumes/[0-9a-f-]{36}/edit$")


def imported(page: Page, name: str | FilePayload) -> None:
    """Import a file (of the corpus, by name) through the dashboard's dialog; the editor opens."""
    page.get_by_role("button", name="Import", exact=True).click()
    dialog = page.get_by_role("dialog", name="Import a resume")
    dialog.get_by_label("File").set_input_files(CORPUS / name if isinstance(name, str) else name)
    dialog.get_by_role("button", name="Import").click()
    expect(page).to_have_url(EDITOR_URL)


def test_the_editor_lists_what_the_import_changed_until_dismissed(any_page: Page) -> None:
    page = any_page
    signed_up(page)
    imported(page, "your-email.json")

    notes = page.get_by_role("region", name="Check what the import changed")
    expect(notes).to_be_visible()
    items = notes.get_by_role("listitem")
    expect(items).to_have_count(3)
    expect(items.nth(0)).to_contain_text("Personal details · Email")
    expect(items.nth(0)).to_contain_text("basics.email")
    expect(items.nth(0)).to_contain_text("your@email")
    expect(items.nth(0)).to_contain_text("Left out: a placeholder, not an e-mail address.")
    expect(items.nth(2)).to_contain_text("Work experience 1 · End date")
    expect(items.nth(2)).to_contain_text("Read as ongoing: no end date.")
    # What was kept is in the form, ready to fix.
    expect(page.get_by_label("Full name")).to_have_value("Priya Sharma")
    expect(page.get_by_label("Email")).to_have_value("")
    look(page, "editor-import-notes", full_page=False)

    notes.get_by_role("button", name="Dismiss").click()
    expect(notes).to_be_hidden()
    page.reload()
    expect(page.get_by_label("Full name")).to_have_value("Priya Sharma")
    expect(page.get_by_role("region", name="Check what the import changed")).to_have_count(0)


def test_many_notes_scroll_inside_the_notice_and_the_form_stays_reachable(any_page: Page) -> None:
    page = any_page
    signed_up(page)
    imported(page, "en-present-apostrophe.json")
    notes = page.get_by_role("region", name="Check what the import changed")
    expect(notes.get_by_role("listitem")).to_have_count(9)
    look(page, "editor-import-many-notes", full_page=False)
    # The notice never pushes the form out of reach: its list scrolls on its own.
    box = notes.bounding_box()
    viewport = page.viewport_size
    assert box is not None
    assert viewport is not None
    assert box["height"] < viewport["height"]
    page.get_by_label("Full name").scroll_into_view_if_needed()
    expect(page.get_by_label("Full name")).to_have_value("Dana Whitfield")


def test_a_text_resume_is_read_into_the_editor(page: Page) -> None:
    signed_up(page)
    markdown = FilePayload(name="cv.md", mimeType="text/markdown", buffer=TEXT_RESUME.encode())
    imported(page, markdown)
    expect(page.get_by_label("Full name")).to_have_value("Ada Lovelace")
    expect(page.get_by_label("Email")).to_have_value("ada@example.com")
