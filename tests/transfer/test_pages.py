"""The editor shows what an import could not take as written, or is unsure of, until its owner
dismisses it; the dashboard imports a resume file of any kind."""

from __future__ import annotations

import json

import httpx

from resumate.transfer.reading.files import UNSURE
from resumate.transfer.reading.worker import ReadingWorker
from resumate.transfer.upload import UNSURE_NOTE
from tests.helpers import Account, create_resume, sign_up
from tests.pages import PageClient
from tests.transfer.resume_files import TEXT_RESUME, old_word_file

INFORMAL = {
    "basics": {"name": "Jonas Weber", "email": "your@email"},
    "work": [{"name": "Zalando", "startDate": "März 2016", "endDate": "heute"}],
}


async def imported(pages: PageClient, client: httpx.AsyncClient) -> tuple[Account, str]:
    """A signed-in owner and the editor of the resume they imported from INFORMAL."""
    account = await sign_up(client)
    await pages.sign_in(account)
    upload = {"file": ("cv.json", json.dumps(INFORMAL).encode(), "application/json")}
    response = await pages.post("/resumes/import", files=upload)
    assert response.status_code == 303
    return account, response.headers["location"]


async def test_the_editor_lists_each_note_with_its_label_path_and_value(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    _, editor = await imported(pages, client)
    response = await pages.get(editor)
    assert pages.last.context["import_notes"] == [
        {
            "path": "basics.email",
            "label": "Personal details · Email",
            "value": "your@email",
            "message": "Left out: a placeholder, not an e-mail address.",
        },
        {
            "path": "work[0].startDate",
            "label": "Work experience 1 · Start date",
            "value": "März 2016",
            "message": "Read as 2016-03.",
        },
        {
            "path": "work[0].endDate",
            "label": "Work experience 1 · End date",
            "value": "heute",
            "message": "Read as ongoing: no end date.",
        },
    ]
    assert "<q>März 2016</q>" in response.text
    assert "Check what the import changed" in response.text


async def test_a_resume_made_another_way_shows_no_notes(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account)
    await pages.sign_in(account)
    response = await pages.get(f"/resumes/{resume['id']}/edit")
    assert pages.last.context["import_notes"] == []
    assert 'id="import-notes"' not in response.text


async def test_dismissing_removes_the_notes_for_good(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account, editor = await imported(pages, client)
    dismiss = editor.removesuffix("/edit") + "/import-warnings/dismiss"
    api = "/api" + editor.removesuffix("/edit")
    before = (await client.get(api, headers=account.headers)).json()
    response = await pages.htmx("POST", dismiss)
    assert (response.status_code, response.text) == (200, "")
    await pages.get(editor)
    assert pages.last.context["import_notes"] == []
    # The resume itself is untouched: same version, same data, not edited.
    stored = (await client.get(api, headers=account.headers)).json()
    assert (stored["version"], stored["updatedAt"]) == (1, before["updatedAt"])
    assert stored["data"]["work"] == [{"name": "Zalando", "startDate": "2016-03"}]


async def test_dismissing_without_javascript_goes_back_to_the_editor(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    _, editor = await imported(pages, client)
    response = await pages.post(editor.removesuffix("/edit") + "/import-warnings/dismiss")
    assert (response.status_code, response.headers["location"]) == (303, editor)


async def test_dismissing_needs_the_csrf_token_and_the_owner(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    _, editor = await imported(pages, client)
    dismiss = editor.removesuffix("/edit") + "/import-warnings/dismiss"
    no_csrf = await pages.http.post(dismiss, headers={"HX-Request": "true"})
    assert no_csrf.status_code == 403
    await pages.sign_in(await sign_up(client))
    intruder = await pages.post(dismiss)
    assert intruder.status_code == 404
    assert pages.last.template == "error.html"


async def test_another_users_notes_stay_until_the_owner_dismisses_them(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    owner, editor = await imported(pages, client)
    dismiss = editor.removesuffix("/edit") + "/import-warnings/dismiss"
    await pages.sign_in(await sign_up(client))
    assert (await pages.htmx("POST", dismiss)).status_code == 404
    await pages.sign_in(owner)
    await pages.get(editor)
    assert len(pages.last.context["import_notes"]) == 3


async def test_a_resume_file_from_the_dashboard_opens_with_its_notes_to_check(
    pages: PageClient, client: httpx.AsyncClient, told_reader: ReadingWorker
) -> None:
    await pages.sign_in(await sign_up(client))
    # The test reader reads "Ada" with a note on the file, and is unsure of the name.
    upload = {"file": ("cv.pdf", b"test:Ada", "application/pdf")}
    response = await pages.post("/resumes/import", files=upload)
    assert response.status_code == 303
    editor = await pages.get(response.headers["location"])
    assert pages.last.context["import_notes"] == [
        {"path": "(file)", "label": None, "value": "", "message": "Read."},
        {
            "path": "basics.name",
            "label": "Personal details · Full name",
            "value": "Ada",
            "message": UNSURE_NOTE,
        },
    ]
    assert "<strong>The file</strong>" in editor.text
    assert "<code>(file)</code>" not in editor.text
    assert "<q></q>" not in editor.text


async def test_a_text_resume_from_the_dashboard_becomes_a_resume(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await sign_up(client)
    await pages.sign_in(account)
    upload = {"file": ("cv.md", TEXT_RESUME.encode(), "text/markdown")}
    response = await pages.post("/resumes/import", files=upload)
    assert response.status_code == 303
    api = "/api" + response.headers["location"].removesuffix("/edit")
    saved = (await client.get(api, headers=account.headers)).json()
    assert saved["title"] == "Ada Lovelace – Analyst"


async def test_a_file_that_is_no_resume_is_explained_in_the_dialog(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    await pages.sign_in(await sign_up(client))
    upload = {"file": ("cv.doc", old_word_file(), "application/msword")}
    response = await pages.htmx("POST", "/resumes/import", files=upload)
    assert response.status_code == 422
    assert pages.last.template == "resumes/_import_form.html"
    assert pages.last.context["errors"]["file"].startswith("This is an old Word file (.doc).")


async def test_the_dashboard_takes_a_file_past_the_request_limit_of_other_forms(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    await pages.sign_in(await sign_up(client))
    upload = {"file": ("cv.txt", b"Ada Lovelace\n" * 200_000, "text/plain")}  # 2.6 MB
    response = await pages.htmx("POST", "/resumes/import", files=upload)
    assert response.status_code == 422  # read, and refused for what it is
    assert pages.last.context["errors"]["file"].startswith("This text is too long")


async def test_the_review_page_is_for_a_signed_in_person(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    signed_out = await pages.get("/resumes/import/review")
    assert signed_out.status_code == 303
    assert signed_out.headers["location"] == "/renew?next=%2Fresumes%2Fimport%2Freview"
    await pages.sign_in(await sign_up(client))
    response = await pages.get("/resumes/import/review")
    assert response.status_code == 200
    assert pages.last.template == "resumes/import_review.html"
    assert pages.last.context["unsure"] == UNSURE


async def test_only_the_review_page_may_frame_a_file_of_its_own(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    await pages.sign_in(await sign_up(client))
    review = (await pages.get("/resumes/import/review")).headers["content-security-policy"]
    dashboard = (await pages.get("/resumes")).headers["content-security-policy"]
    assert review == dashboard.replace("frame-src 'self';", "frame-src 'self' blob:;")
    assert "frame-src 'self';" in dashboard


async def test_the_import_dialog_leads_to_the_review(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    await pages.sign_in(await sign_up(client))
    dashboard = await pages.get("/resumes")
    assert 'href="/resumes/import/review"' in dashboard.text
