"""POST /api/resumes/{id}/fit: the design on which a resume prints on N pages, saved or not."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.helpers import Account, create_resume, error_fields, sign_up
from tests.templates.test_template_pdfs import long_resume, sample


async def template_id(client: httpx.AsyncClient, account: Account, slug: str) -> str:
    templates = (await client.get("/api/templates", headers=account.headers)).json()
    found: str = next(t["id"] for t in templates if t["slug"] == slug)
    return found


async def fit(
    client: httpx.AsyncClient, account: Account, resume: dict[str, Any], body: dict[str, Any]
) -> httpx.Response:
    return await client.post(f"/api/resumes/{resume['id']}/fit", json=body, headers=account.headers)


async def test_a_two_page_draft_is_fitted_on_one_page_and_nothing_is_saved(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account)
    sidebar = await template_id(client, account, "sidebar")

    response = await fit(
        client, account, resume, {"pages": 1, "data": sample(), "templateId": sidebar}
    )

    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["fits"], body["pages"], body["before"]) == (True, 1, 2)
    assert set(body["theme"]) == {"fontSize", "lineHeight", "marginMm", "spacing"}
    assert body["theme"]["fontSize"] >= 9
    assert body["theme"]["lineHeight"] >= 1.15
    assert body["suggestions"] == []
    saved = await client.get(f"/api/resumes/{resume['id']}", headers=account.headers)
    assert saved.json()["version"] == 1
    assert saved.json()["theme"]["fontSize"] is None


async def test_a_resume_that_cannot_fit_is_refused_with_what_to_cut(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account, data=long_resume())

    response = await fit(client, account, resume, {"pages": 1})

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["fits"] is False
    assert body["pages"] > 1
    assert body["theme"] == body["limits"]
    first = body["suggestions"][0]
    assert first["text"].startswith("Cut the oldest job, CEO/President at Pied Piper")
    assert (first["section"], first["action"]) == ("work", "cut")
    assert first["lines"] > 0


async def test_a_saved_resume_that_fits_keeps_its_design(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account, theme={"fontSize": 11})

    response = await fit(client, account, resume, {"pages": 2})

    body = response.json()
    assert (body["fits"], body["pages"], body["before"]) == (True, 1, 1)
    assert body["theme"]["fontSize"] == 11


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "pages"),
        ({"pages": 0}, "pages"),
        ({"pages": 5}, "pages"),
        ({"pages": "two"}, "pages"),
        ({"pages": 1, "theme": {"fontSize": 40}}, "theme.fontSize"),
        ({"pages": 1, "data": {"work": [{"startDate": "last spring"}]}}, "data.work[0].startDate"),
        ({"pages": 1, "templateId": "00000000-0000-0000-0000-000000000000"}, "templateId"),
    ],
)
async def test_bad_input_is_refused_naming_the_field(
    client: httpx.AsyncClient, body: dict[str, Any], field: str
) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account)
    response = await fit(client, account, resume, body)
    assert response.status_code == 422
    assert error_fields(response) == [field]


async def test_another_persons_resume_is_not_found(client: httpx.AsyncClient) -> None:
    owner = await sign_up(client)
    resume = await create_resume(client, owner)
    intruder = await sign_up(client)
    response = await fit(client, intruder, resume, {"pages": 1})
    assert response.status_code == 404


async def test_it_needs_a_session(client: httpx.AsyncClient) -> None:
    owner = await sign_up(client)
    resume = await create_resume(client, owner)
    client.cookies.clear()  # signing up left the session's cookies
    response = await client.post(f"/api/resumes/{resume['id']}/fit", json={"pages": 1})
    assert response.status_code == 401
