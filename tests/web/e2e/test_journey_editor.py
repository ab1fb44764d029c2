"""Journey 4, the editor: every section, lists reordered by mouse and keyboard, the design
controls, and a live preview that is the printed page, sheet by sheet."""

from __future__ import annotations

import copy
import re

from playwright.sync_api import Page, expect

from tests.web.e2e.editing import (
    entries,
    new_resume,
    open_editor,
    preview,
    sample,
    saved,
    saved_state,
    section,
)
from tests.web.e2e.helpers import look, signed_up

PREVIEW_STYLE_STARTS = """(start) => document.querySelector("[data-preview]")
    .contentDocument.querySelector("style").textContent.startsWith(start)"""
FRAME_FONTS_LOADED = """() => document.querySelector("[data-preview]")
    .contentDocument.fonts.status === 'loaded'"""
EVERY_SECTION = [
    "work",
    "education",
    "skills",
    "projects",
    "volunteer",
    "awards",
    "certificates",
    "publications",
    "languages",
    "interests",
    "references",
]


def test_typing_shows_in_the_preview_and_is_saved(any_page: Page) -> None:
    page = any_page
    signed_up(page)
    resume_id = new_resume(page)
    open_editor(page, resume_id)
    look(page, "editor-empty")
    page.get_by_label("Full name").fill("Grace Hopper")
    page.get_by_label("Headline").fill("Computer scientist")
    page.get_by_label("Email").fill("grace@example.com")
    page.get_by_label("City").fill("Arlington")
    if page.locator('[data-show-view="preview"]').is_visible():
        page.locator('[data-show-view="preview"]').click()
    expect(preview(page).locator(".name")).to_have_text("Grace Hopper")
    expect(preview(page).locator("body")).to_contain_text("Computer scientist")
    expect(saved_state(page)).to_have_text("All changes saved")
    basics = saved(page, resume_id)["data"]["basics"]
    assert basics == {
        "name": "Grace Hopper",
        "label": "Computer scientist",
        "email": "grace@example.com",
        "location": {"city": "Arlington"},
    }


def test_every_section_can_be_filled_in(page: Page) -> None:
    signed_up(page)
    resume_id = new_resume(page, {"basics": {"name": "Ada"}})
    open_editor(page, resume_id)
    for key in EVERY_SECTION:
        box = section(page, key)
        box.locator("summary").click()
        box.locator("[data-add-entry]").click()
        first = box.locator("[data-entry] input[data-key]").first
        expect(first).to_be_focused()
        page.keyboard.type(f"First {key}")
    expect(saved_state(page)).to_have_text("All changes saved")
    data = saved(page, resume_id)["data"]
    for key in EVERY_SECTION:
        assert len(data[key]) == 1, key
        assert f"First {key}" in data[key][0].values(), key
    look(page, "editor-every-section")


def test_bullet_points_are_added_with_enter_and_removed_with_backspace(page: Page) -> None:
    signed_up(page)
    resume_id = new_resume(page, {"work": [{"name": "Navy", "position": "Admiral"}]})
    open_editor(page, resume_id)
    entry = entries(page, "work").first
    entry.locator("[data-toggle]").click()
    entry.get_by_role("button", name="Add highlight").click()
    page.keyboard.type("Wrote the first compiler")
    page.keyboard.press("Enter")
    page.keyboard.type("Coined debugging")
    page.keyboard.press("Enter")
    page.keyboard.press("Backspace")  # the empty third one goes away
    expect(preview(page).locator(".highlights li")).to_have_text(
        ["Wrote the first compiler", "Coined debugging"]
    )
    expect(saved_state(page)).to_have_text("All changes saved")
    work = saved(page, resume_id)["data"]["work"][0]
    assert work["highlights"] == ["Wrote the first compiler", "Coined debugging"]


def test_entries_reorder_by_dragging_and_by_keyboard(page: Page) -> None:
    signed_up(page)
    jobs = [{"name": name, "position": "Engineer"} for name in ("Acme", "Globex", "Initech")]
    resume_id = new_resume(page, {"work": jobs})
    open_editor(page, resume_id)
    handles = entries(page, "work").locator(".entry-head [data-handle]")
    handles.nth(2).drag_to(handles.nth(0))
    names = entries(page, "work").locator("[data-entry-name]")
    expect(names).to_have_text(["Engineer · Initech", "Engineer · Acme", "Engineer · Globex"])
    expect(saved_state(page)).to_have_text("All changes saved")
    assert [w["name"] for w in saved(page, resume_id)["data"]["work"]] == [
        "Initech",
        "Acme",
        "Globex",
    ]
    handles.nth(0).focus()
    page.keyboard.press("Alt+ArrowDown")
    expect(names).to_have_text(["Engineer · Acme", "Engineer · Initech", "Engineer · Globex"])
    expect(page.locator("[data-announce]")).to_contain_text("moved to position 2 of 3")
    expect(handles.nth(1)).to_be_focused()
    expect(preview(page).locator(".section-work .entry-org")).to_have_text(
        ["Acme", "Initech", "Globex"]
    )
    expect(saved_state(page)).to_have_text("All changes saved")
    assert [w["name"] for w in saved(page, resume_id)["data"]["work"]] == [
        "Acme",
        "Initech",
        "Globex",
    ]


def test_bullet_points_reorder_and_entries_are_removed(page: Page) -> None:
    signed_up(page)
    job = {"name": "Acme", "highlights": ["One", "Two", "Three"]}
    resume_id = new_resume(page, {"work": [job, {"name": "Globex"}]})
    open_editor(page, resume_id)
    entry = entries(page, "work").first
    entry.locator("[data-toggle]").click()
    bullets = entry.locator("[data-item]")
    bullets.nth(2).locator("[data-handle]").drag_to(bullets.nth(0).locator("[data-handle]"))
    values = bullets.locator("[data-value]")
    expect(values.nth(0)).to_have_value("Three")
    assert values.evaluate_all("inputs => inputs.map((i) => i.value)") == ["Three", "One", "Two"]
    entries(page, "work").nth(1).get_by_role("button", name="Remove this position").click()
    expect(entries(page, "work")).to_have_count(1)
    expect(saved_state(page)).to_have_text("All changes saved")
    work = saved(page, resume_id)["data"]["work"]
    assert work == [{"name": "Acme", "highlights": ["Three", "One", "Two"]}]


def test_keys_the_form_does_not_show_are_kept(page: Page) -> None:
    signed_up(page)
    basics = {"name": "Ada", "image": "https://example.com/ada.png", "x-pronouns": "she"}
    data: dict[str, object] = {
        "basics": basics,
        "work": [{"name": "Acme", "x-team": "Compilers"}],
        "meta": {"version": "v1.0.0"},
    }
    resume_id = new_resume(page, data)
    open_editor(page, resume_id)
    page.get_by_label("Full name").fill("Ada Lovelace")
    expect(saved_state(page)).to_have_text("All changes saved")
    stored = saved(page, resume_id)["data"]
    assert stored == data | {"basics": basics | {"name": "Ada Lovelace"}}


def test_a_wrong_date_is_named_next_to_its_field_and_nothing_else_is_lost(page: Page) -> None:
    signed_up(page)
    resume_id = new_resume(page, {"work": [{"name": "Acme", "startDate": "2020-01"}]})
    open_editor(page, resume_id)
    entry = entries(page, "work").first
    entry.locator("[data-toggle]").click()
    start = entry.get_by_label("Start date", exact=True)
    start.fill("last spring")
    start.press("Tab")
    expect(start).to_have_attribute("aria-invalid", "true")
    expect(entry.locator(".field-error")).to_contain_text("“last spring” does not read as a date")
    # The date keeps its stored value; the rest of the resume still saves (test_journey_dates).
    expect(saved_state(page)).to_have_text("1 date not saved")
    look(page, "editor-invalid-date")
    assert saved(page, resume_id)["data"]["work"][0]["startDate"] == "2020-01"
    start.fill("2019-05")
    start.press("Tab")
    expect(saved_state(page)).to_have_text("All changes saved")
    expect(start).not_to_have_attribute("aria-invalid", "true")
    assert saved(page, resume_id)["data"]["work"][0]["startDate"] == "2019-05"


def test_design_controls_change_the_printed_page(page: Page) -> None:
    signed_up(page)
    resume_id = new_resume(page, sample())
    open_editor(page, resume_id)
    page.get_by_role("tab", name="Design").click()
    page.get_by_label("Template").select_option(label="Modern")
    page.wait_for_function(PREVIEW_STYLE_STARTS, arg="/* Modern")
    page.get_by_role("button", name="Accent #b91c1c").click()
    page.get_by_label("Font").select_option(label="JetBrains Mono")
    page.get_by_text("Letter", exact=True).click()
    frame_root = preview(page).locator("html")
    expect(frame_root).to_have_css("min-width", re.compile(r"^864"))  # 8.5in + the gutters
    # Sections are ordered and hidden from their cards in the Content tab.
    page.get_by_role("tab", name="Content").click()
    page.get_by_role("button", name="Hide Skills from the page").click()
    move_up = page.get_by_role("button", name="Move Education up")
    move_up.click()
    expect(move_up).to_be_focused()
    page.keyboard.press("Enter")  # past Projects, then past Work experience
    expect(preview(page).locator(".section-skills")).to_have_count(0)
    look(page, "editor-design")
    expect(saved_state(page)).to_have_text("All changes saved")
    resume = saved(page, resume_id)
    theme = resume["theme"]
    assert (theme["accentColor"], theme["fontFamily"], theme["pageSize"]) == (
        "#b91c1c",
        "jetbrains-mono",
        "Letter",
    )
    assert "skills" in theme["hiddenSections"]
    order_keys = theme["sectionOrder"]
    assert order_keys.index("education") < order_keys.index("work")
    assert resume["templateId"] == page.get_by_label("Template").input_value()


def test_the_preview_shows_every_sheet_the_pdf_will_have(page: Page) -> None:
    signed_up(page)
    long = sample()
    long["work"] = [
        copy.deepcopy(job) | {"name": f"Job {n}"} for n in range(12) for job in long["work"]
    ]
    resume_id = new_resume(page, long)
    open_editor(page, resume_id)
    expect(page.locator("[data-page-count]")).to_have_text(re.compile(r"^[2-9] pages$"))
    sheets = int(page.locator("[data-page-count]").inner_text().split()[0])
    look(page, "editor-long")
    pdf = page.request.post(
        f"/api/resumes/{resume_id}/generate-pdf",
        headers={
            "X-CSRF-Token": next(
                c["value"] for c in page.context.cookies() if c["name"] == "resumate_csrf"
            )
        },
    )
    assert pdf.ok, pdf.text()
    assert pdf.json()["pages"] == sheets


def test_zooming_the_preview_on_a_phone_scrolls_the_preview_not_the_page(
    phone_page: Page,
) -> None:
    page = phone_page
    signed_up(page)
    resume_id = new_resume(page, sample())
    open_editor(page, resume_id)
    page.locator('[data-show-view="preview"]').click()
    for _ in range(3):
        page.get_by_role("button", name="Zoom in").click()
    expect(page.locator("[data-zoom-label]")).to_have_text(re.compile(r"^\d+%$"))
    page_width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.locator("[data-preview-viewport]")
    assert page_width <= 390
    assert viewport.evaluate("el => el.scrollWidth > el.clientWidth")
    # Every zoom control stays on screen, on one line.
    boxes = [page.get_by_role("button", name=n).bounding_box() for n in ("Zoom out", "Zoom in")]
    assert all(box is not None and box["x"] + box["width"] <= 390 for box in boxes)
    assert boxes[0] is not None
    assert boxes[1] is not None
    assert abs(boxes[0]["y"] - boxes[1]["y"]) < 4
    look(page, "editor-phone-zoomed")


def test_the_language_choice_prints_the_headings_and_dates_in_it(any_page: Page) -> None:
    page = any_page
    signed_up(page)
    resume_id = new_resume(page, sample())
    open_editor(page, resume_id)
    page.get_by_role("tab", name="Design").click()
    design = page.get_by_role("tabpanel", name="Design")
    language = design.get_by_label("Language", exact=True)
    expect(language.locator("option").first).to_have_text("Automatic (English)")
    expect(language.locator('option[value="ja"]')).to_have_text("日本語")
    language.select_option(label="Deutsch")
    language.scroll_into_view_if_needed()
    look(page, "editor-language")
    work = preview(page).locator(".section-work")
    expect(work.locator(".section-title")).to_have_text("Berufserfahrung")
    expect(work.locator(".dates").first).to_have_text("Dez. 2013 – Dez. 2014")
    expect(preview(page).locator("html")).to_have_attribute("lang", "de")
    expect(saved_state(page)).to_have_text("All changes saved")
    assert saved(page, resume_id)["theme"]["language"] == "de"
    # The language is the person's, not the template's: a reset of the design keeps it.
    page.get_by_role("button", name="Reset to the template's design").click()
    expect(language).to_have_value("de")
    language.select_option(label="Automatic (English)")
    expect(work.locator(".section-title")).to_have_text("Experience")
    expect(saved_state(page)).to_have_text("All changes saved")
    assert saved(page, resume_id)["theme"]["language"] is None
    if page.locator('[data-show-view="preview"]').is_visible():
        language.select_option(label="日本語")
        page.locator('[data-show-view="preview"]').click()
        expect(work.locator(".section-title")).to_have_text("職務経歴")
        page.wait_for_function(FRAME_FONTS_LOADED)
        look(page, "editor-language-preview")


def test_automatic_names_the_language_the_resume_is_written_in(page: Page) -> None:
    signed_up(page)
    resume_id = new_resume(page)
    open_editor(page, resume_id)
    # The Design tab stays closed: its choice is relabelled while the person types.
    automatic = page.locator('#theme-language option[value=""]')
    expect(automatic).to_have_text("Automatic (English)")
    page.get_by_label("Full name").fill("山田 太郎")
    page.get_by_label("Headline").fill("ソフトウェアエンジニア")
    expect(preview(page).locator("html")).to_have_attribute("lang", "ja")
    expect(automatic).to_have_text("Automatic (日本語)")
