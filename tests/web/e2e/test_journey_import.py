"""Importing a file: the editor says what was repaired, left out or is to be checked, until
dismissed; a resume in text is read into its fields; a file reviewed first, next to what was
read from it, is created as corrected."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import FilePayload, Page, Route, expect
from pypdf import PdfReader

from resumate.transfer.reading.files import UNSURE
from tests.transfer.resume_files import TEXT_RESUME, old_word_file
from tests.web.e2e.editing import csrf, new_resume, sample
from tests.web.e2e.helpers import look, signed_up

CORPUS = Path(__file__).resolve().parents[2] / "transfer" / "corpus"
EDITOR_URL = re.compile(r"/resumes/[0-9a-f-]{36}/edit$")


def imported(page: Page, name: str | FilePayload) -> None:
    """Import a file (of the corpus, by name) through the dashboard's dialog; the editor opens."""
    page.get_by_role("button", name="Import", exact=True).click()
    dialog = page.get_by_role("dialog", name="Import a resume")
    dialog.get_by_label("File").set_input_files(CORPUS / name if isinstance(name, str) else name)
    dialog.get_by_role("button", name="Import").click()
    expect(page).to_have_url(EDITOR_URL)


def test_the_editor_lists_what_the_import_changed_until_dismissed(any_page: Page) -> None:
    page = any_page
    signed_up(page)
    imported(page, "your-email.json")

    notes = page.get_by_role("region", name="Check what the import changed")
    expect(notes).to_be_visible()
    items = notes.get_by_role("listitem")
    expect(items).to_have_count(3)
    expect(items.nth(0)).to_contain_text("Personal details · Email")
    expect(items.nth(0)).to_contain_text("basics.email")
    expect(items.nth(0)).to_contain_text("your@email")
    expect(items.nth(0)).to_contain_text("Left out: a placeholder, not an e-mail address.")
    expect(items.nth(2)).to_contain_text("Work experience 1 · End date")
    expect(items.nth(2)).to_contain_text("Read as ongoing: no end date.")
    # What was kept is in the form, ready to fix.
    expect(page.get_by_label("Full name")).to_have_value("Priya Sharma")
    expect(page.get_by_label("Email")).to_have_value("")
    look(page, "editor-import-notes", full_page=False)

    notes.get_by_role("button", name="Dismiss").click()
    expect(notes).to_be_hidden()
    page.reload()
    expect(page.get_by_label("Full name")).to_have_value("Priya Sharma")
    expect(page.get_by_role("region", name="Check what the import changed")).to_have_count(0)


def test_many_notes_scroll_inside_the_notice_and_the_form_stays_reachable(any_page: Page) -> None:
    page = any_page
    signed_up(page)
    imported(page, "en-present-apostrophe.json")
    notes = page.get_by_role("region", name="Check what the import changed")
    expect(notes.get_by_role("listitem")).to_have_count(9)
    look(page, "editor-import-many-notes", full_page=False)
    # The notice never pushes the form out of reach: its list scrolls on its own.
    box = notes.bounding_box()
    viewport = page.viewport_size
    assert box is not None
    assert viewport is not None
    assert box["height"] < viewport["height"]
    page.get_by_label("Full name").scroll_into_view_if_needed()
    expect(page.get_by_label("Full name")).to_have_value("Dana Whitfield")


def test_a_text_resume_is_read_into_the_editor(page: Page) -> None:
    signed_up(page)
    markdown = FilePayload(name="cv.md", mimeType="text/markdown", buffer=TEXT_RESUME.encode())
    imported(page, markdown)
    expect(page.get_by_label("Full name")).to_have_value("Ada Lovelace")
    expect(page.get_by_label("Email")).to_have_value("ada@example.com")


# The second job's header names no title: the reading guesses "Nordlys Labs" is its employer.
UNSURE_RESUME = """\
# Ingrid Solberg
Backend Engineer

ingrid@example.com | +47 912 34 567 | Oslo

## Experience

Backend Engineer, Nordlys    2016 – 2019
- Built the billing service
- Cut deploy time in half

Nordlys Labs    2014 – 2016
- Wrote the tide model

## Skills
Python, PostgreSQL, Kubernetes

## Projects
**Fjord** — a tide planner
"""


def read_in_review(page: Page, file: Path | FilePayload) -> None:
    """Choose a file on the review page and have it read; the fields found are shown."""
    page.get_by_label("Resume file").set_input_files(file)
    page.get_by_role("button", name="Read it").click()
    expect(page.get_by_role("region", name="What was read")).to_be_visible()


def test_a_reviewed_text_resume_is_corrected_before_it_is_created(any_page: Page) -> None:
    page = any_page
    signed_up(page)
    markdown = FilePayload(name="cv.md", mimeType="text/markdown", buffer=UNSURE_RESUME.encode())
    token = {"X-CSRF-Token": csrf(page)}
    dry_run = page.request.post(
        "/api/resumes/import?dryRun=true", multipart={"file": markdown}, headers=token
    )
    assert dry_run.json()["confidence"]["work[1].name"] < UNSURE

    page.get_by_role("button", name="Import", exact=True).click()
    page.get_by_role("dialog").get_by_role("link", name="Review what is read first").click()
    expect(page).to_have_url(re.compile(r"/resumes/import/review$"))
    read_in_review(page, markdown)

    # The job's company, and the town alone on the contact line: both read, neither for certain.
    expect(page.get_by_role("heading", name="2 fields to check")).to_be_visible()
    look(page, "import-review", full_page=False)  # the panes and the action bar stay in view
    expect(page.locator("#review-original-body pre")).to_contain_text("Nordlys Labs    2014")
    second = page.get_by_role("group", name="Job 2")
    expect(second.get_by_label("Company")).to_have_value("Nordlys Labs")
    expect(second.get_by_label("Company")).to_have_accessible_description(
        "Read from the file, but not for certain: check it."
    )
    expect(page.get_by_text("Check this", exact=True)).to_have_count(2)
    expect(page.get_by_label("City")).to_have_value("Oslo")
    expect(page.get_by_text("1 project — you can edit it after creating")).to_be_visible()
    first = page.get_by_role("group", name="Job 1")
    expect(first.get_by_label("Highlights")).to_have_value(
        "Built the billing service\nCut deploy time in half"
    )
    first.get_by_label("Job title").fill("Lead Backend Engineer")
    second.get_by_label("Job title").fill("Research Intern")
    second.get_by_label("Company").focus()
    look(page, "import-review-corrected", full_page=False)

    page.get_by_role("button", name="Create resume").click()
    expect(page).to_have_url(EDITOR_URL)
    resume_id = page.url.split("/")[-2]
    data = page.request.get(f"/api/resumes/{resume_id}").json()["data"]
    assert data["basics"]["email"] == "ingrid@example.com"
    assert data["basics"]["location"] == {"city": "Oslo"}
    jobs = [(job.get("position"), job["name"]) for job in data["work"]]
    assert jobs == [("Lead Backend Engineer", "Nordlys"), ("Research Intern", "Nordlys Labs")]
    assert data["work"][0]["highlights"] == ["Built the billing service", "Cut deploy time in half"]
    assert data["projects"][0]["name"] == "Fjord"  # a section the form does not show is kept


def printed_resume(page: Page, folder: Path) -> tuple[Path, list[float]]:
    """A resume of the app's, printed to a PDF file; and each page's height over its width."""
    printed = page.request.get(f"/api/resumes/{new_resume(page, sample())}/pdf")
    assert printed.ok, printed.text()
    pdf = folder / "hendriks.pdf"
    pdf.write_bytes(printed.body())
    boxes = [sheet.mediabox for sheet in PdfReader(io.BytesIO(printed.body())).pages]
    return pdf, [float(box.height) / float(box.width) for box in boxes]


def test_a_pdf_is_shown_as_its_pages_next_to_what_was_read_from_it(
    any_page: Page, tmp_path: Path
) -> None:
    page = any_page
    signed_up(page)
    pdf, proportions = printed_resume(page, tmp_path)
    pages = len(proportions)
    page.goto("/resumes/import/review")
    read_in_review(page, pdf)
    original = page.locator("#review-original")
    if original.get_attribute("open") is None:  # folded on a phone, the fields first
        original.locator("summary").click()

    sheets = page.get_by_role("img", name=re.compile(r"^Page \d+ of \d+ of hendriks\.pdf$"))
    expect(sheets).to_have_count(pages)
    first = page.get_by_role("img", name=f"Page 1 of {pages} of hendriks.pdf", exact=True)
    expect(first).to_be_visible()
    # Drawn, not a broken image, and as wide as the pane (its own size is sharper).
    assert first.evaluate("image => image.complete && image.naturalWidth") == 900
    box = first.bounding_box()
    pane = page.locator("#review-original-body").bounding_box()
    assert box is not None
    assert pane is not None
    assert pane["width"] * 0.8 < box["width"] < pane["width"]
    assert box["height"] == pytest.approx(box["width"] * proportions[0], rel=0.01)
    expect(page.get_by_title("The original: hendriks.pdf")).to_have_count(0)
    expect(page.get_by_role("link", name="Open the PDF in a new tab")).to_have_attribute(
        "href", re.compile(r"^blob:")
    )
    expect(page.get_by_label("Full name")).to_have_value("Richard Hendriks")
    look(page, "import-review-pdf", full_page=False)
    first.scroll_into_view_if_needed()
    look(page, "import-review-pdf-pages", full_page=False)


def test_a_pdf_whose_pages_were_not_drawn_is_shown_in_the_browsers_viewer(
    page: Page, tmp_path: Path
) -> None:
    signed_up(page)
    pdf, _ = printed_resume(page, tmp_path)

    sent = FilePayload(name=pdf.name, mimeType="application/pdf", buffer=pdf.read_bytes())
    token = {"X-CSRF-Token": csrf(page)}

    def undrawn(route: Route) -> None:
        """The server's answer, as when the pages could not be drawn in time."""
        read = page.request.post(route.request.url, multipart={"file": sent}, headers=token)
        route.fulfill(json=read.json() | {"pageImages": []})

    page.route(re.compile(r"/api/resumes/import\?dryRun=true$"), undrawn)
    page.goto("/resumes/import/review")
    read_in_review(page, pdf)

    frame = page.get_by_title("The original: hendriks.pdf")
    expect(frame).to_have_attribute("src", re.compile(r"^blob:"))
    expect(page.get_by_role("img", name=re.compile("hendriks"))).to_have_count(0)
    expect(page.get_by_role("link", name="Open the PDF in a new tab")).to_be_visible()
    expect(page.get_by_label("Full name")).to_have_value("Richard Hendriks")


def test_a_file_that_is_no_resume_is_explained_and_pasted_text_is_read(page: Page) -> None:
    signed_up(page)
    page.goto("/resumes/import/review")
    page.get_by_label("Resume file").set_input_files(
        FilePayload(name="cv.doc", mimeType="application/msword", buffer=old_word_file())
    )
    page.get_by_role("button", name="Read it").click()
    expect(page.get_by_role("alert")).to_contain_text("This is an old Word file (.doc).")
    expect(page.get_by_label("Resume file")).to_have_attribute("aria-invalid", "true")
    look(page, "import-review-refused")

    page.get_by_label("Resume file").set_input_files([])
    page.get_by_label("Or paste your resume's text").fill(TEXT_RESUME)
    page.get_by_role("button", name="Read it").click()
    expect(page.get_by_label("Full name")).to_have_value("Ada Lovelace")
    expect(page.get_by_text("pasted text")).to_be_visible()
    page.get_by_role("button", name="Start over").click()
    expect(page.get_by_label("Resume file")).to_be_focused()
