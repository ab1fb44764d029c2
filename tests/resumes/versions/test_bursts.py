"""The history lists bursts of editing: saves less than BURST_GAP apart are one entry."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import update

from resumate.resumes.models import ResumeVersion
from resumate.resumes.versions.bursts import BURST_GAP, Stamp, bursts
from tests.helpers import Account, AppParts, create_resume, if_match, sign_up

T0 = datetime(2026, 12, 4, 14, 5, tzinfo=UTC)


def stamp(version: int, minutes: float, **rest: Any) -> Stamp:
    return Stamp(version, T0 + timedelta(minutes=minutes), **rest)


async def typed(client: httpx.AsyncClient, edits: int) -> tuple[Account, str]:
    """A new resume and `edits` saves of it through the API, as fast as a person types."""
    account = await sign_up(client)
    resume_id = (await create_resume(client, account, data={"basics": {"name": "A"}}))["id"]
    for version in range(1, edits + 1):
        body = {"data": {"basics": {"name": "A" * (version + 1)}}}
        response = await client.patch(
            f"/api/resumes/{resume_id}", json=body, headers=if_match(account, version)
        )
        assert response.status_code == 200, response.text
    return account, resume_id


async def history(client: httpx.AsyncClient, account: Account, resume_id: str) -> Any:
    response = await client.get(
        f"/api/resumes/{resume_id}/versions/bursts", headers=account.headers
    )
    assert response.status_code == 200, response.text
    return response.json()


async def made_earlier(context: AppParts, resume_id: str, upto: int, ago: timedelta) -> None:
    """Date the versions up to `upto` back by `ago`, as if typed then (in one moment)."""
    async with context.engine.begin() as connection:
        await connection.execute(
            update(ResumeVersion)
            .where(ResumeVersion.resume_id == uuid.UUID(resume_id), ResumeVersion.version <= upto)
            .values(created_at=datetime.now(UTC) - ago)
        )


def test_saves_closer_than_the_gap_are_one_burst() -> None:
    found = bursts([stamp(2, 0), stamp(3, 1), stamp(4, 4.9)])
    assert [(b.first.version, b.version, b.edits) for b in found] == [(2, 4, 3)]


def test_a_pause_of_the_gap_starts_a_new_burst() -> None:
    gap = BURST_GAP.total_seconds() / 60
    found = bursts([stamp(2, 0), stamp(3, 1), stamp(4, 1 + gap)])
    assert [(b.first.version, b.version) for b in found] == [(4, 4), (2, 3)]


def test_creation_a_named_version_and_a_restore_each_end_a_burst() -> None:
    found = bursts(
        [
            stamp(1, 0),
            stamp(2, 1),
            stamp(3, 2, name="Sent to Nordlys"),
            stamp(4, 3),
            stamp(5, 4, restored_from=2),
            stamp(6, 4.5),
        ]
    )
    assert [(b.first.version, b.version) for b in found] == [(5, 6), (4, 4), (2, 3), (1, 1)]
    assert found[2].name == "Sent to Nordlys"
    assert found[0].restored_from == 2
    assert found[0].restored == stamp(2, 1)
    assert found[-1].created


def test_no_saves_no_bursts() -> None:
    assert bursts([]) == []


async def test_a_burst_of_50_edits_through_the_api_is_one_entry(
    client: httpx.AsyncClient,
) -> None:
    account, resume_id = await typed(client, 50)
    page = await history(client, account, resume_id)
    assert page["total"] == 2
    latest, created = page["items"]
    assert (latest["firstVersion"], latest["version"], latest["edits"]) == (2, 51, 50)
    assert (created["version"], created["edits"]) == (1, 1)
    assert latest["startedAt"] <= latest["endedAt"]
    # Every save is still kept, one by one.
    versions = await client.get(f"/api/resumes/{resume_id}/versions", headers=account.headers)
    assert versions.json()["total"] == 51


async def test_edits_further_apart_than_the_gap_are_two_entries(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    account, resume_id = await typed(client, 10)
    await made_earlier(context, resume_id, 6, BURST_GAP + timedelta(minutes=1))
    page = await history(client, account, resume_id)
    assert [(i["firstVersion"], i["version"]) for i in page["items"]] == [(7, 11), (2, 6), (1, 1)]


async def test_the_bursts_come_in_pages(client: httpx.AsyncClient, context: AppParts) -> None:
    account, resume_id = await typed(client, 4)
    await made_earlier(context, resume_id, 3, timedelta(hours=1))
    response = await client.get(
        f"/api/resumes/{resume_id}/versions/bursts?limit=1&offset=1", headers=account.headers
    )
    page = response.json()
    assert (page["total"], page["limit"], page["offset"]) == (3, 1, 1)
    assert [i["version"] for i in page["items"]] == [3]


async def test_restoring_a_burst_brings_back_its_last_state_and_stands_apart(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    account, resume_id = await typed(client, 6)
    await made_earlier(context, resume_id, 4, timedelta(hours=1))
    older = (await history(client, account, resume_id))["items"][1]
    restored = await client.post(
        f"/api/resumes/{resume_id}/versions/{older['version']}/restore",
        headers=if_match(account, 7),
    )
    assert restored.status_code == 200, restored.text
    assert (restored.json()["version"], restored.json()["data"]["basics"]["name"]) == (8, "AAAA")
    items = (await history(client, account, resume_id))["items"]
    assert (items[0]["version"], items[0]["restoredFrom"]) == (8, older["version"])
    # The state before the restore is still an entry of its own, to go back to.
    assert items[1]["version"] == 7
