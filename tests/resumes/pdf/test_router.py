"""generate-pdf, the PDF download redirect, the preview and deleting PDFs with resumes."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import httpx
import pytest
from pypdf import PdfReader

from resumate.rendering.renderer import RendererBusy
from resumate.storage.base import StorageUnavailable
from tests.helpers import Account, AppParts, create_resume, if_match, sign_up


async def generate(client: httpx.AsyncClient, account: Account, resume_id: str) -> dict[str, Any]:
    response = await client.post(f"/api/resumes/{resume_id}/generate-pdf", headers=account.headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def stored_pdfs(context: AppParts, resume_id: str) -> list[Path]:
    return sorted((context.settings.storage_dir / "pdfs" / resume_id).glob("*.pdf"))


async def test_generate_pdf_stores_it_and_returns_a_link(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account, data={"basics": {"name": "Ada Lovelace"}})
    link = await generate(client, account, resume["id"])
    assert link["pages"] == 1
    assert link["bytes"] > 1000
    assert link["expiresAt"]
    download = await client.get(link["url"])
    assert download.status_code == 200
    assert download.headers["content-type"] == "application/pdf"
    assert "attachment" in download.headers["content-disposition"]
    reader = PdfReader(io.BytesIO(download.content))
    assert "Ada Lovelace" in reader.pages[0].extract_text()
    assert reader.metadata is not None
    assert reader.metadata.author == "Ada Lovelace"


async def test_unchanged_content_is_not_printed_again(
    client: httpx.AsyncClient, context: AppParts, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account)
    first = await generate(client, account, resume["id"])

    async def no_printing(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("printed again")

    monkeypatch.setattr(context.renderer, "pdf", no_printing)
    again = await generate(client, account, resume["id"])
    assert (again["pages"], again["bytes"]) == (first["pages"], first["bytes"])


async def test_generating_is_not_an_edit(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account)
    await generate(client, account, resume["id"])
    after = (await client.get(f"/api/resumes/{resume['id']}", headers=account.headers)).json()
    assert (after["version"], after["updatedAt"]) == (resume["version"], resume["updatedAt"])


async def test_an_edit_prints_anew_and_drops_the_old_pdf(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account)
    await generate(client, account, resume["id"])
    before = stored_pdfs(context, resume["id"])
    await client.patch(
        f"/api/resumes/{resume['id']}",
        json={"data": {"basics": {"name": "Someone Else"}}},
        headers=if_match(account, 1),
    )
    link = await generate(client, account, resume["id"])
    download = await client.get(link["url"])
    assert "Someone Else" in PdfReader(io.BytesIO(download.content)).pages[0].extract_text()
    after = stored_pdfs(context, resume["id"])
    assert len(after) == len(before)
    assert set(after) != set(before)


async def test_pdf_redirects_to_a_fresh_link(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account)
    response = await client.get(f"/api/resumes/{resume['id']}/pdf", headers=account.headers)
    assert response.status_code == 307
    download = await client.get(response.headers["location"])
    assert download.content.startswith(b"%PDF")


async def test_preview_is_the_html_that_is_printed(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account, data={"basics": {"name": "Grace <Hopper>"}})
    response = await client.get(f"/api/resumes/{resume['id']}/preview", headers=account.headers)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "Grace &lt;Hopper&gt;" in response.text
    assert "default-src 'none'" in response.headers["content-security-policy"]


async def test_storage_failure_is_503_and_leaves_the_resume_alone(
    client: httpx.AsyncClient, context: AppParts, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account)

    async def broken(*_args: object, **_kwargs: object) -> None:
        raise StorageUnavailable()

    monkeypatch.setattr(context.storage, "put", broken)
    response = await client.post(
        f"/api/resumes/{resume['id']}/generate-pdf", headers=account.headers
    )
    assert response.status_code == 503
    assert response.headers["Retry-After"]
    after = (await client.get(f"/api/resumes/{resume['id']}", headers=account.headers)).json()
    assert after == resume | {"updatedAt": after["updatedAt"]}
    assert after["updatedAt"] == resume["updatedAt"]


async def test_a_busy_renderer_is_503_with_retry_after(
    client: httpx.AsyncClient, context: AppParts, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account)

    async def busy(*_args: object, **_kwargs: object) -> None:
        raise RendererBusy(retry_after=3)

    monkeypatch.setattr(context.renderer, "pdf", busy)
    response = await client.post(
        f"/api/resumes/{resume['id']}/generate-pdf", headers=account.headers
    )
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "renderer_busy"
    assert response.headers["Retry-After"] == "3"


async def test_deleting_for_good_deletes_the_pdf(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account)
    await generate(client, account, resume["id"])
    assert stored_pdfs(context, resume["id"])
    await client.delete(f"/api/resumes/{resume['id']}", headers=account.headers)
    assert stored_pdfs(context, resume["id"]), "the trash keeps the PDF until it is emptied"
    await client.delete("/api/resumes/trash", headers=account.headers)
    assert stored_pdfs(context, resume["id"]) == []


async def test_deleting_the_account_deletes_its_pdfs(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account)
    await generate(client, account, resume["id"])
    await client.request(
        "DELETE", "/api/account", json={"password": account.password}, headers=account.headers
    )
    assert stored_pdfs(context, resume["id"]) == []
