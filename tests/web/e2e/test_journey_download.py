"""Journey 6, download: the PDF is printed from what was typed, with progress and clear
messages when the printer is busy or fails; the JSON export is the resume."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

from playwright.sync_api import Page, Route, expect
from pypdf import PdfReader

from resumate.document.theme import default_theme
from tests.pdfs import assert_bundled_fonts
from tests.web.e2e.editing import new_resume, open_editor, sample, saved_state
from tests.web.e2e.helpers import look, signed_up


def pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_the_downloaded_pdf_holds_what_was_just_typed(any_page: Page) -> None:
    page = any_page
    signed_up(page)
    resume_id = new_resume(page, sample())
    open_editor(page, resume_id)
    page.get_by_label("Full name").fill("Katherine Johnson")
    page.get_by_label("Headline").fill("Research mathematician")
    with page.expect_download() as download:
        page.get_by_role("button", name=re.compile("PDF")).click()
        expect(page.locator("[data-download]")).to_be_disabled()
    path = Path(download.value.path())
    assert download.value.suggested_filename.endswith(".pdf")
    text = pdf_text(path)
    assert "Katherine Johnson" in text
    assert "Research mathematician" in text
    # Printed by the app as `make run` starts it: in the bundled fonts, not the system's.
    assert_bundled_fonts(path.read_bytes())
    expect(page.locator("#toasts")).to_contain_text("PDF ready")
    look(page, "editor-downloaded")


def test_a_busy_printer_is_waited_for_and_said(page: Page) -> None:
    signed_up(page)
    resume_id = new_resume(page, {"basics": {"name": "Dorothy Vaughan"}})
    open_editor(page, resume_id)
    refused: list[str] = []

    def busy_once(route: Route) -> None:
        if refused:
            route.continue_()
            return
        refused.append(route.request.url)
        body = {"error": {"code": "renderer_busy", "message": "Busy."}}
        route.fulfill(status=503, json=body, headers={"Retry-After": "1"})

    page.route("**/generate-pdf", busy_once)
    with page.expect_download() as download:
        page.get_by_role("button", name=re.compile("PDF")).click()
        expect(page.locator("[data-download-label]")).to_have_text("Printer busy — waiting…")
    assert refused
    assert "Dorothy Vaughan" in pdf_text(Path(download.value.path()))


def test_a_failed_print_is_said_plainly_and_the_button_comes_back(page: Page) -> None:
    signed_up(page)
    resume_id = new_resume(page, {"basics": {"name": "Mary Jackson"}})
    open_editor(page, resume_id)
    body = {"error": {"code": "render_failed", "message": "The PDF could not be made. Try again."}}
    page.route("**/generate-pdf", lambda route: route.fulfill(status=500, json=body))
    page.get_by_role("button", name=re.compile("PDF")).click()
    expect(page.locator("#toasts")).to_contain_text("The PDF could not be made. Try again.")
    expect(page.locator("[data-download]")).to_be_enabled()
    look(page, "editor-print-failed")


def test_the_json_export_is_the_resume_as_typed(page: Page) -> None:
    signed_up(page)
    resume_id = new_resume(page, {"basics": {"name": "Ada"}, "meta": {"version": "v1"}})
    open_editor(page, resume_id)
    page.get_by_label("Full name").fill("Ada Lovelace")
    expect(saved_state(page)).to_have_text("All changes saved")
    with page.expect_download() as download:
        page.get_by_role("link", name="Export JSON").click()
    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert exported["basics"]["name"] == "Ada Lovelace"
    # The user's own meta key as typed, and the design (template and theme) for an import.
    design = {"template": "classic", "theme": default_theme()}
    assert exported["meta"] == {"version": "v1", "theme": "classic", "resumate": design}
