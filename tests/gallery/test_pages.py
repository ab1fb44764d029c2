"""The public template gallery, one template's preview, and switching a resume's template."""

from __future__ import annotations

import struct
import uuid

import httpx

from resumate.document.sample import sample_resume
from resumate.rendering.document import PREVIEW_HEADERS
from tests.helpers import Account, create_resume, sign_up
from tests.pages import PageClient


async def signed_in(pages: PageClient, client: httpx.AsyncClient) -> Account:
    account = await sign_up(client)
    await pages.sign_in(account)
    return account


async def template_ids(client: httpx.AsyncClient, account: Account) -> dict[str, str]:
    found = (await client.get("/api/templates", headers=account.headers)).json()
    return {t["slug"]: t["id"] for t in found}


async def test_signed_out_visitors_browse_every_template(pages: PageClient) -> None:
    response = await pages.get("/templates")
    assert response.status_code == 200
    assert pages.last.template == "templates/gallery.html"
    context = pages.last.context
    slugs = [t.slug for t in context["templates"]]
    assert {"classic", "modern", "sidebar"} <= set(slugs)
    assert (context["user"], context["for_resume"]) == (None, None)
    assert 'href="/signup?next=/templates/modern"' in response.text


async def test_signed_in_users_can_use_a_template_for_a_new_resume(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    response = await pages.get("/templates")
    assert pages.last.context["user"].email == account.email
    # A plain form: the token travels in it, not in a header.
    assert f'name="csrf_token" value="{pages.csrf}"' in response.text
    modern = (await template_ids(client, account))["modern"]
    created = await pages.post("/resumes", data={"template": modern})
    assert created.headers["location"].endswith("/edit")


async def test_choosing_for_a_resume_marks_its_current_template(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    modern = (await template_ids(client, account))["modern"]
    resume = await create_resume(client, account, templateId=modern)
    response = await pages.get(f"/templates?for={resume['id']}")
    assert str(pages.last.context["for_resume"].id) == resume["id"]
    assert pages.last.context["current_slug"] == "modern"
    assert f'action="/resumes/{resume["id"]}/template"' in response.text


async def test_choosing_for_someone_elses_resume_is_not_found(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    await signed_in(pages, client)
    theirs = await create_resume(client, await sign_up(client))
    for url in (f"/templates?for={theirs['id']}", f"/templates/modern?for={theirs['id']}"):
        assert (await pages.get(url)).status_code == 404, url


async def test_a_template_page_frames_its_sample_and_loads_the_fonts(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    response = await pages.get("/templates/sidebar")
    assert response.status_code == 200
    assert pages.last.template == "templates/template.html"
    assert pages.last.context["template"].slug == "sidebar"
    assert 'src="/templates/sidebar/sample"' in response.text
    assert "data-resume-fonts" in response.text
    assert "/assets/js/frame-fonts.js?v=" in response.text


async def test_an_unknown_template_is_not_found(pages: PageClient) -> None:
    for url in ("/templates/nope", "/templates/nope/sample", "/templates/nope/thumbnail.png"):
        assert (await pages.get(url)).status_code == 404, url


async def test_the_sample_is_the_rendered_document_with_the_preview_headers(
    pages: PageClient,
) -> None:
    response = await pages.get("/templates/classic/sample")
    assert response.status_code == 200
    assert sample_resume()["basics"]["name"] in response.text
    for name, value in PREVIEW_HEADERS.items():
        assert response.headers[name] == value


async def test_a_template_thumbnail_is_public_and_cached_by_version(pages: PageClient) -> None:
    response = await pages.get("/templates/modern/thumbnail.png")
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/png"
    assert struct.unpack(">II", response.content[16:24]) == (794, 1123)  # sharp at 2x
    assert response.headers["cache-control"] == "public, max-age=86400"
    await pages.get("/templates")
    version = next(t.picture_version for t in pages.last.context["templates"] if t.slug == "modern")
    pinned = await pages.get(f"/templates/modern/thumbnail.png?v={version}")
    assert "immutable" in pinned.headers["cache-control"]
    again = await pages.get(
        "/templates/modern/thumbnail.png", headers={"If-None-Match": response.headers["etag"]}
    )
    assert (again.status_code, again.content) == (304, b"")


async def test_switching_template_saves_it_and_returns_to_the_editor(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    sidebar = (await template_ids(client, account))["sidebar"]
    resume = await create_resume(client, account)
    response = await pages.post(f"/resumes/{resume['id']}/template", data={"template": sidebar})
    assert response.status_code == 303
    assert response.headers["location"] == f"/resumes/{resume['id']}/edit"
    after = (await client.get(f"/api/resumes/{resume['id']}", headers=account.headers)).json()
    assert (after["templateId"], after["version"], after["data"]) == (sidebar, 2, resume["data"])


async def test_switching_to_a_template_that_does_not_exist_names_the_field(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    resume = await create_resume(client, account)
    url = f"/resumes/{resume['id']}/template"
    for value in ("", "not-an-id", str(uuid.uuid4())):
        response = await pages.post(url, data={"template": value})
        assert response.status_code == 422, value
        assert pages.last.template == "error.html"
        assert "template" in pages.last.context["message"].lower()


async def test_switching_refuses_other_users_a_missing_token_and_no_session(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    modern = (await template_ids(client, account))["modern"]
    theirs = await create_resume(client, await sign_up(client))
    mine = await create_resume(client, account)
    form = {"template": modern}
    assert (await pages.post(f"/resumes/{theirs['id']}/template", data=form)).status_code == 404
    no_token = await pages.http.post(f"/resumes/{mine['id']}/template", data=form)
    assert no_token.status_code == 403
    pages.http.cookies.delete("resumate_access")
    signed_out = await pages.post(f"/resumes/{mine['id']}/template", data=form)
    assert signed_out.status_code == 401
    assert (await client.get(f"/api/resumes/{mine['id']}", headers=account.headers)).json()[
        "version"
    ] == 1
