"""Journey 5, saving never loses work: autosave, offline and back, a second tab that saved
first, and restoring an earlier version."""

from __future__ import annotations

import json

from playwright.sync_api import Page, expect

from tests.web.e2e.editing import new_resume, open_editor, preview, saved, saved_state
from tests.web.e2e.helpers import look, screenshot, signed_up


def test_edits_are_saved_and_are_there_after_a_reload(page: Page) -> None:
    signed_up(page)
    resume_id = new_resume(page, {"basics": {"name": "Ada"}})
    open_editor(page, resume_id)
    page.get_by_label("Headline").fill("Analyst")
    expect(page.locator("[data-save-state]")).to_have_attribute("data-save-state", "saved")
    page.reload()
    expect(page.get_by_label("Headline")).to_have_value("Analyst")
    assert saved(page, resume_id)["version"] == 2


def test_offline_edits_wait_in_the_page_and_are_saved_on_return(page: Page) -> None:
    signed_up(page)
    resume_id = new_resume(page, {"basics": {"name": "Ada"}})
    open_editor(page, resume_id)
    page.context.set_offline(True)
    page.get_by_label("Headline").fill("Written offline")
    expect(saved_state(page)).to_contain_text("Offline — retrying")
    look(page, "editor-offline")
    expect(page.get_by_label("Headline")).to_have_value("Written offline")
    page.context.set_offline(False)
    expect(saved_state(page)).to_have_text("All changes saved", timeout=20_000)
    assert saved(page, resume_id)["data"]["basics"]["label"] == "Written offline"


def test_edits_kept_by_the_browser_come_back_after_the_tab_was_closed_offline(
    page: Page,
) -> None:
    signed_up(page)
    resume_id = new_resume(page, {"basics": {"name": "Ada"}})
    open_editor(page, resume_id)
    page.context.set_offline(True)
    page.get_by_label("Headline").fill("Not yet sent")
    expect(saved_state(page)).to_contain_text("Offline — retrying")
    page.context.set_offline(False)
    # The tab goes away before the retry; a new one opens the same resume.
    page.evaluate("() => { window.onbeforeunload = null; }")
    kept = page.evaluate(f"() => localStorage.getItem('resumate.draft.{resume_id}')")
    assert json.loads(kept)["body"]["data"]["basics"]["label"] == "Not yet sent"
    page.close(run_before_unload=False)
    again = page.context.new_page()
    again.goto(f"/resumes/{resume_id}/edit")
    expect(again.get_by_label("Headline")).to_have_value("Not yet sent")
    assert saved(again, resume_id)["data"]["basics"]["label"] == "Not yet sent"


def two_tabs(page: Page, resume_id: str) -> tuple[Page, Page]:
    first = page
    open_editor(first, resume_id)
    second = page.context.new_page()
    open_editor(second, resume_id)
    first.get_by_label("Headline").fill("Saved in the first tab")
    expect(saved_state(first)).to_have_text("All changes saved")
    second.get_by_label("Headline").fill("Typed in the second tab")
    expect(second.locator("#conflict-dialog")).to_be_visible()
    return first, second


def test_a_second_tab_that_saved_first_is_never_overwritten_silently(page: Page) -> None:
    signed_up(page)
    resume_id = new_resume(page, {"basics": {"name": "Ada"}})
    _, second = two_tabs(page, resume_id)
    expect(saved_state(second)).to_contain_text("Changed elsewhere")
    screenshot(second, "editor-conflict-desktop", full_page=False)
    assert saved(page, resume_id)["data"]["basics"]["label"] == "Saved in the first tab"
    # Choosing to keep this tab's version saves it, and the other stays in history.
    second.get_by_label("Keep my version").check()
    second.get_by_role("button", name="Continue").click()
    expect(second.locator("#conflict-dialog")).to_be_hidden()
    expect(saved_state(second)).to_have_text("All changes saved")
    assert saved(page, resume_id)["data"]["basics"]["label"] == "Typed in the second tab"
    versions = page.request.get(f"/api/resumes/{resume_id}/versions").json()["items"]
    labels = [
        page.request.get(f"/api/resumes/{resume_id}/versions/{v['version']}").json()["data"]
        for v in versions
    ]
    assert {"name": "Ada", "label": "Saved in the first tab"} in [d["basics"] for d in labels]


def test_the_other_version_can_be_taken_instead(page: Page) -> None:
    signed_up(page)
    resume_id = new_resume(page, {"basics": {"name": "Ada"}})
    _, second = two_tabs(page, resume_id)
    second.get_by_label("Use the other version").check()
    second.get_by_role("button", name="Continue").click()
    expect(second.get_by_label("Headline")).to_have_value("Saved in the first tab")
    expect(saved_state(second)).to_have_text("All changes saved")


def test_both_versions_can_be_kept_as_two_resumes(page: Page) -> None:
    signed_up(page)
    resume_id = new_resume(page, {"basics": {"name": "Ada"}}, title="Analyst")
    _, second = two_tabs(page, resume_id)
    second.get_by_label("Save mine as a copy").check()
    second.get_by_role("button", name="Continue").click()
    second.wait_for_url(lambda url: resume_id not in url and url.endswith("/edit"))
    expect(second.get_by_label("Headline")).to_have_value("Typed in the second tab")
    expect(second.get_by_label("Resume title")).to_have_value("Analyst (my edits)")
    assert saved(page, resume_id)["data"]["basics"]["label"] == "Saved in the first tab"


def test_an_earlier_version_can_be_restored_from_history(page: Page) -> None:
    signed_up(page)
    resume_id = new_resume(page, {"basics": {"name": "First name"}})
    open_editor(page, resume_id)
    page.get_by_label("Full name").fill("Second name")
    expect(saved_state(page)).to_have_text("All changes saved")
    page.get_by_role("button", name="History").click()
    dialog = page.locator("#history-dialog")
    # The resume as it was made is an entry of its own; choosing it shows what restoring does.
    expect(dialog.locator(".history-item")).to_have_count(2)
    dialog.locator(".history-item").filter(has_text="Created").click()
    look(page, "editor-history")
    dialog.locator('[data-restore-version="1"]').click()
    page.wait_for_url(f"**/resumes/{resume_id}/edit")
    expect(page.get_by_label("Full name")).to_have_value("First name")
    expect(preview(page).locator(".name")).to_have_text("First name")
    expect(page.locator("#toasts")).to_contain_text("Version 1 restored")
    resume = saved(page, resume_id)
    assert (resume["version"], resume["data"]["basics"]["name"]) == (3, "First name")
