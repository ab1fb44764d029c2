"""The dashboard's import form on a site with an uploads bucket: it names an upload sent to the
bucket instead of carrying the file."""

from __future__ import annotations

import httpx

from tests.helpers import sign_up
from tests.pages import PageClient
from tests.transfer.direct.conftest import send
from tests.transfer.resume_files import TEXT_RESUME

UPLOADS = "/api/resumes/import/uploads"


async def test_the_form_imports_the_upload_it_names(direct_client: httpx.AsyncClient) -> None:
    account = await sign_up(direct_client)
    pages = PageClient(direct_client)
    await pages.sign_in(account)
    dashboard = await pages.get("/resumes")
    assert 'data-direct-upload="/api/resumes/import/uploads"' in dashboard.text
    assert 'name="upload"' in dashboard.text
    assert "js/import-dialog" in dashboard.text

    ticket = (await direct_client.post(UPLOADS, json={}, headers=account.headers)).json()
    assert (await send(ticket, TEXT_RESUME.encode(), "cv.md")).status_code == 204
    created = await pages.post(
        "/resumes/import", data={"upload": ticket["uploadId"], "title": "By its upload"}
    )
    assert created.status_code == 303, created.text
    listed = await direct_client.get("/api/resumes", headers=account.headers)
    assert [resume["title"] for resume in listed.json()["items"]] == ["By its upload"]


async def test_an_upload_of_someone_else_is_refused_on_the_form(
    direct_client: httpx.AsyncClient,
) -> None:
    owner = await sign_up(direct_client)
    ticket = (await direct_client.post(UPLOADS, json={}, headers=owner.headers)).json()
    assert (await send(ticket, TEXT_RESUME.encode(), "cv.md")).status_code == 204
    other = await sign_up(direct_client)
    pages = PageClient(direct_client)
    await pages.sign_in(other)
    refused = await pages.htmx(
        "POST",
        "/resumes/import",
        data={"upload": ticket["uploadId"], "csrf_token": pages.csrf},
    )
    assert refused.status_code in (200, 422)
    assert "That upload is not there" in refused.text
    assert (
        await direct_client.post(f"{UPLOADS}/{ticket['uploadId']}", headers=owner.headers)
    ).status_code == 201


async def test_without_a_bucket_the_form_carries_the_file(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    pages = PageClient(client)
    await pages.sign_in(account)
    dashboard = await pages.get("/resumes")
    assert "data-direct-upload" not in dashboard.text
    assert "js/import-dialog" not in dashboard.text
    # An upload id sent to a site without a bucket is no file at all.
    answer = await pages.htmx(
        "POST", "/resumes/import", data={"upload": "x", "csrf_token": pages.csrf}
    )
    assert "Choose a file to import" in answer.text
