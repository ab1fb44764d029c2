"""Journey: the history reads. A burst of typing is one entry; the person names it, sees an
earlier version's first page and what changed since, and restores it."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from tests.web.e2e.conftest import DEVICES, PageMaker
from tests.web.e2e.editing import entries, new_resume, open_editor, preview, saved, saved_state
from tests.web.e2e.helpers import AXE, device, screenshot, signed_up

# Where the brief asked for them, besides the usual test-artifacts.
SHOTS = Path("/tmp/shots/history")  # noqa: S108
DATA = {
    "basics": {"name": "Ada Lovelace", "label": "Engineer"},
    "work": [{"name": "Nordlys", "position": "Engineer", "highlights": ["Built the API"]}],
}
TYPED = ["S", "Senior", "Senior eng", "Senior engineer"]


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / f"{name}-{device(page)}.png")


def assert_drawer_accessible(page: Page) -> None:
    """axe-core on the history drawer: no serious or critical violation in what it shows."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    violations = page.evaluate(
        """async () => {
            const result = await axe.run("#history-dialog", { resultTypes: ["violations"] });
            return result.violations
                .filter((v) => v.impact === "serious" || v.impact === "critical")
                .map((v) => `${v.id}: ${v.help}: ${v.nodes.map((n) => n.target).join(", ")}`);
        }"""
    )
    assert violations == []


def sideways(page: Page) -> list[str]:
    """What in the open drawer sticks out of it, or makes it wider than the window.

    Measured against the drawer itself: where the drawer sits is the editor page's layout,
    which tests/web/e2e/test_journey_narrow.py checks."""
    found: list[str] = page.evaluate(
        """() => {
            const width = document.documentElement.clientWidth;
            const dialog = document.getElementById("history-dialog");
            const body = dialog.querySelector(".dialog-body");
            const edge = dialog.getBoundingClientRect();
            const out = [];
            if (edge.width > width) out.push(`the drawer is ${edge.width}px wide`);
            if (body.scrollWidth > body.clientWidth) out.push("the drawer scrolls sideways");
            for (const el of body.querySelectorAll("*")) {
                const box = el.getBoundingClientRect();
                if (!box.width || el.closest("[hidden], iframe")) continue;
                if (box.right > edge.right + 1 || box.left < edge.left - 1) {
                    const name = `${el.tagName.toLowerCase()}.${el.className}`;
                    out.push(`${name} at ${Math.round(box.left)}–${Math.round(box.right)}`);
                }
            }
            return out.slice(0, 10);
        }"""
    )
    return found


def type_a_burst(page: Page) -> None:
    """Several saves in a row, as a person typing for a while makes them."""
    entry = entries(page, "work").first
    entry.locator("[data-toggle]").click()
    position = entry.get_by_role("textbox", name="Position", exact=True)
    for text in TYPED:
        position.fill(text)
        expect(saved_state(page)).to_have_text("All changes saved")
    page.get_by_label("Headline").fill("Senior engineer at Nordlys")
    expect(saved_state(page)).to_have_text("All changes saved")


def open_history(page: Page) -> Locator:
    page.get_by_role("button", name="History").click()
    dialog = page.locator("#history-dialog")
    expect(dialog.locator(".history-item").first).to_be_visible()
    return dialog


def test_a_burst_is_one_entry_named_previewed_compared_and_restored(any_page: Page) -> None:
    page = any_page
    signed_up(page)
    resume_id = new_resume(page, DATA)
    open_editor(page, resume_id)
    type_a_burst(page)
    assert saved(page, resume_id)["version"] == 6

    dialog = open_history(page)
    items = dialog.locator(".history-item")
    # The five saves of the burst are one entry; the resume as it was made is the other.
    expect(items).to_have_count(2)
    expect(items.nth(0)).to_contain_text("5 edits")
    expect(items.nth(0)).to_contain_text("Current")
    expect(items.nth(0).locator("time")).to_contain_text("Today")
    expect(items.nth(1)).to_contain_text("Created")

    dialog.get_by_role("button", name="Name this version").click()
    dialog.get_by_label("Name this version").fill("Sent to Nordlys")
    dialog.get_by_role("button", name="Save name").click()
    expect(items.nth(0).locator(".history-name")).to_have_text("Sent to Nordlys")
    expect(dialog.locator(".history-entry-title")).to_have_text("Sent to Nordlys")
    shot(page, "named")

    if device(page) == "phone":
        dialog.get_by_role("button", name="← All versions").click()
    items.nth(1).click()
    frame = dialog.frame_locator("[data-history-frame]")
    expect(frame.locator(".name")).to_have_text("Ada Lovelace")
    changes = dialog.locator(".history-changes li")
    expect(changes.filter(has_text="Work experience › Nordlys › Position")).to_contain_text(
        "“Engineer” → “Senior engineer”"
    )
    expect(changes.filter(has_text="Personal details › Headline")).to_have_count(1)
    preview_box = dialog.locator("[data-history-preview]").bounding_box()
    assert preview_box
    assert preview_box["width"] > 100
    screenshot(page, f"history-entry-{device(page)}", full_page=False)
    assert_drawer_accessible(page)
    shot(page, "entry")
    dialog.locator(".history-facts").scroll_into_view_if_needed()
    shot(page, "entry-diff")

    dialog.get_by_role("button", name="Restore this version").click()
    page.wait_for_url(f"**/resumes/{resume_id}/edit")
    expect(preview(page).locator(".name")).to_have_text("Ada Lovelace")
    expect(page.get_by_label("Headline")).to_have_value("Engineer")
    restored = saved(page, resume_id)
    assert (restored["version"], restored["data"]["work"][0]["position"]) == (7, "Engineer")

    # The named version is still there, to go back to.
    dialog = open_history(page)
    expect(dialog.locator(".history-item")).to_have_count(3)
    expect(dialog.locator(".history-name")).to_have_text(["Sent to Nordlys"])
    expect(dialog.locator(".history-item").first).to_contain_text("Restored the version of Today")
    shot(page, "after-restore")


def test_the_history_fits_a_360px_phone(new_page: PageMaker) -> None:
    page = new_page("phone", **(DEVICES["phone"] | {"viewport": {"width": 360, "height": 780}}))
    signed_up(page)
    long_name = "Sent to Internationale Versicherungsgesellschaft Supercalifragilistic"
    resume_id = new_resume(page, DATA)
    open_editor(page, resume_id)
    type_a_burst(page)
    dialog = open_history(page)
    assert sideways(page) == []
    dialog.get_by_role("button", name="Name this version").click()
    dialog.get_by_label("Name this version").fill(long_name)
    dialog.get_by_role("button", name="Save name").click()
    expect(dialog.locator(".history-entry-title")).to_have_text(long_name)
    assert sideways(page) == []
    dialog.get_by_role("button", name="← All versions").click()
    dialog.locator(".history-item").nth(1).click()
    expect(dialog.locator(".history-changes li").first).to_be_visible()
    assert sideways(page) == []
    page.screenshot(path=SHOTS / "narrow-360.png")
