"""When things go wrong: a friendly page for a full load, a toast for an htmx action."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.web.e2e.helpers import look, signed_up


def test_an_unknown_page_reads_friendly_and_leads_home(any_page: Page) -> None:
    response = any_page.goto("/no/such/page")
    assert response is not None
    assert response.status == 404
    expect(any_page.get_by_role("heading", level=1)).to_have_text("We couldn't find that page")
    expect(any_page.locator("body")).not_to_contain_text("Traceback")
    look(any_page, "not-found")
    any_page.get_by_role("link", name="Go to the home page").click()
    expect(any_page).to_have_url(re.compile(r"/$"))


def test_a_failing_htmx_action_shows_a_toast_not_a_trace(page: Page) -> None:
    signed_up(page)
    page.goto("/resumes")
    page.get_by_role("button", name="New resume").click()
    # A form left open while the CSRF cookie went away (cleared, or another tab signed out).
    page.context.clear_cookies(name="resumate_csrf")
    page.get_by_role("button", name="Create resume").click()
    toast = page.locator("#toasts").get_by_role("alert")
    expect(toast).to_contain_text("This form has expired")
    expect(page.locator("body")).not_to_contain_text("Traceback")
    expect(page.get_by_role("heading", level=1)).to_have_text("Resumes")
    look(page, "htmx-error-toast", full_page=False)
    page.get_by_role("dialog").get_by_role("button", name="Cancel").click()
    toast.get_by_role("button", name="Dismiss").click()
    expect(toast).to_have_count(0)
