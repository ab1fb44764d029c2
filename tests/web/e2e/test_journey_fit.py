"""Fit to N pages: a resume with a nearly empty second page is warned about and fitted on one
page, which the downloaded PDF has; one that cannot fit is told what to cut."""

from __future__ import annotations

import copy
import io
import re
import tempfile
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.web.e2e.conftest import PageMaker
from tests.web.e2e.editing import new_resume, open_editor, sample, saved, saved_state
from tests.web.e2e.helpers import device, look, signed_up
from tests.web.e2e.test_journey_narrow import NARROW, sideways

# Where the journey's screenshots go to be looked at, beside look()'s in test-artifacts.
SHOTS = Path(tempfile.gettempdir()) / "shots" / "fit"


def two_pages() -> dict[str, Any]:
    """The sample without its references, interests and publications: in the default template
    a second page of a few lines, which fits on one within the readable limits."""
    data = sample()
    for key in ("references", "interests", "publications", "awards"):
        del data[key]
    return data


def too_long() -> dict[str, Any]:
    """Five jobs of the sample's, each in its own years: three pages whatever the design."""
    data = sample()
    job = data["work"][0]
    data["work"] = [
        copy.deepcopy(job)
        | {
            "name": f"Studio {n}",
            "startDate": f"{2004 + 2 * n}-01",
            "endDate": f"{2005 + 2 * n}-12",
        }
        for n in range(5)
    ]
    data["projects"] = [
        copy.deepcopy(data["projects"][0]) | {"name": f"Tool {n}"} for n in range(4)
    ]
    return data


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / f"{name}-{device(page)}.png")


def show_preview(page: Page) -> None:
    if page.locator('[data-show-view="preview"]').is_visible():
        page.locator('[data-show-view="preview"]').click()


def show_editor(page: Page) -> None:
    if page.locator('[data-show-view="edit"]').is_visible():
        page.locator('[data-show-view="edit"]').click()


def pdf_pages(path: Path) -> int:
    return len(PdfReader(io.BytesIO(path.read_bytes())).pages)


def test_a_nearly_empty_page_is_fitted_away_and_the_pdf_has_one_page(any_page: Page) -> None:
    page = any_page
    signed_up(page)
    resume_id = new_resume(page, two_pages())
    open_editor(page, resume_id)
    show_preview(page)
    count = page.locator("[data-page-count]")
    expect(count).to_have_text("2 pages")
    warning = page.locator("[data-page-fill]")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text(re.compile(r"Page 2 holds only \d+ lines?\."))
    expect(warning.get_by_role("button")).to_have_text("Fit to 1 page")
    shot(page, "warning")
    look(page, "fit-warning", full_page=False)

    show_editor(page)
    page.get_by_role("tab", name="Design").click()
    design = page.get_by_role("tabpanel", name="Design")
    design.get_by_role("button", name="Fit to 1 page").click()
    result = design.locator("[data-fit-result]")
    expect(result).to_contain_text("Now on 1 page (was 2)")
    shot(page, "fitted")
    look(page, "fit-fitted", full_page=False)
    expect(saved_state(page)).to_have_text("All changes saved")
    theme = saved(page, resume_id)["theme"]
    assert theme["lineHeight"] >= 1.15
    assert theme["marginMm"] >= 10

    show_preview(page)
    expect(count).to_have_text("1 page")
    expect(warning).to_be_hidden()
    with page.expect_download() as download:
        page.get_by_role("button", name=re.compile("PDF")).click()
    assert pdf_pages(Path(download.value.path())) == 1

    # Undo puts the design back as it was: two pages again, and so saved.
    show_editor(page)
    design.get_by_role("button", name="Undo").click()
    expect(result).to_contain_text("Put back as it was.")
    show_preview(page)
    expect(count).to_have_text("2 pages")
    expect(saved_state(page)).to_have_text("All changes saved")
    assert saved(page, resume_id)["theme"]["lineHeight"] is None


def test_the_warning_fits_from_the_preview_bar(page: Page) -> None:
    signed_up(page)
    resume_id = new_resume(page, two_pages())
    open_editor(page, resume_id)
    page.locator("[data-page-fill]").get_by_role("button", name="Fit to 1 page").click()
    expect(page.locator("[data-page-count]")).to_have_text("1 page")
    expect(page.locator("#toasts")).to_contain_text("Now on 1 page.")
    expect(page.locator("[data-page-fill]")).to_be_hidden()


def test_a_resume_that_cannot_fit_is_told_what_to_cut(any_page: Page) -> None:
    page = any_page
    signed_up(page)
    resume_id = new_resume(page, too_long())
    open_editor(page, resume_id)
    page.get_by_role("tab", name="Design").click()
    design = page.get_by_role("tabpanel", name="Design")
    design.get_by_role("button", name="Fit to 1 page").click()
    result = design.locator("[data-fit-result]")
    expect(result).to_contain_text("It can’t fit on 1 page at a readable size.")
    cuts = result.get_by_role("listitem")
    expect(cuts.first).to_have_text(
        re.compile(
            r"^Cut the oldest job, CEO/President at Studio 0 \(2004–2005\): about \d+ lines\."
        )
    )
    shot(page, "refused")
    look(page, "fit-refused", full_page=False)
    # Nothing changed: the design and the saved resume are as they were.
    assert saved(page, resume_id)["version"] == 1


def test_at_360px_the_warning_and_the_fit_stay_on_the_screen(new_page: PageMaker) -> None:
    page = new_page("phone", **NARROW)
    signed_up(page)
    resume_id = new_resume(page, two_pages())
    open_editor(page, resume_id)
    show_preview(page)
    expect(page.locator("[data-page-fill]")).to_be_visible()
    shot(page, "narrow-warning")
    assert sideways(page) == [], "the preview bar with the warning"
    show_editor(page)
    page.get_by_role("tab", name="Design").click()
    design = page.get_by_role("tabpanel", name="Design")
    design.get_by_role("button", name="Fit to 1 page").click()
    expect(design.locator("[data-fit-result]")).to_contain_text("Now on 1 page")
    shot(page, "narrow-fitted")
    assert sideways(page) == [], "the design tab with the fit's answer"
