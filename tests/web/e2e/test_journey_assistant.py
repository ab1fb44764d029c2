"""Journey 14, the Assistant: a job's match score, the writing check at its fields, proposals
reviewed change by change into a new version, a streamed rewrite cancelled, and what the panel
says when the site has no model.

Writing help talks to a scripted model (tests/web/e2e/scripted_model.py) behind the
OpenAI-compatible provider: a second app, started like the first with the provider set, so the
changes a journey reviews are known in advance. Match and the check need no model. One journey
cancels a letter the real small model (SmolLM2 behind llama-cpp-python's server, tests/ai/llm.py)
is writing: cancelling must work against a real server too.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

# The real small model's fixtures, for the journey that cancels it.
from tests.ai.llm import gguf, llama_server  # noqa: F401
from tests.pdfs import assert_readable
from tests.resume_parser import lines_of, text_items
from tests.web.e2e.conftest import PageMaker, free_port, served_like_make_run
from tests.web.e2e.editing import new_resume, open_editor, preview, saved
from tests.web.e2e.helpers import look, signed_up
from tests.web.e2e.scripted_model import Script, scripted_model

JOB = """Senior Backend Engineer (Python)
We are hiring a backend engineer to build payment APIs.
Requirements: 5+ years of Python, PostgreSQL, Docker and Kubernetes.
You will design REST APIs and mentor engineers."""
# A server's first match loads the skill list (and the embedding model, with the semantic extra).
FIRST_MATCH_MS = 60_000
MISSING = "Job terms the resume does not show"
HIGHLIGHTS = [
    "Responsible for the billing service written in Python",
    "Moved the reporting jobs to PostgreSQL",
    "Helped the team with code reviews",
]


def resume() -> dict[str, Any]:
    return {
        "basics": {
            "name": "Ada Park",
            "label": "Backend engineer",
            "email": "ada@example.com",
            "summary": "Backend engineer who builds payment APIs in Python.",
        },
        "work": [
            {
                "name": "Acme Pay",
                "position": "Backend Engineer",
                "startDate": "2019-03",
                "highlights": HIGHLIGHTS,
            }
        ],
        "skills": [{"name": "Backend", "keywords": ["Python", "PostgreSQL", "Docker", "REST"]}],
    }


# The app with a model ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def model() -> Iterator[Script]:
    with scripted_model(free_port()) as script:
        yield script


@pytest.fixture(scope="module")
def ai_server(model: Script, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    settings = {
        "RESUMATE_AUTH_THROTTLE_PER_ADDRESS": "10000",
        "RESUMATE_AUTH_MAIL_PER_CLIENT": "10000",
        "RESUMATE_AI_PROVIDER": "openai",
        "RESUMATE_AI_BASE_URL": model.base_url,
        "RESUMATE_AI_MODEL": "scripted-model",
        "RESUMATE_AI_API_KEY": "scripted",
    }
    folder: Path = tmp_path_factory.mktemp("assistant-server")
    with served_like_make_run(folder, settings) as base_url:
        yield base_url


@pytest.fixture
def ai_page(browser: Browser, ai_server: str) -> Iterator[Page]:
    maker = PageMaker(browser, ai_server)
    yield maker("desktop")
    maker.close()


@pytest.fixture(params=["desktop", "phone"])
def any_ai_page(request: pytest.FixtureRequest, browser: Browser, ai_server: str) -> Iterator[Page]:
    maker = PageMaker(browser, ai_server)
    yield maker(request.param)
    maker.close()


# Steps ------------------------------------------------------------------------------------------


def open_assistant(page: Page, data: dict[str, Any] | None = None) -> str:
    signed_up(page)
    resume_id = new_resume(page, resume() if data is None else data)
    open_editor(page, resume_id)
    page.get_by_role("tab", name="Assistant").click()
    return resume_id


def dialog(page: Page) -> Locator:
    return page.locator("[data-ai-dialog]")


def change(page: Page, number: int) -> Locator:
    return dialog(page).get_by_role("listitem", name=f"Change {number}")


def show_preview(page: Page) -> None:
    switch = page.locator('[data-show-view="preview"]')
    if switch.is_visible():
        switch.click()


# Journeys ----------------------------------------------------------------------------------------


def test_pasting_a_job_shows_the_score_and_what_is_missing(any_page: Page) -> None:
    page = any_page
    open_assistant(page)
    page.get_by_label("Job description").fill(JOB)
    page.get_by_role("button", name="Check match").click()
    score = page.locator(".ai-score-number strong")
    expect(score).to_have_text(re.compile(r"^\d{1,3}$"), timeout=FIRST_MATCH_MS)
    result = page.locator("[data-ai-match-result]")
    found = result.get_by_role("list", name="Job terms the resume shows")
    expect(found).to_contain_text(re.compile("python", re.IGNORECASE))
    missing = result.get_by_role("list", name=MISSING)
    kubernetes = missing.get_by_role("listitem").filter(has_text=re.compile("kubernetes", re.I))
    expect(kubernetes).to_have_text(re.compile(r"\(required\)$"))
    score.scroll_into_view_if_needed()
    look(page, "assistant-match")


def test_evidence_takes_you_to_the_bullet_that_backs_a_requirement(page: Page) -> None:
    open_assistant(page)
    page.get_by_label("Job description").fill(JOB)
    page.get_by_role("button", name="Check match").click()
    link = page.locator(".ai-evidence-link").filter(has_text="PostgreSQL").first
    expect(link).to_be_visible(timeout=FIRST_MATCH_MS)
    link.click()
    expect(page.get_by_role("tab", name="Content")).to_have_attribute("aria-selected", "true")
    expect(page.locator(":focus")).to_have_value(HIGHLIGHTS[1])


def test_the_writing_check_notes_each_finding_under_its_field(any_page: Page) -> None:
    page = any_page
    open_assistant(page)
    page.get_by_role("button", name="Check my writing").click()
    findings = page.locator(".ai-finding")
    expect(findings.first).to_be_visible()
    weak = findings.filter(has_text="Responsible for").or_(findings.filter(has_text="Helped"))
    expect(weak.first).to_be_visible()
    weak.first.scroll_into_view_if_needed()
    look(page, "assistant-check")
    weak.first.get_by_role("button", name="Show").click()
    focused = page.locator(":focus")
    note = page.locator(f"#{focused.get_attribute('id')}-ai-note")
    expect(note).to_be_visible()
    look(page, "assistant-check-notes")


def test_generation_off_says_how_to_turn_it_on_and_offers_no_rewrite(page: Page) -> None:
    open_assistant(page)
    privacy = page.locator("[data-ai-privacy]")
    expect(privacy).to_contain_text("Writing help is off")
    expect(privacy).to_contain_text("RESUMATE_AI_PROVIDER")
    expect(page.get_by_role("button", name="Tailor to this job")).to_be_hidden()
    expect(page.get_by_role("button", name="Cover letter")).to_be_hidden()
    page.get_by_role("tab", name="Content").click()
    expect(page.locator(".ai-rewrite")).to_have_count(0)


def test_accepting_two_changes_and_rejecting_one_makes_a_new_version(
    any_ai_page: Page, model: Script
) -> None:
    page = any_ai_page
    resume_id = open_assistant(page)
    privacy = page.locator("[data-ai-privacy]")
    expect(privacy).to_contain_text("your resume text — never your contact details — is sent")
    look(page, "assistant-on")
    page.get_by_label("Job description").fill(JOB)
    model.say(
        {
            "changes": [
                {"path": "work[0].highlights[0]", "new": "Built the billing service in Python"},
                {"path": "work[0].highlights[1]", "new": "Moved reporting jobs onto PostgreSQL"},
                {"path": "work[0].highlights[2]", "new": "Reviewed the team's code"},
            ]
        }
    )
    page.get_by_role("button", name="Tailor to this job").click()
    expect(change(page, 3)).to_be_visible()
    expect(change(page, 1).locator("del").first).to_have_text("removed: Responsible for")
    expect(change(page, 1).locator("ins").first).to_have_text("added: Built")
    look(page, "assistant-review", full_page=False)
    change(page, 1).get_by_role("button", name="Accept").click()
    change(page, 2).get_by_role("button", name="Reject").click()
    change(page, 3).get_by_role("button", name="Accept").click()
    dialog(page).get_by_role("button", name="Apply 2 accepted").click()
    expect(dialog(page)).to_be_hidden()
    expect(page.locator("[data-toast]")).to_contain_text("2 changes applied as version 2")

    data = saved(page, resume_id)
    assert data["version"] == 2
    assert data["data"]["work"][0]["highlights"] == [
        "Built the billing service in Python",
        HIGHLIGHTS[1],
        "Reviewed the team's code",
    ]
    show_preview(page)
    expect(preview(page).locator("body")).to_contain_text("Reviewed the team's code")
    expect(preview(page).locator("body")).to_contain_text(HIGHLIGHTS[1])
    page.get_by_role("button", name="History").click()
    current = page.locator(".history-item.is-current")
    expect(current).to_have_attribute("data-history-open", "2")
    expect(current).to_contain_text("1 edit")
    # A proposal reaches the model without the person's contact details.
    sent = str(model.requests[-1]["messages"])
    assert "ada@example.com" not in sent
    assert "Ada Park" not in sent


def test_a_streaming_rewrite_can_be_cancelled(ai_page: Page, model: Script) -> None:
    page = ai_page
    resume_id = open_assistant(page)
    page.get_by_role("tab", name="Content").click()
    page.locator('details[data-section="work"] [data-toggle]').first.click()
    words = " ".join(["Built"] * 60)
    model.say({"text": words}, pace=0.25)
    page.get_by_role("button", name="Rewrite this bullet").first.click()
    dialog(page).get_by_role("radio", name="Shorter").check()
    dialog(page).get_by_role("button", name="Rewrite").click()
    arriving = dialog(page).locator("[data-ai-arriving]")
    expect(arriving).to_contain_text("Built Built")
    look(page, "assistant-streaming", full_page=False)
    dialog(page).get_by_role("button", name="Cancel").click()
    expect(dialog(page)).to_be_hidden()
    expect(page.locator("[data-toast]")).to_contain_text("Cancelled")
    assert saved(page, resume_id)["version"] == 1
    # Cancelling reaches the model: the app closed its stream rather than reading on.
    deadline = time.monotonic() + 10
    while model.cancelled == 0:
        assert time.monotonic() < deadline, "the model's stream was never closed"
        time.sleep(0.1)


def test_a_cover_letter_streams_in_then_prints_as_edited_in_the_resumes_design(
    ai_page: Page, model: Script
) -> None:
    page = ai_page
    open_assistant(page)
    page.get_by_label("Job description").fill(JOB)
    letter = "Dear hiring team,\n\nI build payment APIs in Python at Acme Pay.\n\nKind regards"
    model.say({"text": letter}, pace=0.02)
    page.get_by_role("button", name="Cover letter").click()
    text = page.get_by_label("Cover letter text")
    expect(text).to_have_value(letter)
    expect(page.get_by_role("button", name="Copy")).to_be_enabled()
    with page.expect_download() as download:
        page.get_by_role("button", name="As .txt").click()
    assert download.value.suggested_filename == "cover-letter.txt"

    # The draft is the person's to edit; the PDF prints what the box holds, not the draft.
    edited = letter.replace("Kind regards", "I would love to talk.\n\nKind regards,\nAda Park")
    text.fill(edited)
    page.get_by_role("textbox", name="To optional").fill("Hiring team\nNordlys Payments")
    page.locator("[data-ai-letter]").evaluate("(box) => box.scrollIntoView({ block: 'start' })")
    look(page, "assistant-letter")
    with page.expect_download() as download:
        page.get_by_role("button", name="Letter as PDF").click()
    assert download.value.suggested_filename.endswith("-cover-letter.pdf")
    pdf = Path(download.value.path()).read_bytes()
    # Printed by the app as `make run` starts it: the bundled fonts, real characters.
    assert_readable(pdf)
    lines = [line.text for line in lines_of(text_items(pdf)[0])]
    # A parser reads the letterhead first (name, label, contact), then the date and the text.
    assert lines[0] == "Ada Park"
    assert lines.index("ada@example.com") < lines.index("Hiring team")
    assert lines.index("Hiring team") < lines.index("Dear hiring team,")
    assert "I would love to talk." in lines
    assert not any("Responsible for the billing service" in line for line in lines)
    expect(page.locator("[data-toast]")).to_contain_text("in your resume's design")


def test_a_flagged_change_needs_a_yes_before_it_can_be_accepted(
    ai_page: Page, model: Script
) -> None:
    page = ai_page
    resume_id = open_assistant(page)
    page.get_by_label("Job description").fill(JOB)
    invented = "Ran the billing service on Kubernetes for 40 million customers"
    model.say({"changes": [{"path": "work[0].highlights[0]", "new": invented}]})
    page.get_by_role("button", name="Tailor to this job").click()
    flagged = change(page, 1)
    expect(flagged.locator(".ai-flags li").first).to_be_visible()
    accept = flagged.get_by_role("button", name="Accept")
    expect(accept).to_be_disabled()
    flagged.get_by_label("Yes, this is true").check()
    accept.click()
    expect(accept).to_have_attribute("aria-pressed", "true")
    look(page, "assistant-flagged", full_page=False)
    dialog(page).get_by_role("button", name="Apply 1 accepted").click()
    expect(dialog(page)).to_be_hidden()
    assert saved(page, resume_id)["data"]["work"][0]["highlights"][0] == invented


def test_a_suggested_edit_from_the_check_is_reviewed_then_lands_in_the_form(page: Page) -> None:
    resume_id = open_assistant(page)
    page.get_by_role("button", name="Check my writing").click()
    finding = page.locator(".ai-finding").filter(has_text="Responsible for")
    finding.get_by_role("button", name="Review suggestion").click()
    dialog(page).get_by_role("button", name="Accept", exact=True).click()
    dialog(page).get_by_role("button", name="Apply 1 accepted").click()
    expect(dialog(page)).to_be_hidden()
    page.get_by_role("tab", name="Content").click()
    bullets = page.locator('[data-list="work"] [data-strings="highlights"] [data-value]')
    expect(bullets.first).to_have_value("The billing service written in Python")
    # The form took the new version in place: the next edit saves on top of it, no conflict.
    bullets.nth(1).fill("Moved 12 reporting jobs to PostgreSQL")
    expect(page.locator("[data-save-text]")).to_have_text("All changes saved")
    data = saved(page, resume_id)
    assert data["version"] == 3
    assert data["data"]["work"][0]["highlights"][:2] == [
        "The billing service written in Python",
        "Moved 12 reporting jobs to PostgreSQL",
    ]


# The real small model ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real_model_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The app with SmolLM2 behind llama-cpp-python's OpenAI-compatible server."""
    llama_base_url: str = request.getfixturevalue("llama_server")
    settings = {
        "RESUMATE_AUTH_THROTTLE_PER_ADDRESS": "10000",
        "RESUMATE_AUTH_MAIL_PER_CLIENT": "10000",
        "RESUMATE_AI_PROVIDER": "openai",
        "RESUMATE_AI_BASE_URL": llama_base_url,
        "RESUMATE_AI_MODEL": "smollm2",
        "RESUMATE_AI_API_KEY": "local",
    }
    folder: Path = tmp_path_factory.mktemp("real-model-server")
    with served_like_make_run(folder, settings) as base_url:
        yield base_url


def test_a_letter_the_real_model_is_writing_can_be_cancelled(
    browser: Browser, real_model_server: str
) -> None:
    maker = PageMaker(browser, real_model_server)
    page = maker("desktop")
    try:
        open_assistant(page)
        page.get_by_label("Job description").fill(JOB)
        page.get_by_role("button", name="Cover letter").click()
        cancel = page.locator("[data-ai-letter]").get_by_role("button", name="Cancel")
        expect(cancel).to_be_visible()
        expect(page.get_by_label("Cover letter text")).not_to_have_value("", timeout=60_000)
        cancel.click()
        expect(page.locator("[data-ai-letter-progress]")).to_have_text("Cancelled.")
        expect(cancel).to_be_hidden()
        expect(page.get_by_role("button", name="Cover letter")).to_be_enabled()
    finally:
        maker.close()
