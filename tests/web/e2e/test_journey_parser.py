"""The parser check: what an applicant tracking system reads from the PDF, and a suggestion
followed until the score rises."""

from __future__ import annotations

import copy
import re

from playwright.sync_api import Page, expect

from resumate.document.sample import sample_resume
from tests.web.e2e.editing import new_resume, open_editor, saved_state
from tests.web.e2e.helpers import look, signed_up


def test_a_finding_followed_raises_the_score_to_every_field(any_page: Page) -> None:
    page = any_page
    signed_up(page)
    data = copy.deepcopy(sample_resume())  # the app's own sample, kept once: not to be changed
    # A title with no title word in it, on a template that prints the employer above the title.
    data["work"][1]["position"] = "Growth hacker"
    resume_id = new_resume(page, data)
    open_editor(page, resume_id)
    page.get_by_role("tab", name="Design").click()
    page.get_by_label("Template").select_option(label="Executive")
    expect(saved_state(page)).to_have_text("All changes saved")

    page.get_by_role("button", name="Parser check").click()
    drawer = page.get_by_role("dialog", name="What a parser reads")
    score = drawer.locator(".ai-score-number strong")
    expect(score).not_to_have_text("100", timeout=20_000)
    expect(score).to_have_text(re.compile(r"^9\d$"))
    finding = drawer.locator('[data-finding="fields"]')
    expect(finding).to_contain_text("work[1].name read as “Growth hacker”")
    expect(finding).to_contain_text("try another template")
    expect(drawer.locator(".parser-field").first).to_be_visible()
    look(page, "editor-parser-check", full_page=False)
    drawer.get_by_text("The text in the order a parser reads it").click()
    expect(drawer.locator(".parser-text pre")).to_contain_text("Maya Okafor")

    # Its advice: another template. Classic prints the title first, as parsers expect.
    drawer.get_by_role("button", name="Close").click()
    page.get_by_label("Template").select_option(label="Classic")
    expect(saved_state(page)).to_have_text("All changes saved")
    page.get_by_role("button", name="Parser check").click()
    expect(score).to_have_text("100", timeout=20_000)
    expect(drawer.locator(".ai-score-words")).to_have_text(
        "Every field reads back as you wrote it."
    )
    expect(drawer.locator("[data-finding]")).to_have_count(0)
