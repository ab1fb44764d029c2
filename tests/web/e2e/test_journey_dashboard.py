"""The dashboard: making, importing, renaming, copying and deleting resumes, and the trash."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import FilePayload, Locator, Page, expect

from tests.web.e2e.helpers import look, signed_up

SAMPLE = Path(__file__).resolve().parents[4] / "shared" / "jsonresume" / "sample.resume.json"
EDITOR_URL = re.compile(r"/resumes/[0-9a-f-]{36}/edit$")
EDITED = re.compile(r"Edited (just now|\d+ \w+ ago)")
EXAMPLE_NAME = "Maya Okafor"  # the person in "Example content"


def card(page: Page, title: str) -> Locator:
    heading = page.get_by_role("heading", name=title, exact=True)
    return page.locator(".resume-card").filter(has=heading)


def expect_image_loaded(image: Locator) -> None:
    """The picture arrived and decoded: a broken or missing one has no natural width."""
    handle = image.element_handle()
    image.page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=handle)


def resume_made(page: Page, title: str) -> None:
    """A resume made through the API (the dialog has a test of its own), then the dashboard."""
    csrf = next(c["value"] for c in page.context.cookies() if c["name"] == "resumate_csrf")
    answer = page.request.post(
        "/api/resumes", data={"title": title}, headers={"X-CSRF-Token": csrf}
    )
    assert answer.status == 201, answer.text()
    page.goto("/resumes")
    expect_image_loaded(card(page, title).locator(".card-thumb img"))


def json_file(name: str, content: bytes) -> FilePayload:
    return {"name": name, "mimeType": "application/json", "buffer": content}


def toast(page: Page, text: str) -> Locator:
    return page.locator("[data-toast]").filter(has_text=text)


def open_dialog(page: Page, button: str, heading: str) -> Locator:
    page.get_by_role("button", name=button, exact=True).click()
    dialog = page.get_by_role("dialog", name=heading)
    expect(dialog).to_be_visible()
    return dialog


# Empty, and the first resume ------------------------------------------------------------------


def test_a_new_account_sees_an_empty_dashboard_with_a_way_to_start(any_page: Page) -> None:
    signed_up(any_page)
    expect(any_page.get_by_role("heading", name="No resumes yet")).to_be_visible()
    expect(any_page.get_by_role("button", name="Create your first resume")).to_be_visible()
    look(any_page, "dashboard-empty")


def test_a_resume_made_in_the_dialog_opens_in_the_editor_and_shows_as_a_card(
    any_page: Page,
) -> None:
    page = any_page
    signed_up(page)
    dialog = open_dialog(page, "Create your first resume", "New resume")
    dialog.get_by_label("Title").fill("Product designer")
    dialog.locator(".template-choice").filter(has_text="Modern").click()
    expect(dialog.get_by_role("radio", name="Modern")).to_be_checked()
    dialog.get_by_text("Example content").click()
    for thumbnail in dialog.locator(".template-choice img").all():
        expect_image_loaded(thumbnail)
    look(page, "dashboard-new-dialog", full_page=False)
    dialog.get_by_role("button", name="Create resume").click()

    expect(page).to_have_url(EDITOR_URL)
    expect(page.get_by_label("Resume title")).to_have_value("Product designer")
    expect(page.get_by_label("Full name")).to_have_value(EXAMPLE_NAME)
    page.get_by_role("link", name="All resumes").click()

    shown = card(page, "Product designer")
    expect(shown).to_contain_text("Modern")
    expect(shown.locator(".card-meta")).to_have_text(re.compile(r"^Modern · " + EDITED.pattern))
    expect_image_loaded(shown.locator(".card-thumb img"))
    look(page, "dashboard")


# A card's actions -----------------------------------------------------------------------------


def test_renaming_in_place_with_the_keyboard(page: Page) -> None:
    signed_up(page)
    resume_made(page, "Draft")
    card(page, "Draft").get_by_role("button", name="Rename").focus()
    page.keyboard.press("Enter")
    title = page.get_by_label("New title for “Draft”")
    expect(title).to_be_focused()
    look(page, "dashboard-rename")
    title.press("ControlOrMeta+a")
    page.keyboard.type("Staff engineer")
    page.keyboard.press("Enter")
    expect(card(page, "Staff engineer")).to_be_visible()
    expect(card(page, "Draft")).to_have_count(0)
    expect(page.get_by_role("link", name="Staff engineer")).to_be_focused()


def test_a_blank_title_is_refused_next_to_the_field(page: Page) -> None:
    signed_up(page)
    resume_made(page, "Draft")
    card(page, "Draft").get_by_role("button", name="Rename").click()
    title = page.get_by_label("New title for “Draft”")
    # Focused once the form has settled in place: a person cannot type before that.
    expect(title).to_be_focused()
    title.fill("   ")
    title.press("Enter")
    expect(page.get_by_text("Give the resume a title.")).to_be_visible()
    expect(title).to_have_attribute("aria-invalid", "true")
    page.get_by_role("button", name="Cancel").click()
    expect(card(page, "Draft")).to_be_visible()


def test_duplicating_adds_a_second_card(page: Page) -> None:
    signed_up(page)
    resume_made(page, "Designer")
    card(page, "Designer").get_by_role("button", name="Duplicate").click()
    expect(page.locator(".resume-card")).to_have_count(2)
    expect(toast(page, "Made a copy: “Designer (copy)”.")).to_be_visible()
    copy = page.locator(".resume-card").nth(1)
    expect(copy.get_by_role("heading")).to_have_text("Designer (copy)")
    expect(copy.get_by_role("link", name="Designer (copy)")).to_be_focused()
    expect_image_loaded(copy.locator(".card-thumb img"))


def test_a_deleted_resume_comes_back_with_undo(page: Page) -> None:
    signed_up(page)
    resume_made(page, "Keep me")
    resume_made(page, "Delete me")
    card(page, "Delete me").get_by_role("button", name="Move to trash").click()
    expect(card(page, "Delete me")).to_have_count(0)
    moved = toast(page, "Moved “Delete me” to the trash.")
    expect(moved).to_be_visible()
    undo = moved.get_by_role("button", name="Undo")
    expect(undo).to_be_focused()
    look(page, "dashboard-deleted-toast")
    page.keyboard.press("Enter")
    expect(card(page, "Delete me")).to_be_visible()
    expect(card(page, "Keep me")).to_be_visible()
    expect(toast(page, "Restored “Delete me”.")).to_be_visible()
    expect(page.get_by_role("link", name="Delete me")).to_be_focused()


def test_deleting_the_last_resume_shows_the_empty_state_and_undo_still_works(page: Page) -> None:
    signed_up(page)
    resume_made(page, "Only one")
    card(page, "Only one").get_by_role("button", name="Move to trash").click()
    expect(page.get_by_role("heading", name="No resumes yet")).to_be_visible()
    page.get_by_role("button", name="Undo").click()
    expect(card(page, "Only one")).to_be_visible()


# The trash ------------------------------------------------------------------------------------


def test_a_resume_in_the_trash_can_be_restored(any_page: Page) -> None:
    page = any_page
    signed_up(page)
    resume_made(page, "Old resume")
    card(page, "Old resume").get_by_role("button", name="Move to trash").click()
    expect(card(page, "Old resume")).to_have_count(0)
    page.get_by_role("navigation", name="Resumes").get_by_role("link", name="Trash").click()

    item = page.locator(".trash-item").filter(has_text="Old resume")
    expect(item).to_contain_text(re.compile(r"Deleted just now · deleted for good on \d"))
    look(page, "trash")
    item.get_by_role("button", name="Restore").click()
    restored = toast(page, "Restored “Old resume”.")
    expect(restored.get_by_role("link", name="Open")).to_be_visible()
    expect(page.get_by_role("heading", name="The trash is empty")).to_be_visible()

    page.get_by_role("link", name="Back to my resumes").click()
    expect(card(page, "Old resume")).to_be_visible()


def test_deleting_for_good_and_emptying_the_trash_ask_first(page: Page) -> None:
    signed_up(page)
    for title in ("First", "Second", "Third"):
        resume_made(page, title)
        card(page, title).get_by_role("button", name="Move to trash").click()
        expect(card(page, title)).to_have_count(0)
    page.goto("/resumes/trash")
    expect(page.locator(".trash-item")).to_have_count(3)

    page.locator(".trash-item").filter(has_text="First").get_by_role(
        "button", name="Delete for good"
    ).click()
    confirm = page.get_by_role("dialog", name="Delete “First” for good?")
    expect(confirm.get_by_role("button", name="Keep it")).to_be_focused()
    look(page, "trash-delete-for-good", full_page=False)
    confirm.get_by_role("button", name="Delete for good").click()
    expect(toast(page, "Deleted “First” for good.")).to_be_visible()
    expect(page.locator(".trash-item")).to_have_count(2)

    page.get_by_role("button", name="Empty trash").click()
    confirm = page.get_by_role("dialog", name="Empty the trash?")
    expect(confirm).to_contain_text("2 resumes")
    look(page, "trash-empty-confirm", full_page=False)
    confirm.get_by_role("button", name="Empty trash").click()
    expect(page.get_by_role("heading", name="The trash is empty")).to_be_visible()
    expect(toast(page, "Deleted 2 resumes for good.")).to_be_visible()
    look(page, "trash-empty")
    page.get_by_role("link", name="Back to my resumes").click()
    expect(page.get_by_role("heading", name="No resumes yet")).to_be_visible()


# Importing ------------------------------------------------------------------------------------


def test_importing_a_json_resume_file_opens_it_in_the_editor(page: Page) -> None:
    signed_up(page)
    dialog = open_dialog(page, "Import", "Import a resume")
    look(page, "dashboard-import-dialog", full_page=False)
    dialog.get_by_label("File").set_input_files(SAMPLE)
    dialog.get_by_role("button", name="Import").click()

    expect(page).to_have_url(EDITOR_URL)
    name = json.loads(SAMPLE.read_text("utf-8"))["basics"]["name"]
    expect(page.get_by_label("Full name")).to_have_value(name)


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        (
            "not-json",
            b'{"basics": {"name": "Ada"},}',
            "This file is not valid JSON (line 1, column",
        ),
        (
            "not-an-object",
            b'[{"basics": {"name": "Ada"}}]',
            "This file is JSON, but not a JSON Resume: it must hold one object",
        ),
    ],
)
def test_a_broken_file_is_explained_in_the_dialog(
    page: Page, name: str, content: bytes, problem: str
) -> None:
    signed_up(page)
    dialog = open_dialog(page, "Import", "Import a resume")
    dialog.get_by_label("File").set_input_files(json_file(f"{name}.json", content))
    dialog.get_by_role("button", name="Import").click()

    expect(dialog.locator("#import-file-error")).to_contain_text(problem)
    expect(dialog).to_be_visible()
    expect(dialog.get_by_label("File")).to_have_attribute("aria-invalid", "true")
    expect(dialog.get_by_label("File")).to_be_focused()
    expect(page).to_have_url(re.compile(r"/resumes$"))
    look(page, f"dashboard-import-{name}", full_page=False)


def test_an_oversized_file_is_refused_with_a_toast_and_the_page_stays_usable(page: Page) -> None:
    signed_up(page)
    dialog = open_dialog(page, "Import", "Import a resume")
    # Valid JSON, padded past the 10 MB (and a little for the form) an import's body is held to.
    huge = b'{"basics": {"name": "Ada"}}' + b" " * (11 * 1024 * 1024)
    dialog.get_by_label("File").set_input_files(json_file("huge.json", huge))
    dialog.get_by_role("button", name="Import").click()

    alert = page.get_by_role("alert").filter(has_text=re.compile("too large|at most"))
    expect(alert).to_be_visible()
    look(page, "dashboard-import-too-large", full_page=False)
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_be_hidden()
    page.get_by_role("button", name="Dismiss").click()
    expect(alert).to_be_hidden()
    open_dialog(page, "Create your first resume", "New resume").get_by_role(
        "button", name="Create resume"
    ).click()
    expect(page).to_have_url(EDITOR_URL)


# The keyboard ---------------------------------------------------------------------------------


def test_the_new_resume_dialog_works_with_the_keyboard_alone(page: Page) -> None:
    signed_up(page)
    opener = page.get_by_role("button", name="New resume", exact=True)
    opener.focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="New resume")
    expect(dialog.get_by_label("Title")).to_be_focused()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(opener).to_be_focused()

    page.keyboard.press("Enter")
    expect(dialog.get_by_label("Title")).to_be_focused()
    page.keyboard.type("Typed, not clicked")
    page.keyboard.press("Tab")
    expect(dialog.get_by_role("radio", name="Classic")).to_be_focused()
    # Arrow keys move through a radio group, choosing as they go.
    page.keyboard.press("ArrowRight")
    expect(dialog.get_by_role("radio", name="Compact")).to_be_checked()
    page.keyboard.press("Tab")
    expect(dialog.get_by_role("link", name="Compare the templates")).to_be_focused()
    page.keyboard.press("Tab")
    expect(dialog.get_by_role("radio", name="Blank")).to_be_focused()
    page.keyboard.press("ArrowRight")
    expect(dialog.get_by_role("radio", name="Example content")).to_be_checked()
    page.keyboard.press("Enter")

    expect(page).to_have_url(EDITOR_URL)
    expect(page.get_by_label("Resume title")).to_have_value("Typed, not clicked")
    expect(page.get_by_label("Full name")).to_have_value(EXAMPLE_NAME)
    page.get_by_role("link", name="All resumes").click()
    expect(card(page, "Typed, not clicked")).to_contain_text("Compact · Edited")
