"""What the editor journeys share: a resume to edit, and reading the editor's state."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from playwright.sync_api import FrameLocator, Locator, Page, expect

SAMPLE = Path(__file__).resolve().parents[4] / "shared" / "jsonresume" / "sample.resume.json"


def sample() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SAMPLE.read_text(encoding="utf-8"))
    return data


def csrf(page: Page) -> str:
    return next(c["value"] for c in page.context.cookies() if c["name"] == "resumate_csrf")


def new_resume(page: Page, data: dict[str, Any] | None = None, title: str = "My resume") -> str:
    """A resume of the signed-in person, made through the API the pages use; its id."""
    response = page.request.post(
        "/api/resumes",
        data=json.dumps({"title": title, "data": data if data is not None else {}}),
        headers={"Content-Type": "application/json", "X-CSRF-Token": csrf(page)},
    )
    assert response.status == 201, response.text()
    resume_id: str = response.json()["id"]
    return resume_id


def open_editor(page: Page, resume_id: str) -> None:
    page.goto(f"/resumes/{resume_id}/edit")
    expect(saved_state(page)).to_have_text("All changes saved")


def saved(page: Page, resume_id: str) -> dict[str, Any]:
    """The resume as the server has it now."""
    response = page.request.get(f"/api/resumes/{resume_id}")
    assert response.ok, response.text()
    body: dict[str, Any] = response.json()
    return body


def saved_state(page: Page) -> Locator:
    return page.locator("[data-save-text]")


def preview(page: Page) -> FrameLocator:
    return page.frame_locator("[data-preview]")


def section(page: Page, key: str) -> Locator:
    return page.locator(f'details[data-section="{key}"]')


def entries(page: Page, key: str) -> Locator:
    return section(page, key).locator("[data-list] > [data-entry]")
