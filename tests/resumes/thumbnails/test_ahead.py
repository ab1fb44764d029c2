"""Thumbnails made ahead: a save schedules the card's picture, saves in a row make one, and a
picture that cannot be made never fails the save."""

from __future__ import annotations

import logging
import struct
import uuid
from collections.abc import Iterator

import httpx
import pytest

from resumate.resumes.files import thumbnail_folder as folder
from resumate.resumes.thumbnails.ahead import THUMBNAILS_AHEAD, ThumbnailsAhead
from tests.helpers import AppParts, create_resume, if_match, sign_up
from tests.pages import PageClient


@pytest.fixture
def ahead(context: AppParts) -> Iterator[ThumbnailsAhead]:
    """The app's scheduler, with a pause short enough for a test."""
    scheduler = context.components.get(THUMBNAILS_AHEAD)
    pause = scheduler.pause
    scheduler.pause = 0.2
    yield scheduler
    scheduler.pause = pause


def counted_shots(context: AppParts, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The renderer's shots from now on, one entry each (it still takes them)."""
    shots: list[str] = []
    real = context.renderer.png

    async def counting(html: str, **options: object) -> bytes:
        shots.append(html)
        return await real(html, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(context.renderer, "png", counting)
    return shots


async def test_saves_in_a_row_make_one_picture_of_the_last(
    client: httpx.AsyncClient,
    context: AppParts,
    ahead: ThumbnailsAhead,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shots = counted_shots(context, monkeypatch)
    account = await sign_up(client)
    resume = await create_resume(client, account)
    for version, name in enumerate(("Ada", "Ada Lovelace", "Ada King"), start=1):
        edit = {"data": {"basics": {"name": name}}}
        saved = await client.patch(
            f"/api/resumes/{resume['id']}", json=edit, headers=if_match(account, version)
        )
        assert saved.status_code == 200
    await ahead.drain()
    assert len(shots) == 1
    assert "Ada King" in shots[0]
    (key,) = await context.storage.keys(folder(uuid.UUID(resume["id"])))
    assert key.endswith(".png")


async def test_a_picture_that_fails_never_fails_the_save(
    client: httpx.AsyncClient,
    context: AppParts,
    ahead: ThumbnailsAhead,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def broken(*_args: object, **_kwargs: object) -> bytes:
        raise RuntimeError("Chromium is gone")

    monkeypatch.setattr(context.renderer, "png", broken)
    account = await sign_up(client)
    resume = await create_resume(client, account)
    edit = {"data": {"basics": {"name": "Grace"}}}
    saved = await client.patch(
        f"/api/resumes/{resume['id']}", json=edit, headers=if_match(account, 1)
    )
    assert saved.status_code == 200
    with caplog.at_level(logging.ERROR, logger="resumate.thumbnails"):
        await ahead.drain()
    assert "making a thumbnail ahead failed" in caplog.text
    assert await context.storage.keys(folder(uuid.UUID(resume["id"]))) == []


async def test_a_resume_in_the_trash_gets_no_picture(
    client: httpx.AsyncClient,
    context: AppParts,
    ahead: ThumbnailsAhead,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shots = counted_shots(context, monkeypatch)
    account = await sign_up(client)
    resume = await create_resume(client, account)
    trashed = await client.delete(f"/api/resumes/{resume['id']}", headers=account.headers)
    assert trashed.status_code == 204
    await ahead.drain()
    assert shots == []


async def test_the_dashboard_shows_a_picture_twice_the_size_of_its_card(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await sign_up(client)
    await pages.sign_in(account)
    resume = await create_resume(client, account)
    dashboard = await pages.get("/resumes")
    assert f'src="/resumes/{resume["id"]}/thumbnail.png' in dashboard.text
    assert 'width="397" height="562"' in dashboard.text
    picture = await pages.get(f"/resumes/{resume['id']}/thumbnail.png")
    assert struct.unpack(">II", picture.content[16:24]) == (794, 1123)
