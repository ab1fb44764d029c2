"""The editor page and its history panel: what they render, and who may use them."""

from __future__ import annotations

import httpx

from resumate.document.language import LANGUAGES
from tests.helpers import create_resume, if_match, sign_up
from tests.pages import PageClient


async def test_the_editor_shows_the_resume_and_its_exact_preview(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await sign_up(client)
    data = {"basics": {"name": "Ada", "image": "https://example.com/a.png"}, "meta": {"x": 1}}
    resume = await create_resume(client, account, data=data)
    await pages.sign_in(account)
    response = await pages.get(f"/resumes/{resume['id']}/edit")
    assert response.status_code == 200
    assert pages.last.template == "editor/editor.html"
    context = pages.last.context
    assert context["resume"].id.hex == resume["id"].replace("-", "")
    assert context["data"]["meta"] == {"x": 1}
    # Keys the form has no input for travel with the form untouched.
    assert context["basics_extra"] == {"image": "https://example.com/a.png"}
    preview = await client.get(f"/api/resumes/{resume['id']}/preview", headers=account.headers)
    assert context["preview_html"] == preview.text
    assert set(context["template_defaults"]) == {str(t.id) for t in context["templates"]}


async def test_the_language_choice_offers_every_language_and_names_the_automatic_one(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account, data={"meta": {"language": "fr-CA"}})
    await pages.sign_in(account)
    response = await pages.get(f"/resumes/{resume['id']}/edit")
    context = pages.last.context
    assert list(context["languages"]) == list(LANGUAGES)
    assert context["detected_language"] == "fr"
    assert "Automatic (Français)" in response.text
    assert '<option value="ja" lang="ja">日本語</option>' in response.text


async def test_another_users_resume_is_not_found(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    owner = await sign_up(client)
    resume = await create_resume(client, owner)
    await pages.sign_in(await sign_up(client))
    for path in (f"/resumes/{resume['id']}/edit", f"/resumes/{resume['id']}/history"):
        response = await pages.get(path)
        assert response.status_code == 404
        assert pages.last.template == "error.html"


async def test_a_mangled_id_is_not_found(pages: PageClient, client: httpx.AsyncClient) -> None:
    await pages.sign_in(await sign_up(client))
    assert (await pages.get("/resumes/not-a-uuid/edit")).status_code == 404


async def test_signed_out_visitors_go_to_renew_the_session(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    owner = await sign_up(client)
    resume = await create_resume(client, owner)
    response = await pages.get(f"/resumes/{resume['id']}/edit")
    assert response.status_code == 303
    assert response.headers["location"].startswith("/renew?next=%2Fresumes%2F")
    history = await pages.htmx("GET", f"/resumes/{resume['id']}/history")
    assert history.status_code == 401
    assert history.headers["HX-Retarget"] == "#toasts"


async def test_history_lists_versions_newest_first(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account)
    await client.patch(
        f"/api/resumes/{resume['id']}", json={"title": "Second"}, headers=if_match(account, 1)
    )
    await pages.sign_in(account)
    response = await pages.htmx("GET", f"/resumes/{resume['id']}/history")
    assert response.status_code == 200
    assert pages.last.template == "editor/history.html"
    assert [v.version for v in pages.last.context["versions"]] == [2, 1]
    assert pages.last.context["next_offset"] is None


async def test_restoring_a_version_makes_it_current_and_reloads_the_editor(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account, title="First")
    await client.patch(
        f"/api/resumes/{resume['id']}", json={"title": "Second"}, headers=if_match(account, 1)
    )
    await pages.sign_in(account)
    path = f"/resumes/{resume['id']}/versions/1/restore"
    response = await pages.htmx("POST", path, data={"expected": "2"})
    assert response.status_code == 204
    assert response.headers["HX-Redirect"] == f"/resumes/{resume['id']}/edit?restored=1"
    saved = await client.get(f"/api/resumes/{resume['id']}", headers=account.headers)
    assert (saved.json()["title"], saved.json()["version"]) == ("First", 3)


async def test_restoring_over_a_newer_save_is_refused(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account)
    await client.patch(
        f"/api/resumes/{resume['id']}", json={"title": "Newer"}, headers=if_match(account, 1)
    )
    await pages.sign_in(account)
    path = f"/resumes/{resume['id']}/versions/1/restore"
    response = await pages.htmx("POST", path, data={"expected": "1"})
    assert response.status_code == 412
    assert pages.last.template == "partials/toast.html"
    saved = await client.get(f"/api/resumes/{resume['id']}", headers=account.headers)
    assert saved.json()["title"] == "Newer"


async def test_restore_needs_the_csrf_token_and_the_owner(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    owner = await sign_up(client)
    resume = await create_resume(client, owner)
    path = f"/resumes/{resume['id']}/versions/1/restore"
    await pages.sign_in(owner)
    no_csrf = await pages.http.post(path, data={"expected": "1"}, headers={"HX-Request": "true"})
    assert no_csrf.status_code == 403
    await pages.sign_in(await sign_up(client))
    intruder = await pages.htmx("POST", path, data={"expected": "1"})
    assert intruder.status_code == 404


async def test_restore_names_a_missing_expected_version(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account)
    await pages.sign_in(account)
    response = await pages.htmx("POST", f"/resumes/{resume['id']}/versions/1/restore", data={})
    assert response.status_code == 422
    assert pages.last.template == "partials/toast.html"
    assert "expected is required" in pages.last.context["message"]


async def test_the_editor_has_an_assistant_tab_and_its_proposal_dialog(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account)
    await pages.sign_in(account)
    response = await pages.get(f"/resumes/{resume['id']}/edit")
    assert 'id="tab-assistant"' in response.text
    assert 'id="panel-assistant"' in response.text
    assert 'id="ai-dialog"' in response.text
    # The job pasted in the assistant is not part of the resume: it sits outside the form.
    form = response.text.split('<form id="editor-form"', 1)[1].split("</form>", 1)[0]
    assert "data-ai-job" not in form
