"""The editor shows what an import could not take as written, until its owner dismisses it."""

from __future__ import annotations

import json

import httpx

from tests.helpers import Account, create_resume, sign_up
from tests.pages import PageClient

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
