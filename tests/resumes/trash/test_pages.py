"""Moving a resume to the trash from its card, undoing that, and the trash page."""

from __future__ import annotations

from datetime import timedelta

import httpx
from sqlalchemy import update

from resumate.db import utcnow
from resumate.resumes.models import Resume
from tests.helpers import Account, AppParts, create_resume, sign_up
from tests.pages import PageClient


async def signed_in(pages: PageClient, client: httpx.AsyncClient) -> Account:
    account = await sign_up(client)
    await pages.sign_in(account)
    return account


async def trashed(client: httpx.AsyncClient, account: Account, title: str = "Old") -> str:
    resume = await create_resume(client, account, title=title)
    response = await client.delete(f"/api/resumes/{resume['id']}", headers=account.headers)
    assert response.status_code == 204
    return str(resume["id"])


async def titles(client: httpx.AsyncClient, account: Account, where: str = "") -> list[str]:
    listed = (await client.get(f"/api/resumes{where}", headers=account.headers)).json()
    return [item["title"] for item in listed["items"]]


async def test_delete_moves_the_card_to_the_trash_with_an_undo(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    await create_resume(client, account, title="Stays")
    resume = await create_resume(client, account, title="Goes")
    response = await pages.htmx("POST", f"/resumes/{resume['id']}/trash")
    assert response.status_code == 200
    assert pages.last.template == "resumes/_trashed.html"
    assert pages.last.context["left"] == 1
    assert f'id="resume-{resume["id"]}" hx-swap-oob="delete"' in response.text
    assert f'hx-post="/resumes/{resume["id"]}/restore"' in response.text
    assert await titles(client, account, "/trash") == ["Goes"]


async def test_deleting_the_last_card_shows_the_empty_dashboard(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    resume = await create_resume(client, account)
    response = await pages.htmx("POST", f"/resumes/{resume['id']}/trash")
    assert (pages.last.context["left"], pages.last.context["cards"]) == (0, [])
    assert 'id="my-resumes" class="resume-list"' in response.text
    assert "Create your first resume" in response.text


async def test_undo_brings_the_card_back_and_focuses_it(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    resume_id = await trashed(client, account, "Back again")
    response = await pages.htmx("POST", f"/resumes/{resume_id}/restore", data={"from": "dashboard"})
    assert response.status_code == 200
    assert pages.last.template == "resumes/_restored.html"
    assert [str(c.resume.id) for c in pages.last.context["cards"]] == [resume_id]
    assert str(pages.last.context["focus_id"]) == resume_id
    assert await titles(client, account) == ["Back again"]


async def test_the_trash_page_says_when_each_resume_goes_for_good(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    resume_id = await trashed(client, account)
    await create_resume(client, account, title="Not in the trash")
    response = await pages.get("/resumes/trash")
    assert response.status_code == 200
    assert pages.last.template == "resumes/trash.html"
    (item,) = pages.last.context["items"]
    assert str(item.resume.id) == resume_id
    assert item.purge_at - item.resume.deleted_at == timedelta(days=30)
    assert f">{item.purge_at:%-d %b %Y}</time>" in response.text
    assert pages.last.context["retention_days"] == 30


async def test_an_empty_trash_says_what_it_is_for(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    await signed_in(pages, client)
    response = await pages.get("/resumes/trash")
    assert pages.last.context["items"] == []
    assert "The trash is empty" in response.text


async def test_a_resume_past_its_date_is_no_longer_offered(
    pages: PageClient, client: httpx.AsyncClient, context: AppParts
) -> None:
    account = await signed_in(pages, client)
    resume_id = await trashed(client, account)
    async with context.sessionmaker.begin() as session:
        long_ago = utcnow() - timedelta(days=31)
        await session.execute(update(Resume).values(deleted_at=long_ago))
    await pages.get("/resumes/trash")
    assert pages.last.context["items"] == []
    restore = await pages.htmx("POST", f"/resumes/{resume_id}/restore")
    assert restore.status_code == 404


async def test_restore_from_the_trash_page_offers_to_open_it(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    resume_id = await trashed(client, account, "Wanted after all")
    response = await pages.htmx("POST", f"/resumes/{resume_id}/restore", data={"from": "trash"})
    assert pages.last.template == "resumes/_trash_changed.html"
    assert pages.last.context["items"] == []
    assert pages.last.context["message"] == "Restored “Wanted after all”."
    assert f'href="/resumes/{resume_id}/edit"' in response.text
    assert await titles(client, account) == ["Wanted after all"]


async def test_delete_for_good_removes_one_resume(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    gone = await trashed(client, account, "Gone")
    await trashed(client, account, "Kept")
    response = await pages.htmx("POST", f"/resumes/{gone}/purge")
    assert response.status_code == 200
    assert pages.last.context["message"] == "Deleted “Gone” for good."
    assert [i.resume.title for i in pages.last.context["items"]] == ["Kept"]
    assert await titles(client, account, "/trash") == ["Kept"]


async def test_empty_trash_deletes_every_trashed_resume_and_nothing_else(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    for title in ("One", "Two"):
        await trashed(client, account, title)
    await create_resume(client, account, title="Live")
    await pages.htmx("POST", "/resumes/trash/empty")
    assert pages.last.context["message"] == "Deleted 2 resumes for good."
    assert await titles(client, account, "/trash") == []
    assert await titles(client, account) == ["Live"]


async def test_trash_actions_without_htmx_go_back_where_they_came_from(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    resume = await create_resume(client, account)
    url = f"/resumes/{resume['id']}"
    assert (await pages.post(f"{url}/trash")).headers["location"] == "/resumes"
    restored = await pages.post(f"{url}/restore", data={"from": "dashboard"})
    assert restored.headers["location"] == "/resumes"
    await pages.post(f"{url}/trash")
    assert (await pages.post(f"{url}/purge")).headers["location"] == "/resumes/trash"
    assert (await pages.post("/resumes/trash/empty")).headers["location"] == "/resumes/trash"


async def test_restore_names_a_wrong_origin(pages: PageClient, client: httpx.AsyncClient) -> None:
    account = await signed_in(pages, client)
    resume_id = await trashed(client, account)
    response = await pages.htmx("POST", f"/resumes/{resume_id}/restore", data={"from": "nowhere"})
    assert response.status_code == 422
    assert pages.last.template == "partials/toast.html"
    assert "“from”" in pages.last.context["message"]
    assert await titles(client, account, "/trash") == ["Old"]


async def test_trash_actions_do_not_reach_other_users_resumes(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    await signed_in(pages, client)
    other = await sign_up(client)
    live = (await create_resume(client, other))["id"]
    in_trash = await trashed(client, other)
    assert (await pages.htmx("POST", f"/resumes/{live}/trash")).status_code == 404
    for action in ("restore", "purge"):
        assert (await pages.htmx("POST", f"/resumes/{in_trash}/{action}")).status_code == 404
    await pages.htmx("POST", "/resumes/trash/empty")
    assert await titles(client, other, "/trash") == ["Old"]


async def test_trash_actions_refuse_a_missing_csrf_token(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    live = (await create_resume(client, account))["id"]
    in_trash = await trashed(client, account)
    headers = {"HX-Request": "true"}
    for url in (
        f"/resumes/{live}/trash",
        f"/resumes/{in_trash}/restore",
        f"/resumes/{in_trash}/purge",
        "/resumes/trash/empty",
    ):
        assert (await pages.http.post(url, headers=headers)).status_code == 403, url
    assert await titles(client, account, "/trash") == ["Old"]


async def test_the_trash_needs_a_session(pages: PageClient, client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    in_trash = await trashed(client, account)
    response = await pages.get("/resumes/trash")
    assert response.headers["location"] == "/renew?next=%2Fresumes%2Ftrash"
    for url in (
        f"/resumes/{in_trash}/restore",
        f"/resumes/{in_trash}/purge",
        "/resumes/trash/empty",
    ):
        assert (await pages.htmx("POST", url)).status_code == 401, url
