"""Editing comfort: sections ordered and hidden from their cards in the Content tab, undo and
redo, a preview that opens on a whole page, a start for an empty resume, countries by name."""

from __future__ import annotations

import json
import re
from typing import Any

from playwright.sync_api import Locator, Page, expect

from tests.web.e2e.editing import (
    csrf,
    entries,
    new_resume,
    open_editor,
    preview,
    sample,
    saved,
    saved_state,
    section,
)
from tests.web.e2e.helpers import device, look, screenshot, signed_up
from tests.web.e2e.test_journey_narrow import NARROW, sideways

# Projects below Education, as resumes made before the new default order have it.
OLD_ORDER = ["summary", "work", "education", "projects", "skills", "volunteer", "awards"]
PREVIEW_ORDER = """() => [...document.querySelector("[data-preview]").contentDocument
    .querySelectorAll("section[class*='section-']")]
    .map((s) => s.className.match(/section-(\\w+)/)[1])"""
CARD_ORDER = """() => [...document.querySelectorAll("[data-panel=content] details[data-section]")]
    .map((card) => card.dataset.section)"""


def shot(page: Page, name: str) -> None:
    """The window as it is now, as test-artifacts/screens/comfort-<name>-<device>.png."""
    screenshot(page, f"comfort-{name}-{device(page)}", full_page=False)


def resume_with(page: Page, data: dict[str, Any], theme: dict[str, Any]) -> str:
    response = page.request.post(
        "/api/resumes",
        data=json.dumps({"title": "Comfort", "data": data, "theme": theme}),
        headers={"Content-Type": "application/json", "X-CSRF-Token": csrf(page)},
    )
    assert response.status == 201, response.text()
    resume_id: str = response.json()["id"]
    return resume_id


def show_preview(page: Page) -> None:
    if page.locator('[data-show-view="preview"]').is_visible():
        page.locator('[data-show-view="preview"]').click()


def show_form(page: Page) -> None:
    if page.locator('[data-show-view="edit"]').is_visible():
        page.locator('[data-show-view="edit"]').click()


def expect_preview_order(page: Page, first: str, second: str) -> None:
    page.wait_for_function(
        f"() => {{ const o = ({PREVIEW_ORDER})(); return o.indexOf('{first}') >= 0"
        f" && o.indexOf('{first}') < o.indexOf('{second}'); }}"
    )


def card(page: Page, key: str) -> Locator:
    """A section's card: its handle, eye and arrows, and the section's own <details>."""
    return page.locator(f'[data-card="{key}"]')


def handle(box: Locator) -> Locator:
    return box.locator(".card-bar [data-handle]")


def test_the_content_tab_orders_and_hides_sections(page: Page) -> None:
    signed_up(page)
    resume_id = resume_with(page, sample(), {"sectionOrder": OLD_ORDER})
    open_editor(page, resume_id)
    cards: list[str] = page.evaluate(CARD_ORDER)
    assert cards[:4] == ["summary", "work", "education", "projects"], "the cards follow the page"
    expect_preview_order(page, "education", "projects")
    # By keyboard: the handle, Alt+↑.
    handle(card(page, "projects")).focus()
    page.keyboard.press("Alt+ArrowUp")
    expect(handle(card(page, "projects"))).to_be_focused()
    expect(page.locator("[data-announce]")).to_have_text("Projects moved to position 3 of 12.")
    expect_preview_order(page, "projects", "education")
    expect(saved_state(page)).to_have_text("All changes saved")
    assert saved(page, resume_id)["theme"]["sectionOrder"][:4] == [
        "summary",
        "work",
        "projects",
        "education",
    ]
    # By dragging: Education's handle onto the top of Projects, over its open entries.
    section(page, "projects").locator("summary").click()  # fold it: a smaller target
    handle(card(page, "education")).drag_to(handle(card(page, "projects")))
    expect_preview_order(page, "education", "projects")
    # Hidden from the page, kept in the form.
    skills = card(page, "skills")
    skills.get_by_role("button", name="Hide Skills from the page").click()
    expect(skills.get_by_text("Hidden from the page")).to_be_visible()
    expect(preview(page).locator(".section-skills")).to_have_count(0)
    skills.locator("summary").scroll_into_view_if_needed()
    shot(page, "sections")
    look(page, "comfort-sections")
    expect(saved_state(page)).to_have_text("All changes saved")
    theme = saved(page, resume_id)["theme"]
    assert theme["hiddenSections"] == ["skills"]
    assert theme["sectionOrder"].index("education") < theme["sectionOrder"].index("projects")
    # The Design tab points here instead of keeping a second list.
    page.get_by_role("tab", name="Design").click()
    expect(page.locator("[data-section-order]")).to_have_count(0)
    page.locator("[data-goto-tab=content]").click()
    expect(section(page, "skills")).to_be_visible()


def test_a_phone_moves_sections_with_the_arrows(phone_page: Page) -> None:
    page = phone_page
    signed_up(page)
    resume_id = resume_with(page, sample(), {"sectionOrder": OLD_ORDER})
    open_editor(page, resume_id)
    card(page, "projects").get_by_role("button", name="Move Projects up").tap()
    expect(card(page, "projects").get_by_role("button", name="Move Projects up")).to_be_focused()
    card(page, "skills").get_by_role("button", name="Hide Skills from the page").tap()
    section(page, "projects").locator("summary").scroll_into_view_if_needed()
    shot(page, "sections")
    look(page, "comfort-sections")
    show_preview(page)
    expect_preview_order(page, "projects", "education")
    expect(preview(page).locator(".section-skills")).to_have_count(0)
    expect(saved_state(page)).to_have_text("All changes saved")
    assert saved(page, resume_id)["theme"]["hiddenSections"] == ["skills"]


def test_undo_and_redo_a_typed_change_and_a_removed_entry(page: Page) -> None:
    signed_up(page)
    data = sample()
    resume_id = new_resume(page, data)
    open_editor(page, resume_id)
    undo = page.get_by_role("button", name="Undo", exact=True)
    expect(undo).to_have_attribute("aria-disabled", "true")
    name = page.get_by_label("Full name")
    name.fill("Ada Lovelace")
    expect(preview(page).locator(".name")).to_have_text("Ada Lovelace")
    page.wait_for_timeout(1200)  # a pause in typing is one step
    # Inside the field Ctrl+Z is the field's own; outside it, the resume's.
    handle(card(page, "work")).focus()
    page.keyboard.press("Control+z")
    expect(name).to_have_value(data["basics"]["name"])
    expect(preview(page).locator(".name")).to_have_text(data["basics"]["name"])
    page.keyboard.press("Control+Shift+z")
    expect(name).to_have_value("Ada Lovelace")
    # A removed entry comes back, with everything it had.
    jobs = entries(page, "work")
    count = jobs.count()
    jobs.first.get_by_role("button", name="Remove this position").click()
    expect(jobs).to_have_count(count - 1)
    page.keyboard.press("Control+z")
    expect(jobs).to_have_count(count)
    expect(jobs.first.locator("[data-entry-name]")).to_contain_text(data["work"][0]["position"])
    expect(saved_state(page)).to_have_text("All changes saved")
    kept = saved(page, resume_id)["data"]
    assert kept["work"] == data["work"]
    assert kept["basics"]["name"] == "Ada Lovelace"
    page.keyboard.press("Control+y")
    expect(jobs).to_have_count(count - 1)
    undo.click()
    expect(jobs).to_have_count(count)
    expect(preview(page).locator(".section-work")).to_have_count(1)
    look(page, "comfort-undo")


def test_undo_with_the_buttons_on_a_phone(phone_page: Page) -> None:
    page = phone_page
    signed_up(page)
    resume_id = new_resume(page, sample())
    open_editor(page, resume_id)
    jobs = entries(page, "work")
    count = jobs.count()
    jobs.first.get_by_role("button", name="Remove this position").tap()
    expect(jobs).to_have_count(count - 1)
    page.get_by_role("button", name="Undo", exact=True).tap()
    expect(jobs).to_have_count(count)
    page.get_by_role("button", name="Redo", exact=True).tap()
    expect(jobs).to_have_count(count - 1)
    shot(page, "undo")
    expect(saved_state(page)).to_have_text("All changes saved")
    assert len(saved(page, resume_id)["data"].get("work", [])) == count - 1


def first_page_fits(page: Page) -> bool:
    fits: bool = page.evaluate(
        """() => {
            const viewport = document.querySelector("[data-preview-viewport]")
                .getBoundingClientRect();
            const frame = document.querySelector("[data-preview]");
            const scale = frame.getBoundingClientRect().width / frame.offsetWidth;
            const style = getComputedStyle(frame.contentDocument.documentElement);
            const stride = parseFloat(style.backgroundSize.split(" ")[1]);
            return (stride + 24) * scale <= viewport.height + 1;
        }"""
    )
    return fits


def zoom_label(page: Page) -> str:
    return page.locator("[data-zoom-label]").inner_text()


def test_the_preview_opens_on_a_whole_page_and_keeps_the_zoom(new_page: Any) -> None:
    page: Page = new_page("desktop", viewport={"width": 1440, "height": 900})
    signed_up(page)
    resume_id = new_resume(page, sample())
    open_editor(page, resume_id)
    expect(page.get_by_role("button", name="Fit page")).to_have_attribute("aria-pressed", "true")
    assert first_page_fits(page)
    shot(page, "zoom-page")
    look(page, "comfort-zoom")
    page.get_by_role("button", name="100%").click()
    expect(page.locator("[data-zoom-label]")).to_have_text("100%")
    page.get_by_role("button", name="Zoom out").click()
    expect(page.locator("[data-zoom-label]")).to_have_text("90%")
    page.get_by_role("button", name="Fit width").click()
    expect(page.get_by_role("button", name="Fit width")).to_have_attribute("aria-pressed", "true")
    shot(page, "zoom-width")
    page.reload()
    expect(page.get_by_role("button", name="Fit width")).to_have_attribute("aria-pressed", "true")
    width = page.evaluate(
        """() => [document.querySelector("[data-preview-scaler]").offsetWidth,
                  document.querySelector("[data-preview-viewport]").clientWidth]"""
    )
    assert width[1] - 12 <= width[0] <= width[1], width


def test_a_phone_preview_opens_at_the_width(phone_page: Page) -> None:
    page = phone_page
    signed_up(page)
    resume_id = new_resume(page, sample())
    open_editor(page, resume_id)
    show_preview(page)
    expect(page.get_by_role("button", name="Fit width")).to_have_attribute("aria-pressed", "true")
    shot(page, "zoom-width")
    look(page, "comfort-zoom")


def test_an_empty_resume_shows_where_to_start(any_page: Page) -> None:
    page = any_page
    signed_up(page)
    resume_id = new_resume(page)
    open_editor(page, resume_id)
    show_preview(page)
    guide = page.locator("[data-preview-empty]")
    expect(guide).to_be_visible()
    expect(guide.get_by_role("link", name="Import a resume")).to_have_attribute(
        "href", "/resumes/import/review"
    )
    shot(page, "empty")
    look(page, "comfort-empty")
    guide.get_by_role("button", name="Start with your name").click()
    expect(page.get_by_label("Full name")).to_be_focused()
    page.keyboard.type("Grace Hopper")
    expect(guide).to_be_hidden()
    show_preview(page)
    expect(preview(page).locator(".name")).to_have_text("Grace Hopper")


def test_an_empty_resume_can_start_from_the_sample(page: Page) -> None:
    signed_up(page)
    resume_id = new_resume(page)
    open_editor(page, resume_id)
    offered = json.loads(page.locator("#sample-data").text_content() or "{}")
    page.get_by_role("button", name="Start from the sample").click()
    expect(page.locator("[data-preview-empty]")).to_be_hidden()
    expect(preview(page).locator(".name")).to_have_text(offered["basics"]["name"])
    expect(saved_state(page)).to_have_text("All changes saved")
    assert saved(page, resume_id)["data"]["work"] == offered["work"]
    page.get_by_role("button", name="Undo", exact=True).click()
    expect(page.locator("[data-preview-empty]")).to_be_visible()


def test_the_country_is_chosen_and_printed_by_its_name(any_page: Page) -> None:
    page = any_page
    signed_up(page)
    resume_id = new_resume(page, {"basics": {"name": "Ada", "location": {"city": "Berlin"}}})
    open_editor(page, resume_id)
    country = page.get_by_label("Country")
    country.fill("Germany")
    country.blur()
    show_preview(page)
    expect(preview(page).locator(".contact-location")).to_have_text("Berlin, Germany")
    expect(saved_state(page)).to_have_text("All changes saved")
    assert saved(page, resume_id)["data"]["basics"]["location"]["countryCode"] == "DE"
    show_form(page)
    page.get_by_role("tab", name="Design").click()
    page.get_by_label("Language", exact=True).select_option("de")
    show_preview(page)
    expect(preview(page).locator(".contact-location")).to_have_text("Berlin, Deutschland")
    expect(saved_state(page)).to_have_text("All changes saved")
    page.reload()
    expect(page.get_by_label("Country")).to_have_value("Deutschland")
    page.get_by_label("Country").fill("fr")
    show_preview(page)
    expect(preview(page).locator(".contact-location")).to_have_text("Berlin, Frankreich")
    shot(page, "country")


def test_nothing_scrolls_sideways_at_360px(new_page: Any) -> None:
    page: Page = new_page("phone", **NARROW)
    signed_up(page)
    empty = new_resume(page)
    open_editor(page, empty)
    shot(page, "narrow-editor")
    assert sideways(page) == [], "the editor bar"
    shot(page, "narrow-editor")
    show_preview(page)
    assert sideways(page) == [], "the empty start"
    resume_id = resume_with(page, sample(), {"hiddenSections": ["skills"]})
    open_editor(page, resume_id)
    card(page, "skills").scroll_into_view_if_needed()
    assert sideways(page) == [], "the section cards"
    shot(page, "narrow-cards")
    show_preview(page)
    assert sideways(page) == [], "the preview bar"
    shot(page, "narrow-preview")


def test_the_dashboard_shows_sharp_thumbnails_and_no_blank_card(new_page: Any) -> None:
    page: Page = new_page("desktop", device_scale_factor=2)
    signed_up(page)
    new_resume(page, sample(), title="Sample")
    new_resume(page, {"basics": {"name": "Grace Hopper", "label": "Rear admiral"}}, title="Grace")
    # A picture not there yet: the card shows a sheet sketched in lines, not a blank box.
    page.route("**/thumbnail.png*", lambda route: route.abort())
    page.goto("/resumes")
    thumb = page.locator(".resume-card .card-thumb").first
    expect(thumb).to_have_css("background-image", re.compile("linear-gradient"))
    shot(page, "dashboard-waiting")
    page.unroute("**/thumbnail.png*")
    page.reload()
    pictures = page.locator(".resume-card .card-thumb img")
    expect(pictures).to_have_count(2)
    page.wait_for_function(
        """() => [...document.querySelectorAll(".resume-card .card-thumb img")]
            .every((img) => img.complete && img.naturalWidth > 0)"""
    )
    sizes = pictures.evaluate_all(
        "(imgs) => imgs.map((img) => [img.naturalWidth, img.getBoundingClientRect().width])"
    )
    for natural, shown in sizes:
        assert natural >= 2 * shown - 1, "at least one image pixel per screen pixel at 2x"
    shot(page, "dashboard")
    look(page, "comfort-dashboard")
