"""A section of one's own, a heading renamed and a photo: each shows in the preview at once and
is kept by the save, on a desktop and on a phone."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from playwright.sync_api import FilePayload, Page, expect

from tests.resumes.photo.images import photo_with_metadata
from tests.web.e2e.editing import (
    csrf,
    new_resume,
    open_editor,
    preview,
    saved,
    saved_state,
    section,
)
from tests.web.e2e.helpers import assert_accessible, signed_up
from tests.web.e2e.test_journey_narrow import sideways

# Looked at by whoever changes these pages: the form, the cropper and the preview.
SHOTS = Path(tempfile.gettempdir()) / "shots" / "sections"
DATA = {
    "basics": {"name": "Maya Okafor", "label": "Industrial designer"},
    "work": [{"name": "Northwind", "position": "Designer", "startDate": "2020-01"}],
}


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    width = page.viewport_size["width"] if page.viewport_size else 0
    device = "phone" if width < 600 else "desktop"
    page.screenshot(path=SHOTS / f"{name}-{device}.png", full_page=False)


def use_portrait(page: Page, resume_id: str) -> None:
    """The template with a place for a photo."""
    templates = page.request.get("/api/templates").json()
    portrait = next(t["id"] for t in templates if t["slug"] == "portrait")
    body = json.dumps({"templateId": portrait})
    headers = {"Content-Type": "application/json", "X-CSRF-Token": csrf(page), "If-Match": '"1"'}
    answer = page.request.patch(f"/api/resumes/{resume_id}", data=body, headers=headers)
    assert answer.ok, answer.text()


def show_preview(page: Page) -> None:
    """On a phone the preview is a view of its own; on a desktop it is always beside the form."""
    switch = page.locator('[data-show-view="preview"]')
    if switch.is_visible():
        switch.click()


def narrow_enough(page: Page) -> None:
    """On a phone, at 360 px too, nothing sticks out sideways."""
    size = page.viewport_size
    if size and size["width"] < 600:
        page.set_viewport_size({"width": 360, "height": size["height"]})
        assert sideways(page) == []
        page.set_viewport_size(size)


def show_form(page: Page) -> None:
    switch = page.locator('[data-show-view="edit"]')
    if switch.is_visible():
        switch.click()


def test_a_section_of_ones_own_and_a_renamed_heading(any_page: Page) -> None:
    page = any_page
    signed_up(page)
    resume_id = new_resume(page, DATA)
    use_portrait(page, resume_id)
    open_editor(page, resume_id)

    # Rename the Work heading: the placeholder says what prints when left empty.
    work = section(page, "work")  # open: it has an entry
    heading = work.get_by_label("Heading on the page")
    expect(heading).to_have_attribute("placeholder", "Experience")
    heading.fill("Studio work")
    heading.scroll_into_view_if_needed()
    shot(page, "heading-field")

    # Add a section with a title of one's own, and an entry in it.
    title = page.get_by_label("Add a section")
    title.scroll_into_view_if_needed()
    title.fill("Patents")
    page.locator("[data-add-section]").click()
    card = page.locator("[data-custom-section]")
    expect(card).to_have_count(1)
    expect(card.locator("[data-custom-name]")).to_have_text("Patents")
    expect(card.get_by_role("button", name="Add entry")).to_be_focused()
    card.get_by_role("button", name="Add entry").click()
    card.get_by_label("Title", exact=True).fill("Folding hinge")
    card.get_by_label("Organisation or subtitle").fill("US 11,234,567")
    card.get_by_label("Start date").fill("2022-05")
    shot(page, "custom-section-form")
    assert_accessible(page)
    narrow_enough(page)
    expect(saved_state(page)).to_have_text("All changes saved", timeout=15_000)

    show_preview(page)
    frame = preview(page)
    expect(frame.locator(".section-custom .section-title")).to_have_text("Patents")
    expect(frame.locator(".section-custom .entry-title")).to_have_text("Folding hinge")
    expect(frame.locator(".section-work .section-title")).to_have_text("Studio work")
    shot(page, "custom-section-preview")

    stored = saved(page, resume_id)
    custom = stored["data"]["customSections"]
    assert [c["title"] for c in custom] == ["Patents"]
    assert custom[0]["items"] == [
        {"name": "Folding hinge", "subtitle": "US 11,234,567", "startDate": "2022-05"}
    ]
    key = f"custom-{custom[0]['id']}"
    assert stored["theme"]["sectionOrder"][-1] == key
    assert stored["theme"]["sectionTitles"] == {"work": "Studio work"}

    # A photo, cropped here: moved with the keyboard, zoomed with the slider's keys.
    show_form(page)
    chosen: FilePayload = {
        "name": "me.jpg",
        "mimeType": "image/jpeg",
        "buffer": photo_with_metadata(),
    }
    page.locator("[data-photo-file]").set_input_files(files=[chosen])
    dialog = page.get_by_role("dialog", name="Crop your photo")
    expect(dialog).to_be_visible()
    cropper = dialog.get_by_role("group", name="Photo position")
    expect(cropper).to_be_focused()
    cropper.press("ArrowRight")
    zoom = dialog.get_by_label("Zoom")
    zoom.focus()
    for _ in range(20):
        zoom.press("ArrowRight")
    expect(zoom).not_to_have_value("1")
    shot(page, "photo-cropper")
    assert_accessible(page)
    dialog.get_by_role("button", name="Use this photo").click()
    expect(dialog).to_be_hidden()
    expect(page.locator("[data-photo-thumb]")).to_be_visible()
    page.get_by_label("Square").check()
    expect(saved_state(page)).to_have_text("All changes saved", timeout=15_000)
    show_preview(page)
    photo = frame.locator("img.photo")
    expect(photo).to_have_class("photo photo-square")
    assert (photo.get_attribute("src") or "").startswith("data:image/jpeg;base64,")
    shot(page, "photo-preview")
    show_form(page)
    narrow_enough(page)
    stored = saved(page, resume_id)
    assert stored["data"]["basics"]["image"].startswith(f"/api/resumes/{resume_id}/photo?v=")
    assert stored["theme"]["photoShape"] == "square"

    # Renamed, then deleted: the preview follows, and the key leaves the order.
    show_form(page)
    page.reload()
    expect(saved_state(page)).to_have_text("All changes saved")
    card = page.locator("[data-custom-section]")
    card.get_by_label("Section title").fill("Granted patents")
    expect(card.locator("[data-custom-name]")).to_have_text("Granted patents")
    expect(frame.locator(".section-custom .section-title")).to_have_text("Granted patents")
    # Its card moves and hides like any section's, by the name it has now.
    page.get_by_role("button", name="Move Granted patents up").click()
    expect(saved_state(page)).to_have_text("All changes saved", timeout=15_000)
    order = saved(page, resume_id)["theme"]["sectionOrder"]
    assert order.index(key) == len(order) - 2
    page.get_by_role("button", name="Hide Granted patents from the page").click()
    expect(card.locator("[data-hidden-note]")).to_be_visible()
    expect(frame.locator(".section-custom")).to_have_count(0)
    expect(saved_state(page)).to_have_text("All changes saved", timeout=15_000)
    assert key in saved(page, resume_id)["theme"]["hiddenSections"]
    page.once("dialog", lambda dialog: dialog.accept())
    card.get_by_role("button", name="Delete section").click()
    expect(page.locator("[data-custom-section]")).to_have_count(0)
    expect(saved_state(page)).to_have_text("All changes saved", timeout=15_000)
    expect(frame.locator(".section-custom")).to_have_count(0)
    stored = saved(page, resume_id)
    assert "customSections" not in stored["data"]
    assert key not in stored["theme"]["sectionOrder"]
    assert key not in stored["theme"]["hiddenSections"]
