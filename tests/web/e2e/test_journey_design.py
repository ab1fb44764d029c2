"""The Design tab's colours, spacing and what the page shows (issue 16): text and background
colours, the space between sections, section headings on or off and the photo, each seen in the
preview as it is chosen, saved in the theme and put back by a reset where it is the template's."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Locator, Page, expect

from tests.web.e2e.editing import new_resume, open_editor, preview, saved, saved_state
from tests.web.e2e.helpers import assert_accessible, device, screenshot, signed_up

RESUME: dict[str, Any] = {
    "basics": {"name": "Ada Lovelace", "summary": "Engineer of analytical engines."},
    "work": [{"name": "Acme", "position": "Engineer", "startDate": "2019-05"}],
    "skills": [{"name": "Python"}],
}


def in_frame(page: Page, reading: str, expected: str) -> None:
    """Waits until `reading`, run on the preview's document, gives `expected`."""
    page.wait_for_function(
        f"""() => {{
            const doc = document.querySelector("[data-preview]")?.contentDocument;
            try {{ return doc && ({reading})(doc) === {expected!r}; }} catch {{ return false; }}
        }}"""
    )


def choose_colour(control: Locator, colour: str) -> None:
    """What a colour picker does when a person closes it on a colour: a value, then a change."""
    control.evaluate(
        """(input, colour) => {
            input.value = colour;
            input.dispatchEvent(new Event("input", { bubbles: true }));
            input.dispatchEvent(new Event("change", { bubbles: true }));
        }""",
        colour,
    )


def test_colours_spacing_and_headings_show_in_the_preview_and_save(any_page: Page) -> None:
    page = any_page
    signed_up(page)
    resume_id = new_resume(page, RESUME)
    open_editor(page, resume_id)
    if page.locator('[data-show-view="edit"]').is_visible():
        page.locator('[data-show-view="edit"]').click()
    page.get_by_role("tab", name="Design").click()

    choose_colour(page.get_by_label("Text colour"), "#3b0764")
    expect(preview(page).locator(".section-work")).to_be_attached()
    in_frame(
        page,
        "(doc) => getComputedStyle(doc.body).color",
        "rgb(59, 7, 100)",
    )
    choose_colour(page.get_by_label("Background"), "#fffbeb")
    # The sheets on screen are painted in the page's background colour, as the printed pages are.
    in_frame(
        page,
        "(doc) => getComputedStyle(doc.documentElement).getPropertyValue('--background').trim()",
        "#fffbeb",
    )

    spacing = page.get_by_label("Space between sections")
    spacing.fill("0.6")
    expect(page.locator('[data-output="spacing"]')).to_have_text("0.6×")

    headings = page.get_by_label("Section headings")
    expect(headings).to_be_checked()
    heading_shown = (
        "(doc) => getComputedStyle(doc.querySelector('.section-work .section-title')).display"
    )
    in_frame(page, heading_shown, "block")
    headings.uncheck()
    in_frame(page, heading_shown, "none")
    expect(preview(page).locator(".section-work")).to_contain_text("Acme")

    expect(saved_state(page)).to_have_text("All changes saved")
    theme = saved(page, resume_id)["theme"]
    assert theme["textColor"] == "#3b0764"
    assert theme["backgroundColor"] == "#fffbeb"
    assert theme["spacing"] == 0.6
    assert theme["sectionHeadings"] is False
    screenshot(page, f"design-colours-{device(page)}", full_page=False)
    assert_accessible(page)

    # A reset takes the template's colours and spacing back; headings stay the person's choice.
    page.get_by_role("button", name="Reset to the template's design").click()
    expect(page.locator('[data-output="spacing"]')).to_have_text("1×")
    expect(saved_state(page)).to_have_text("All changes saved")
    theme = saved(page, resume_id)["theme"]
    assert theme["textColor"] is None
    assert theme["backgroundColor"] is None
    assert theme["spacing"] is None
    assert theme["sectionHeadings"] is False
    expect(headings).not_to_be_checked()


def test_the_photo_can_be_left_off_the_page(page: Page) -> None:
    signed_up(page)
    resume_id = new_resume(page, RESUME)
    open_editor(page, resume_id)
    page.get_by_role("tab", name="Design").click()
    photo = page.get_by_label("Your photo, where the layout has a place for it")
    expect(photo).to_be_checked()
    photo.uncheck()
    expect(saved_state(page)).to_have_text("All changes saved")
    assert saved(page, resume_id)["theme"]["showPhoto"] is False
    page.reload()
    page.get_by_role("tab", name="Design").click()
    expect(page.get_by_label("Your photo, where the layout has a place for it")).not_to_be_checked()
