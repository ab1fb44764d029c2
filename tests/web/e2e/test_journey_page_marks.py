"""The Design tab's "Pages after the first": the name and page numbers, in the preview and saved.

Chromium prints page-margin boxes but never shows them on screen, so the preview lays the same
marks over each sheet after the first; the PDF's own are checked in tests/templates.
"""

from __future__ import annotations

import copy
import re

from playwright.sync_api import Page, expect

from tests.web.e2e.editing import new_resume, open_editor, preview, sample, saved, saved_state
from tests.web.e2e.helpers import device, look, screenshot, signed_up


def test_later_pages_show_the_name_and_page_numbers(any_page: Page) -> None:
    page = any_page
    signed_up(page)
    long = sample()
    long["work"] = [
        copy.deepcopy(job) | {"name": f"Job {n}"} for n in range(12) for job in long["work"]
    ]
    resume_id = new_resume(page, long)
    open_editor(page, resume_id)
    if page.locator('[data-show-view="edit"]').is_visible():
        page.locator('[data-show-view="edit"]').click()
    page.get_by_role("tab", name="Design").click()
    page.get_by_label("Your name at the top").check()
    page.get_by_label("Page numbers").check()
    expect(saved_state(page)).to_have_text("All changes saved")
    assert (
        saved(page, resume_id)["theme"]["runningHeader"],
        saved(page, resume_id)["theme"]["pageNumbers"],
    ) == (True, True)
    if page.locator('[data-show-view="preview"]').is_visible():
        page.locator('[data-show-view="preview"]').click()
    expect(page.locator("[data-page-count]")).to_have_text(re.compile(r"^[2-9] pages$"))
    sheets = int(page.locator("[data-page-count]").inner_text().split()[0])
    marks = preview(page).locator("[data-page-mark]")
    expect(marks).to_have_count(2 * (sheets - 1))
    expect(marks.filter(has_text=f"2 / {sheets}")).to_have_count(1)
    expect(marks.filter(has_text="Richard Hendriks")).to_have_count(sheets - 1)
    look(page, "editor-page-marks")
    # Where the first sheet ends and the second begins: the foot of one, the head of the next.
    marks.filter(has_text="Richard Hendriks").first.scroll_into_view_if_needed()
    screenshot(page, f"editor-page-marks-sheet-2-{device(page)}", full_page=False)

    page.reload()
    if page.locator('[data-show-view="edit"]').is_visible():
        page.locator('[data-show-view="edit"]').click()
    page.get_by_role("tab", name="Design").click()
    expect(page.get_by_label("Your name at the top")).to_be_checked()
    page.get_by_label("Page numbers").uncheck()
    page.get_by_label("Your name at the top").uncheck()
    expect(preview(page).locator("[data-page-mark]")).to_have_count(0)
