"""At 360 px, the narrowest phone people use, no page scrolls sideways, however long the titles
a person typed: the dashboard, the editor (its cards and its form), the trash, the account."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

from tests.web.e2e.conftest import DEVICES, PageMaker
from tests.web.e2e.editing import new_resume, open_editor
from tests.web.e2e.helpers import look, signed_up

NARROW = DEVICES["phone"] | {"viewport": {"width": 360, "height": 780}}
LONG = "Senior Principal Staff Software Engineering Manager, Distributed Payments Infrastructure"
UNBROKEN = "Supercalifragilisticexpialidocious" * 3
DATA: dict[str, Any] = {
    "basics": {"name": f"Ada {UNBROKEN}", "label": LONG, "url": f"https://{UNBROKEN}.example.com"},
    "work": [
        {
            "name": f"Internationale Versicherungsgesellschaft {UNBROKEN}",
            "position": LONG,
            "startDate": "2019-04",
            "highlights": [f"Rebuilt {UNBROKEN} across 14 regions"],
        }
    ],
    "projects": [{"name": UNBROKEN, "description": LONG}],
}


def sideways(page: Page) -> list[str]:
    """What sticks out past the window's right edge (or left, right to left), if anything."""
    found: list[str] = page.evaluate(
        """() => {
            const width = document.documentElement.clientWidth;
            const out = [];
            const wide = document.documentElement.scrollWidth;
            if (wide > width) out.push(`the page is ${wide}px wide`);
            for (const el of document.querySelectorAll("body *")) {
                const box = el.getBoundingClientRect();
                if (!box.width || getComputedStyle(el).position === "fixed") continue;
                if (el.closest("dialog:not([open]), [hidden], iframe")) continue;
                if (box.right > width + 1 || box.left < -1) {
                    const name = `${el.tagName.toLowerCase()}.${el.className}`;
                    out.push(`${name} at ${Math.round(box.left)}–${Math.round(box.right)}`);
                }
            }
            return out.slice(0, 10);
        }"""
    )
    return found


@pytest.fixture
def narrow(new_page: PageMaker) -> Page:
    return new_page("phone", **NARROW)


def test_nothing_scrolls_sideways_at_360px_with_long_titles(narrow: Page) -> None:
    page = narrow
    signed_up(page)
    resume_id = new_resume(page, DATA, title=f"{LONG} — {UNBROKEN}")
    for path in ("/resumes", "/account", "/resumes/trash", "/templates"):
        page.goto(path)
        assert sideways(page) == [], path
    page.goto("/resumes")
    look(page, "narrow-dashboard", full_page=False)
    open_editor(page, resume_id)
    assert sideways(page) == [], "the editor"
    page.locator('[data-section="work"]').scroll_into_view_if_needed()
    look(page, "narrow-editor", full_page=False)
    page.get_by_role("tab", name="Design").click()
    assert sideways(page) == [], "the editor's design tab"

    # The check sees what sticks out: a box wider than the window is reported.
    page.evaluate(
        "document.body.append(Object.assign(document.createElement('div'),"
        " {style: 'width: 500px; height: 1px'}))"
    )
    assert sideways(page) != []
