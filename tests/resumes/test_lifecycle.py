"""Trash, restore, purge, retention and duplicate: a resume's life after it is created."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import httpx
from sqlalchemy import func, select, update

from resumate.app import purge_expired_trash
from resumate.db import utcnow
from resumate.resumes.models import Resume, ResumeVersion
from tests.helpers import Account, AppParts, create_resume, if_match, sign_up


async def trash(client: httpx.AsyncClient, account: Account, resume_id: str) -> None:
    response = await client.delete(f"/api/resumes/{resume_id}", headers=account.headers)
    assert response.status_code == 204, response.text


async def trash_ids(client: httpx.AsyncClient, account: Account) -> list[str]:
    page = (await client.get("/api/resumes/trash", headers=account.headers)).json()
    return [item["id"] for item in page["items"]]


def parse(timestamp: str) -> datetime:
    return datetime.fromisoformat(timestamp.replace("Z", "+00:00"))


async def test_delete_moves_the_resume_out_of_reach(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    created = await create_resume(client, account)
    await trash(client, account, created["id"])
    response = await client.get(f"/api/resumes/{created['id']}", headers=account.headers)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_a_trashed_resume_cannot_be_edited(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    created = await create_resume(client, account)
    await trash(client, account, created["id"])
    response = await client.patch(
        f"/api/resumes/{created['id']}", json={"title": "x"}, headers=if_match(account, 1)
    )
    assert response.status_code == 404


async def test_trash_lists_it_with_purge_at_30_days_after_deletion(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    created = await create_resume(client, account)
    await trash(client, account, created["id"])
    page = (await client.get("/api/resumes/trash", headers=account.headers)).json()
    assert page["total"] == 1
    [item] = page["items"]
    assert item["id"] == created["id"]
    deleted_at = parse(item["deletedAt"])
    assert abs(deleted_at - utcnow()) < timedelta(minutes=1)
    assert parse(item["purgeAt"]) - deleted_at == timedelta(days=30)


async def test_the_trash_holds_only_trashed_resumes(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    await create_resume(client, account)
    assert await trash_ids(client, account) == []


async def test_restore_brings_the_resume_back_unchanged(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    created = await create_resume(client, account)
    await trash(client, account, created["id"])
    response = await client.post(f"/api/resumes/{created['id']}/restore", headers=account.headers)
    assert response.status_code == 200
    restored = response.json()
    assert (restored["deletedAt"], restored["purgeAt"]) == (None, None)
    assert (restored["data"], restored["version"]) == (created["data"], created["version"])
    assert response.headers["ETag"] == '"1"'
    current = await client.get(f"/api/resumes/{created['id']}", headers=account.headers)
    assert current.status_code == 200
    assert await trash_ids(client, account) == []


async def test_restore_of_a_resume_not_in_the_trash_is_404(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    created = await create_resume(client, account)
    response = await client.post(f"/api/resumes/{created['id']}/restore", headers=account.headers)
    assert response.status_code == 404


async def test_purge_deletes_one_trashed_resume_for_good(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    gone = await create_resume(client, account)
    kept = await create_resume(client, account)
    await trash(client, account, gone["id"])
    await trash(client, account, kept["id"])
    response = await client.delete(f"/api/resumes/trash/{gone['id']}", headers=account.headers)
    assert response.status_code == 204
    assert await trash_ids(client, account) == [kept["id"]]
    restore = await client.post(f"/api/resumes/{gone['id']}/restore", headers=account.headers)
    assert restore.status_code == 404


async def test_purge_refuses_a_resume_not_in_the_trash(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    created = await create_resume(client, account)
    response = await client.delete(f"/api/resumes/trash/{created['id']}", headers=account.headers)
    assert response.status_code == 404
    current = await client.get(f"/api/resumes/{created['id']}", headers=account.headers)
    assert current.status_code == 200


async def test_empty_trash_deletes_every_trashed_resume_only(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    account = await sign_up(client)
    kept = await create_resume(client, account)
    trashed = [await create_resume(client, account) for _ in range(2)]
    for resume in trashed:
        await trash(client, account, resume["id"])
    response = await client.delete("/api/resumes/trash", headers=account.headers)
    assert response.status_code == 204
    assert await trash_ids(client, account) == []
    page = (await client.get("/api/resumes", headers=account.headers)).json()
    assert [item["id"] for item in page["items"]] == [kept["id"]]
    assert await version_count(context, trashed[0]["id"]) == 0


async def test_duplicate_makes_a_new_resume_at_version_1(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    created = await create_resume(client, account, title="Designer")
    await client.patch(
        f"/api/resumes/{created['id']}", json={"title": "Designer"}, headers=if_match(account, 1)
    )
    response = await client.post(f"/api/resumes/{created['id']}/duplicate", headers=account.headers)
    assert response.status_code == 201
    copy = response.json()
    assert copy["id"] != created["id"]
    assert (copy["title"], copy["version"]) == ("Designer (copy)", 1)
    assert (copy["data"], copy["theme"]) == (created["data"], created["theme"])
    assert response.headers["Location"] == f"/api/resumes/{copy['id']}"
    assert response.headers["ETag"] == '"1"'
    original = await client.get(f"/api/resumes/{created['id']}", headers=account.headers)
    assert original.json()["version"] == 2


async def expire(context: AppParts, resume_id: str, days: int) -> None:
    async with context.sessionmaker.begin() as session:
        await session.execute(
            update(Resume)
            .where(Resume.id == uuid.UUID(resume_id))
            .values(deleted_at=utcnow() - timedelta(days=days))
        )


async def version_count(context: AppParts, resume_id: str) -> int:
    async with context.sessionmaker() as session:
        count = await session.scalar(
            select(func.count())
            .select_from(ResumeVersion)
            .where(ResumeVersion.resume_id == uuid.UUID(resume_id))
        )
    return count or 0


async def test_a_resume_past_retention_cannot_be_restored(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    account = await sign_up(client)
    created = await create_resume(client, account)
    await trash(client, account, created["id"])
    await expire(context, created["id"], days=31)
    response = await client.post(f"/api/resumes/{created['id']}/restore", headers=account.headers)
    assert response.status_code == 404


async def test_purge_expired_trash_deletes_old_resumes_and_their_versions(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    account = await sign_up(client)
    old = await create_resume(client, account)
    recent = await create_resume(client, account)
    await client.patch(
        f"/api/resumes/{old['id']}", json={"title": "Edited"}, headers=if_match(account, 1)
    )
    await trash(client, account, old["id"])
    await trash(client, account, recent["id"])
    await expire(context, old["id"], days=31)
    await expire(context, recent["id"], days=29)
    assert await version_count(context, old["id"]) == 2

    assert await purge_expired_trash(context.components) == 1

    assert await version_count(context, old["id"]) == 0
    assert await trash_ids(client, account) == [recent["id"]]


async def test_the_trash_lists_the_most_recently_deleted_first(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    first = await create_resume(client, account, title="Deleted first")
    second = await create_resume(client, account, title="Deleted second")
    for resume in (second, first):  # `first` was edited earlier but is deleted last
        await client.delete(f"/api/resumes/{resume['id']}", headers=account.headers)
    trash = (await client.get("/api/resumes/trash", headers=account.headers)).json()
    assert [item["title"] for item in trash["items"]] == ["Deleted first", "Deleted second"]


async def test_a_copy_of_a_longest_title_still_says_copy(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account, title="T" * 200)
    response = await client.post(f"/api/resumes/{resume['id']}/duplicate", headers=account.headers)
    assert response.status_code == 201
    title = response.json()["title"]
    assert len(title) <= 200
    assert title.endswith(" (copy)")
