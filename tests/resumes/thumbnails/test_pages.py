"""Resume thumbnails: made by the real renderer once per content, cached, and cleaned up."""

from __future__ import annotations

import struct
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import httpx

from resumate.rendering.thumbnail import SHOT_REVISION
from resumate.resumes.files import thumbnail_folder as folder
from tests.helpers import PASSWORD, Account, AppParts, create_resume, if_match, sign_up
from tests.pages import PageClient


async def signed_in(pages: PageClient, client: httpx.AsyncClient) -> Account:
    account = await sign_up(client)
    await pages.sign_in(account)
    return account


async def stored(context: AppParts, resume_id: str) -> list[str]:
    return await context.storage.keys(folder(uuid.UUID(resume_id)))


@contextmanager
def no_rendering(context: AppParts) -> Iterator[None]:
    real = context.renderer.png

    async def refuse(*_args: object, **_kwargs: object) -> bytes:
        raise AssertionError("rendered again")

    context.renderer.png = refuse  # type: ignore[method-assign]
    try:
        yield
    finally:
        context.renderer.png = real  # type: ignore[method-assign]


async def test_a_thumbnail_is_the_first_page_as_a_png(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    resume = await create_resume(client, account)
    response = await pages.get(f"/resumes/{resume['id']}/thumbnail.png?v=1-{SHOT_REVISION}")
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/png"
    assert struct.unpack(">II", response.content[16:24]) == (794, 1123)  # twice the card
    assert response.headers["cache-control"] == "private, max-age=31536000, immutable"


async def test_it_is_made_once_and_then_served_from_storage(
    pages: PageClient, client: httpx.AsyncClient, context: AppParts
) -> None:
    account = await signed_in(pages, client)
    resume = await create_resume(client, account)
    url = f"/resumes/{resume['id']}/thumbnail.png"
    first = await pages.get(url)
    with no_rendering(context):
        second = await pages.get(url)
        unchanged = await pages.get(url, headers={"If-None-Match": first.headers["etag"]})
    assert second.content == first.content
    assert second.headers["cache-control"] == "private, no-cache"
    assert (unchanged.status_code, unchanged.content) == (304, b"")


async def test_a_rename_keeps_the_picture_but_an_edit_replaces_it(
    pages: PageClient, client: httpx.AsyncClient, context: AppParts
) -> None:
    account = await signed_in(pages, client)
    resume = await create_resume(client, account)
    url = f"/resumes/{resume['id']}/thumbnail.png"
    first = await pages.get(url)
    (old_key,) = await stored(context, resume["id"])
    await pages.htmx("POST", f"/resumes/{resume['id']}/rename", data={"title": "Renamed"})
    with no_rendering(context):
        assert (await pages.get(url)).headers["etag"] == first.headers["etag"]
    edit = {"data": {"basics": {"name": "Ada Lovelace", "label": "Analyst"}}}
    await client.patch(f"/api/resumes/{resume['id']}", json=edit, headers=if_match(account, 2))
    second = await pages.get(url)
    assert second.headers["etag"] != first.headers["etag"]
    assert second.content != first.content
    (new_key,) = await stored(context, resume["id"])
    assert new_key != old_key


async def test_deleting_for_good_deletes_the_thumbnails(
    pages: PageClient, client: httpx.AsyncClient, context: AppParts
) -> None:
    account = await signed_in(pages, client)
    resume = await create_resume(client, account)
    await pages.get(f"/resumes/{resume['id']}/thumbnail.png")
    await pages.htmx("POST", f"/resumes/{resume['id']}/trash")
    assert await stored(context, resume["id"]) != []
    await pages.htmx("POST", f"/resumes/{resume['id']}/purge")
    assert await stored(context, resume["id"]) == []


async def test_deleting_the_account_deletes_the_thumbnails(
    pages: PageClient, client: httpx.AsyncClient, context: AppParts
) -> None:
    account = await signed_in(pages, client)
    resume = await create_resume(client, account)
    await pages.get(f"/resumes/{resume['id']}/thumbnail.png")
    deleted = await client.request(
        "DELETE", "/api/account", json={"password": PASSWORD}, headers=account.headers
    )
    assert deleted.status_code == 204
    assert await stored(context, resume["id"]) == []


async def test_only_the_owner_sees_a_thumbnail_and_only_while_not_in_the_trash(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    await signed_in(pages, client)
    other = await sign_up(client)
    theirs = await create_resume(client, other)
    assert (await pages.get(f"/resumes/{theirs['id']}/thumbnail.png")).status_code == 404
    await client.delete(f"/api/resumes/{theirs['id']}", headers=other.headers)
    await pages.sign_in(other)
    assert (await pages.get(f"/resumes/{theirs['id']}/thumbnail.png")).status_code == 404


async def test_a_thumbnail_needs_a_session(pages: PageClient, client: httpx.AsyncClient) -> None:
    resume = await create_resume(client, await sign_up(client))
    response = await pages.get(f"/resumes/{resume['id']}/thumbnail.png")
    assert response.status_code == 303
    assert response.headers["location"].startswith("/renew?next=")


async def test_a_mangled_id_is_not_found(pages: PageClient, client: httpx.AsyncClient) -> None:
    await signed_in(pages, client)
    assert (await pages.get("/resumes/not-an-id/thumbnail.png")).status_code == 404
