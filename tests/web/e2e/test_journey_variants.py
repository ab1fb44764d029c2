"""Variants on the dashboard: tailored versions sit in their master's group, each saying which
job it is for."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page, expect

from tests.web.e2e.helpers import look, signed_up

HIGHLIGHT = "Cared for up to 4 intensive care patients per shift"
NURSE = {
    "basics": {"name": "Ada Example", "summary": "Intensive care nurse."},
    "work": [{"name": "St Mary's Hospital", "position": "Staff Nurse", "highlights": [HIGHLIGHT]}],
}


def api(page: Page, method: str, url: str, body: dict[str, Any], **headers: str) -> Any:
    csrf = next(c["value"] for c in page.context.cookies() if c["name"] == "resumate_csrf")
    answer = page.request.fetch(
        url, method=method, data=body, headers={"X-CSRF-Token": csrf, **headers}
    )
    assert answer.ok, answer.text()
    return answer.json()


def test_tailored_versions_are_grouped_under_their_master(any_page: Page) -> None:
    page = any_page
    signed_up(page)
    master = api(page, "POST", "/api/resumes", {"title": "Nurse", "data": NURSE})
    api(page, "POST", "/api/resumes", {"title": "Teacher"})
    rephrased = "Looked after up to 4 intensive care patients each shift"
    for job in ("Night Nurse, ICU", "Charge Nurse"):
        change = {"path": "work[0].highlights[0]", "original": HIGHLIGHT, "new": rephrased}
        body = {"changes": [change], "variant": {"job": f"{job}\nA calm nurse for our ward."}}
        api(page, "POST", f"/api/resumes/{master['id']}/ai/apply", body, **{"If-Match": '"1"'})
    page.goto("/resumes")
    group = page.get_by_role("list", name="Nurse and 2 tailored versions")
    expect(group).to_be_visible()
    expect(group.locator(".resume-card")).to_have_count(3)
    expect(group.get_by_text("Tailored for: Night Nurse, ICU")).to_be_visible()
    expect(page.get_by_role("heading", name="Teacher", exact=True)).to_be_visible()
    for picture in page.locator(".card-thumb img").all():
        picture.scroll_into_view_if_needed()
        page.wait_for_function(
            "i => i.complete && i.naturalWidth > 0", arg=picture.element_handle()
        )
    page.evaluate("window.scrollTo(0, 0)")
    look(page, "dashboard-variants")
