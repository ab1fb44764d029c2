"""PATCH /api/resumes/{id}/versions/{n}: a person names a saved state, and the name stays."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest

from tests.helpers import AppParts, error_fields, if_match
from tests.resumes.versions.test_bursts import history, made_earlier, typed


async def test_a_named_version_survives_grouping_as_an_entry_of_its_own(
    client: httpx.AsyncClient,
) -> None:
    account, resume_id = await typed(client, 20)
    named = await client.patch(
        f"/api/resumes/{resume_id}/versions/9",
        json={"name": "  Sent to Nordlys "},
        headers=account.headers,
    )
    assert named.status_code == 200, named.text
    assert (named.json()["version"], named.json()["name"]) == (9, "Sent to Nordlys")
    items = (await history(client, account, resume_id))["items"]
    assert [(i["firstVersion"], i["version"], i["name"]) for i in items] == [
        (10, 21, None),
        (2, 9, "Sent to Nordlys"),
        (1, 1, None),
    ]


async def test_naming_does_not_edit_the_resume(client: httpx.AsyncClient) -> None:
    account, resume_id = await typed(client, 2)
    response = await client.patch(
        f"/api/resumes/{resume_id}/versions/3", json={"name": "Final"}, headers=account.headers
    )
    assert response.status_code == 200
    resume = await client.get(f"/api/resumes/{resume_id}", headers=account.headers)
    assert (resume.json()["version"], resume.headers["ETag"]) == (3, '"3"')
    # The next edit still builds on version 3.
    edit = await client.patch(
        f"/api/resumes/{resume_id}", json={"title": "Next"}, headers=if_match(account, 3)
    )
    assert edit.status_code == 200


async def test_a_name_can_be_changed_and_cleared(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    account, resume_id = await typed(client, 3)
    await made_earlier(context, resume_id, 3, timedelta(hours=1))
    path = f"/api/resumes/{resume_id}/versions/3"
    await client.patch(path, json={"name": "Draft"}, headers=account.headers)
    renamed = await client.patch(path, json={"name": "Sent to Nordlys"}, headers=account.headers)
    assert renamed.json()["name"] == "Sent to Nordlys"
    items = (await history(client, account, resume_id))["items"]
    assert [i["name"] for i in items if i["name"]] == ["Sent to Nordlys"]
    cleared = await client.patch(path, json={"name": None}, headers=account.headers)
    assert cleared.json()["name"] is None
    items = (await history(client, account, resume_id))["items"]
    assert [i["name"] for i in items] == [None, None, None]
    # Without its name, the version folds back into its burst.
    assert [(i["firstVersion"], i["version"]) for i in items] == [(4, 4), (2, 3), (1, 1)]


@pytest.mark.parametrize("body", [{"name": ""}, {"name": "   "}, {"name": "x" * 81}, {}])
async def test_a_bad_name_is_422_naming_the_field(
    client: httpx.AsyncClient, body: dict[str, object]
) -> None:
    account, resume_id = await typed(client, 1)
    response = await client.patch(
        f"/api/resumes/{resume_id}/versions/1", json=body, headers=account.headers
    )
    assert response.status_code == 422
    assert error_fields(response) == ["name"]


async def test_naming_a_missing_version_is_404(client: httpx.AsyncClient) -> None:
    account, resume_id = await typed(client, 1)
    response = await client.patch(
        f"/api/resumes/{resume_id}/versions/7", json={"name": "Nope"}, headers=account.headers
    )
    assert response.status_code == 404
