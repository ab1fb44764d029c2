"""Dates as people write them (issue 16): picked from a month grid or typed as "March 2021" or
"heute", stored as ISO 8601, printed in the resume's date format; a date that does not read is
named at its field and never stops the rest of the resume from saving."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import Locator, Page, expect

from resumate.document.dates import read_typed
from tests.document.test_typed_dates import TYPED
from tests.web.e2e.conftest import DEVICES, PageMaker
from tests.web.e2e.editing import entries, new_resume, open_editor, preview, saved, saved_state
from tests.web.e2e.helpers import assert_accessible, device, look, screenshot, signed_up
from tests.web.e2e.test_journey_narrow import sideways

GERMAN: dict[str, Any] = {
    "basics": {"name": "Ada Lovelace"},
    "meta": {"language": "de"},
    "work": [{"name": "Acme", "position": "Ingenieurin", "startDate": "2019-05"}],
}


def shot(page: Page, name: str) -> None:
    """What the person sees now (the window, not the whole page)."""
    screenshot(page, f"dates-{name}-{device(page)}", full_page=False)


def work_entry(page: Page) -> Locator:
    entry = entries(page, "work").first
    entry.locator("[data-toggle]").click()
    return entry


def dates_in_preview(page: Page) -> Locator:
    return preview(page).locator(".section-work")


def test_a_month_is_picked_or_typed_as_people_write_it(any_page: Page) -> None:
    page = any_page
    signed_up(page)
    resume_id = new_resume(page, GERMAN)
    open_editor(page, resume_id)
    entry = work_entry(page)
    start, end = entry.get_by_label("Start date", exact=True), entry.locator('[data-key="endDate"]')
    ongoing = entry.get_by_label("Ongoing")
    # No end date after a start date: still going, and the box says so.
    expect(ongoing).to_be_checked()
    expect(end).to_be_disabled()
    expect(dates_in_preview(page)).to_contain_text("Mai 2019 – heute")

    # The month grid: a year back, then March, by mouse (or finger) and by keyboard.
    pick_start = entry.locator('[data-key="startDate"] + [data-date-pick]')
    expect(pick_start).to_have_accessible_name("Choose a month")
    expect(pick_start).to_have_accessible_description("Start date")
    pick_start.click()
    grid = page.get_by_role("dialog", name="Choose a month")
    expect(grid.get_by_role("button", name="May 2019")).to_be_focused()
    shot(page, "picker-open")
    assert_accessible(page)
    grid.get_by_role("button", name="Previous year").click()
    grid.get_by_role("button", name="Mar 2018").click()
    expect(grid).to_be_hidden()
    expect(start).to_have_value("2018-03")
    pick_start.click()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("PageDown")
    expect(grid.get_by_role("button", name="Apr 2019")).to_be_focused()
    page.keyboard.press("Enter")
    expect(start).to_have_value("2019-04")
    expect(dates_in_preview(page)).to_contain_text("Apr. 2019 – heute")

    # Typed as people write it, shown as stored; the preview prints it the German way.
    start.fill("March 2021")
    start.press("Tab")
    expect(start).to_have_value("2021-03")
    ongoing.uncheck()
    expect(end).to_be_enabled()
    expect(end).to_be_focused()
    page.keyboard.type("03/2023")
    page.keyboard.press("Tab")
    expect(end).to_have_value("2023-03")
    expect(dates_in_preview(page)).to_contain_text("März 2021 – März 2023")
    end.fill("heute")
    end.press("Tab")
    expect(ongoing).to_be_checked()
    expect(end).to_have_value("")
    expect(dates_in_preview(page)).to_contain_text("März 2021 – heute")
    expect(saved_state(page)).to_have_text("All changes saved")
    assert saved(page, resume_id)["data"]["work"][0] == {
        "name": "Acme",
        "position": "Ingenieurin",
        "startDate": "2021-03",
    }
    look(page, "dates-typed")
    shot(page, "typed")


def test_the_date_format_is_chosen_in_the_design_tab(page: Page) -> None:
    signed_up(page)
    resume_id = new_resume(page, GERMAN)
    open_editor(page, resume_id)
    page.get_by_role("tab", name="Design").click()
    choice = page.get_by_label("Date format")
    expect(choice.locator("option")).to_have_text(
        [
            "Short — März 2021",
            "Long — März 2021",
            "Numbers — 03/2021",
            "ISO 8601 — 2021-03",
            "Year only — 2021",
        ]
    )
    choice.select_option("numeric")
    expect(dates_in_preview(page)).to_contain_text("05/2019 – heute")
    choice.select_option("year")
    expect(dates_in_preview(page)).to_contain_text("2019 – heute")
    expect(saved_state(page)).to_have_text("All changes saved")
    assert saved(page, resume_id)["theme"]["dateFormat"] == "year"
    # The examples follow the language the resume prints in.
    page.get_by_label("Language", exact=True).select_option("fr")
    expect(choice.locator('option[value="long"]')).to_have_text("Long — mars 2021")
    choice.scroll_into_view_if_needed()
    shot(page, "design")


def test_a_date_that_does_not_read_never_stops_the_rest_saving(any_page: Page) -> None:
    page = any_page
    signed_up(page)
    resume_id = new_resume(page, GERMAN)
    open_editor(page, resume_id)
    entry = work_entry(page)
    start = entry.get_by_label("Start date", exact=True)
    start.fill("last spring")
    start.press("Tab")
    entry.get_by_label("Company", exact=True).fill("Acme GmbH")
    expect(start).to_have_attribute("aria-invalid", "true")
    message = entry.locator(".field-error")
    expect(message).to_have_text(
        "“last spring” does not read as a date. Pick a month from the calendar, or type a month"
        " and year."
    )
    expect(start).to_have_accessible_description(re.compile("does not read as a date"))
    expect(saved_state(page)).to_have_text("1 date not saved")
    expect(preview(page).locator("body")).to_contain_text("Acme GmbH")
    expect(dates_in_preview(page)).to_contain_text("Mai 2019 – heute")
    expect(page.locator("[data-preview-note]")).to_be_hidden()
    look(page, "dates-unreadable")
    shot(page, "unreadable")

    page.reload()
    expect(saved_state(page)).to_have_text("All changes saved")
    entry = work_entry(page)
    expect(entry.get_by_label("Company", exact=True)).to_have_value("Acme GmbH")
    expect(entry.get_by_label("Start date", exact=True)).to_have_value("2019-05")
    assert saved(page, resume_id)["data"]["work"][0]["startDate"] == "2019-05"

    # A month that does not exist is named as such; fixing it saves it.
    start = entry.get_by_label("Start date", exact=True)
    start.fill("13/2021")
    start.press("Tab")
    expect(entry.locator(".field-error")).to_have_text(
        "There is no month 13: months go from 1 to 12."
    )
    start.fill("Dez. 2020")
    start.press("Tab")
    expect(start).to_have_value("2020-12")
    expect(entry.locator(".field-error")).to_have_count(0)
    expect(saved_state(page)).to_have_text("All changes saved")
    assert saved(page, resume_id)["data"]["work"][0]["startDate"] == "2020-12"


def test_the_month_grid_fits_a_360px_phone(new_page: PageMaker) -> None:
    page = new_page("phone", **(DEVICES["phone"] | {"viewport": {"width": 360, "height": 780}}))
    signed_up(page)
    resume_id = new_resume(page, GERMAN)
    open_editor(page, resume_id)
    entry = work_entry(page)
    entry.locator('[data-key="startDate"]').scroll_into_view_if_needed()
    before = sideways(page)  # the editor's own bar is test_journey_narrow's to keep in
    for name in ("start", "end"):
        if name == "end":
            entry.get_by_label("Ongoing").uncheck()
        entry.locator(f'[data-key="{name}Date"] + [data-date-pick]').click()
        grid = page.get_by_role("dialog", name="Choose a month")
        expect(grid).to_be_visible()
        box = grid.bounding_box()
        assert box is not None
        assert 0 <= box["x"] <= box["x"] + box["width"] <= 360, name
        assert sideways(page) == before, name
        shot(page, f"narrow-{name}")
        page.keyboard.press("Escape")
        expect(grid).to_be_hidden()


def test_the_editor_reads_typed_dates_by_the_servers_rules(page: Page) -> None:
    signed_up(page)
    open_editor(page, new_resume(page, GERMAN))
    typed = [written for _, written, _, _ in TYPED] + [
        *("heute", "Present", "aujourd'hui", "Marchh 2021", "last spring", "March", "3/21"),
        *(
            "13/2021",
            "2021-13",
            "31.02.2021",
            "0999",
            "2013-12-021",
            "'98",
            "2016-03-15T08:30:00Z",
            "",
            "spring " * 12,
        ),
    ]
    in_browser = page.evaluate(
        """async (typed) => {
            const { readDate } = await import("/assets/js/editor/dates.js");
            return typed.map((text) => [readDate(text), readDate(text, { end: true })]);
        }""",
        typed,
    )
    for text, (start, end) in zip(typed, in_browser, strict=True):
        for reading, got in ((read_typed(text), start), (read_typed(text, end=True), end)):
            assert got.get("value") == reading.value, text
            assert bool(got.get("ongoing")) == reading.ongoing, text
            assert got.get("problem", "") == reading.problem, text
