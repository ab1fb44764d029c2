"""GET /api/resumes/{id}/export?format=...: each format as a download of the owner's resume."""

from __future__ import annotations

import copy
import io
from typing import Any

import docx
import httpx
import pytest

from resumate.document.sample import sample_resume
from resumate.transfer.export.png import page_png
from tests.helpers import Account, create_resume, error_fields, sign_up
from tests.transfer.export.pngs import decoded
from tests.transfer.export.resumes import german

FORMATS = {
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    "md": ("text/markdown; charset=utf-8", "md"),
    "txt": ("text/plain; charset=utf-8", "txt"),
    "png": ("image/png", "png"),
}


async def exported(
    client: httpx.AsyncClient, account: Account, resume_id: str, **params: Any
) -> httpx.Response:
    return await client.get(
        f"/api/resumes/{resume_id}/export", params=params, headers=account.headers
    )


@pytest.mark.parametrize("kind", sorted(FORMATS))
async def test_each_format_is_a_download_named_after_the_title(
    client: httpx.AsyncClient, kind: str
) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account, title="Maya / Design", data=sample_resume())
    response = await exported(client, account, resume["id"], format=kind)
    assert response.status_code == 200, response.text
    media_type, extension = FORMATS[kind]
    assert response.headers["Content-Type"] == media_type
    name = "Maya-Design-page-1.png" if kind == "png" else f"Maya-Design.{extension}"
    assert response.headers["Content-Disposition"] == f'attachment; filename="{name}"'
    if kind == "docx":
        assert docx.Document(io.BytesIO(response.content)).paragraphs[0].text == "Maya Okafor"
    elif kind == "png":
        assert decoded(response.content).width == 2 * 794 - 1  # A4 at the default scale, 2
    else:
        assert response.text.lstrip("# ").startswith("Maya Okafor\n")


async def test_json_stays_the_default(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account, data=sample_resume())
    default = await exported(client, account, resume["id"])
    chosen = await exported(client, account, resume["id"], format="json")
    assert default.headers["Content-Type"] == chosen.headers["Content-Type"] == "application/json"
    assert default.json() == chosen.json()
    assert default.json()["meta"]["resumate"]["template"] == "classic"


@pytest.mark.parametrize("kind", ["json", *sorted(FORMATS)])
async def test_another_users_resume_is_not_found_in_any_format(
    client: httpx.AsyncClient, kind: str
) -> None:
    owner, other = await sign_up(client), await sign_up(client)
    resume = await create_resume(client, owner, data=sample_resume())
    response = await exported(client, other, resume["id"], format=kind)
    assert response.status_code == 404
    assert "Maya" not in response.text


async def test_the_png_is_a_page_of_the_pdf_the_download_gives(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    data = copy.deepcopy(sample_resume())
    data["work"] = data["work"] * 6  # two pages
    resume = await create_resume(client, account, data=data)
    image = await exported(client, account, resume["id"], format="png", page=2, scale=1)
    assert image.status_code == 200, image.text
    assert image.headers["Content-Disposition"].endswith('-page-2.png"')
    link = await client.get(f"/api/resumes/{resume['id']}/pdf", headers=account.headers)
    pdf = await client.get(link.headers["Location"])
    assert image.content == page_png(pdf.content, 2, 1)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"format": "png", "page": 3}, "page"),
        ({"format": "png", "page": 0}, "page"),
        ({"format": "png", "scale": 4.5}, "scale"),
        ({"format": "png", "scale": 0.5}, "scale"),
        ({"format": "png", "scale": "nan"}, "scale"),
        ({"format": "pdf"}, "format"),
    ],
)
async def test_a_page_scale_or_format_out_of_range_is_named(
    client: httpx.AsyncClient, params: dict[str, Any], field: str
) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account, data=sample_resume())
    response = await exported(client, account, resume["id"], **params)
    assert response.status_code == 422
    assert error_fields(response) == [field]


async def test_a_german_resume_exports_with_german_headings(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account, data=german())
    text = (await exported(client, account, resume["id"], format="txt")).text
    assert "\nBerufserfahrung\n" in text


async def test_signed_out_is_refused(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account)
    client.cookies.clear()
    response = await client.get(f"/api/resumes/{resume['id']}/export?format=docx")
    assert response.status_code == 401
