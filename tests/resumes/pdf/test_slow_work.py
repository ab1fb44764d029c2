"""Printing runs outside the database session: the pool has the connection back meanwhile.

The resume is loaded and checked, the connection is released, Chromium prints, storage keeps the
file, and only then is the PDF recorded, by a statement that re-checks the resume's version.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from resumate.rendering.renderer import RenderedPdf
from resumate.resumes.files import pdf_folder
from resumate.resumes.models import Resume
from tests.helpers import Account, AppParts, create_resume, if_match, sign_up


def checked_out(context: AppParts) -> int:
    return context.engine.pool.checkedout()  # type: ignore[attr-defined,no-any-return]


def watching(
    context: AppParts, monkeypatch: pytest.MonkeyPatch, name: str, during: list[int]
) -> None:
    """Wrap one of the renderer's calls: note the pool's checked-out connections as it runs."""
    real: Callable[..., Awaitable[Any]] = getattr(context.renderer, name)

    async def observed(*args: Any, **kwargs: Any) -> Any:
        during.append(checked_out(context))
        return await real(*args, **kwargs)

    monkeypatch.setattr(context.renderer, name, observed)


def meanwhile(
    context: AppParts, monkeypatch: pytest.MonkeyPatch, request: Callable[[], Awaitable[Any]]
) -> Callable[..., Awaitable[RenderedPdf]]:
    """Make `request` happen while the next PDF prints; gives back the real printing call."""
    real: Callable[..., Awaitable[RenderedPdf]] = context.renderer.pdf

    async def interrupted(html: str, *, title: str, author: str) -> RenderedPdf:
        await request()
        return await real(html, title=title, author=author)

    monkeypatch.setattr(context.renderer, "pdf", interrupted)
    return real


async def pdf_row(context: AppParts, resume_id: str) -> tuple[str | None, str | None]:
    async with context.sessionmaker() as session:
        row = (
            await session.execute(
                select(Resume.pdf_key, Resume.pdf_hash).where(Resume.id == uuid.UUID(resume_id))
            )
        ).one()
        return row.pdf_key, row.pdf_hash


async def test_the_connection_is_back_in_the_pool_while_a_pdf_prints(
    client: httpx.AsyncClient, context: AppParts, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account)
    during: list[int] = []
    watching(context, monkeypatch, "pdf", during)
    response = await client.post(
        f"/api/resumes/{resume['id']}/generate-pdf", headers=account.headers
    )
    assert response.status_code == 200, response.text
    assert during == [0]
    assert (await pdf_row(context, resume["id"]))[0] is not None


async def test_the_connection_is_back_in_the_pool_while_a_thumbnail_is_shot(
    client: httpx.AsyncClient, context: AppParts, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account)
    # Another test may have made the template's picture already: it is made anew here.
    await context.storage.delete_many(await context.storage.keys("thumbnails/modern/"))
    during: list[int] = []
    watching(context, monkeypatch, "png", during)
    client.cookies.set("resumate_access", account.access_token)
    shot = await client.get(f"/resumes/{resume['id']}/thumbnail.png")
    template = await client.get("/templates/modern/thumbnail.png")
    assert (shot.status_code, template.status_code) == (200, 200)
    assert during == [0, 0]


async def test_an_edit_made_while_printing_is_not_overwritten_by_the_pdf_record(
    client: httpx.AsyncClient, context: AppParts, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account)

    async def edit() -> None:
        edited = await client.patch(
            f"/api/resumes/{resume['id']}",
            json={"title": "Changed while printing"},
            headers=if_match(account, 1),
        )
        assert edited.status_code == 200, edited.text

    real = meanwhile(context, monkeypatch, edit)
    link = await generate(client, account, resume["id"])
    # The PDF asked for is served, but the resume (now version 2) does not claim it.
    assert (await client.get(link["url"])).status_code == 200
    assert await pdf_row(context, resume["id"]) == (None, None)
    monkeypatch.setattr(context.renderer, "pdf", real)
    await generate(client, account, resume["id"])
    key, digest = await pdf_row(context, resume["id"])
    assert key is not None
    assert digest is not None


async def test_a_pdf_nobody_recorded_goes_when_the_resume_does(
    client: httpx.AsyncClient, context: AppParts, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account)

    async def trash() -> None:
        trashed = await client.delete(f"/api/resumes/{resume['id']}", headers=account.headers)
        assert trashed.status_code == 204

    meanwhile(context, monkeypatch, trash)
    await generate(client, account, resume["id"])
    folder = pdf_folder(uuid.UUID(resume["id"]))
    assert len(await context.storage.keys(folder)) == 1
    purged = await client.delete(f"/api/resumes/trash/{resume['id']}", headers=account.headers)
    assert purged.status_code == 204
    assert await context.storage.keys(folder) == []


async def generate(client: httpx.AsyncClient, account: Account, resume_id: str) -> dict[str, Any]:
    response = await client.post(f"/api/resumes/{resume_id}/generate-pdf", headers=account.headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body
