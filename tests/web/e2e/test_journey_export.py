"""Export in other formats: the editor's "More formats" menu downloads the saved resume as a
Word file, Markdown, plain text or an image of its first page."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from playwright.sync_api import Page, expect

from tests.transfer.export.pngs import decoded
from tests.web.e2e.editing import new_resume, open_editor, sample, saved_state
from tests.web.e2e.helpers import look, signed_up


def test_each_format_downloads_the_resume_as_saved(any_page: Page) -> None:
    page = any_page
    signed_up(page)
    resume_id = new_resume(page, sample())
    open_editor(page, resume_id)
    page.get_by_label("Full name").fill("Katherine Johnson")
    expect(saved_state(page)).to_have_text("All changes saved")
    menu = page.locator("[data-export-menu]")
    files: dict[str, bytes] = {}
    for label, extension in [
        ("Word (.docx)", "docx"),
        ("Markdown (.md)", "md"),
        ("Plain text (.txt)", "txt"),
        ("Page 1 as an image (.png)", "png"),
    ]:
        menu.locator("summary").click()
        if extension == "docx":
            look(page, "editor-export-menu", full_page=False)
        with page.expect_download() as download:
            page.get_by_role("link", name=label).click()
        expect(menu).not_to_have_attribute("open", "")
        assert download.value.suggested_filename.endswith(f".{extension}"), label
        files[extension] = Path(download.value.path()).read_bytes()
    assert docx.Document(io.BytesIO(files["docx"])).paragraphs[0].text == "Katherine Johnson"
    assert files["md"].decode().startswith("# Katherine Johnson\n")
    assert files["txt"].decode().startswith("Katherine Johnson\n")
    assert decoded(files["png"]).width > 1000
