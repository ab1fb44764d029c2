"""Journey: a file read on the review page is tidied by the person's assistant — the text the
reader put in the wrong field moves to its own, each moved field is marked to check, and the
resume is created as tidied. Pages without an assistant do not offer it.

The assistant is a scripted model (tests/web/e2e/scripted_model.py) behind the OpenAI-compatible
provider of a second app, started like the first, so the journey knows what it will answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, FilePayload, Page, expect

from tests.tidy.reading import FIRST_JOB, RESUME, SECOND_JOB, answer
from tests.web.e2e.conftest import PageMaker, free_port, served_like_make_run
from tests.web.e2e.helpers import look, signed_up
from tests.web.e2e.scripted_model import Script, scripted_model

EDITOR_URL = re.compile(r"/resumes/[0-9a-f-]{36}/edit$")
MARKDOWN = FilePayload(name="cv.md", mimeType="text/markdown", buffer=RESUME.encode())


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
    folder: Path = tmp_path_factory.mktemp("tidy-server")
    with served_like_make_run(folder, settings) as base_url:
        yield base_url


@pytest.fixture(params=["desktop", "phone"])
def ai_page(request: pytest.FixtureRequest, browser: Browser, ai_server: str) -> Iterator[Page]:
    maker = PageMaker(browser, ai_server)
    yield maker(request.param)
    maker.close()


def read_in_review(page: Page) -> None:
    page.goto("/resumes/import/review")
    page.get_by_label("Resume file").set_input_files(MARKDOWN)
    page.get_by_role("button", name="Read it").click()
    expect(page.get_by_role("region", name="What was read")).to_be_visible()


def test_the_assistant_moves_misread_text_and_the_resume_is_made_as_tidied(
    ai_page: Page, model: Script
) -> None:
    page = ai_page
    signed_up(page)
    read_in_review(page)
    second = page.get_by_role("group", name="Job 2")
    expect(second.get_by_label("Location")).to_have_value("")
    tidy = page.get_by_role("button", name="Tidy with the assistant")
    expect(tidy).to_be_visible()

    model.say(answer(work=[FIRST_JOB, SECOND_JOB]))
    tidy.click()
    done = page.get_by_role("status", name="What the assistant did")
    expect(done).to_contain_text("The assistant moved text in 2 fields")
    expect(second.get_by_label("Location")).to_have_value("Philadelphia")
    expect(second.get_by_label("Highlights")).to_have_value(
        "Built UNIVAC I programs for 14 clients"
    )
    expect(page.get_by_text("Moved by the assistant", exact=True)).to_have_count(2)
    expect(second.get_by_label("Location")).to_have_accessible_description(
        "The assistant put this here: check it against your file."
    )
    expect(page.get_by_role("button", name="Tidied by the assistant")).to_be_disabled()
    sent = str(model.requests[-1]["messages"])
    assert "grace@navy.example.com" not in sent
    assert "Grace Hopper" not in sent
    look(page, "import-review-tidied", full_page=False)
    second.get_by_label("Highlights").scroll_into_view_if_needed()
    look(page, "import-review-tidied-fields", full_page=False)

    page.get_by_role("button", name="Create resume").click()
    expect(page).to_have_url(EDITOR_URL)
    resume_id = page.url.split("/")[-2]
    data = page.request.get(f"/api/resumes/{resume_id}").json()["data"]
    assert data["work"][1] == SECOND_JOB
    assert data["basics"]["email"] == "grace@navy.example.com"


def test_without_an_assistant_tidying_is_not_offered(page: Page) -> None:
    signed_up(page)
    read_in_review(page)
    expect(page.get_by_role("button", name="Create resume")).to_be_visible()
    expect(page.get_by_role("button", name="Tidy with the assistant")).to_be_hidden()
