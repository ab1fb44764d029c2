"""Sections of the person's own (`customSections`): validated like the standard ones, kept by
saves, export and import, and named in the theme's section order as `custom-<id>`."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from resumate.document.schemas import MAX_CUSTOM_SECTIONS, dump_resume, parse_resume
from tests.helpers import create_resume, error_fields, sign_up

PATENTS: dict[str, Any] = {
    "id": "k3f9a2",
    "title": "Patents",
    "items": [
        {
            "name": "Folding hinge",
            "subtitle": "US 11,234,567",
            "location": "Berlin",
            "startDate": "2021-03",
            "endDate": "2022",
            "url": "https://patents.example/11234567",
            "summary": "A hinge that folds flat.",
            "highlights": ["Licensed to two makers"],
            "office": "USPTO",  # a key of the person's own travels along
        }
    ],
}


def test_a_custom_section_round_trips_unchanged() -> None:
    data = {"basics": {"name": "Ada"}, "customSections": [PATENTS]}
    assert dump_resume(parse_resume(data)) == data


@pytest.mark.parametrize(
    ("section", "field"),
    [
        ({"id": "Has Space", "title": "Patents"}, "data.customSections[0].id"),
        ({"title": "Patents"}, "data.customSections[0].id"),
        ({"id": "a1", "title": "   "}, "data.customSections[0].title"),
        ({"id": "a1", "title": "x" * 61}, "data.customSections[0].title"),
        ({"id": "a1", "title": "P", "items": [{"startDate": "May"}]}, None),
        (
            {"id": "a1", "title": "P", "items": [{"name": 7}]},
            "data.customSections[0].items[0].name",
        ),
        ({"id": "a1", "title": "P", "items": [{}] * 101}, "data.customSections[0].items"),
    ],
)
async def test_a_bad_custom_section_is_refused_naming_its_field(
    client: httpx.AsyncClient, section: dict[str, Any], field: str | None
) -> None:
    account = await sign_up(client)
    response = await client.post(
        "/api/resumes",
        json={"title": "Mine", "data": {"customSections": [section]}},
        headers=account.headers,
    )
    assert response.status_code == 422, response.text
    assert error_fields(response) == [field or "data.customSections[0].items[0].startDate"]


async def test_two_sections_may_not_share_an_id_nor_be_too_many(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    for sections in (
        [PATENTS, PATENTS],
        [{"id": f"s{n}", "title": "S"} for n in range(MAX_CUSTOM_SECTIONS + 1)],
    ):
        response = await client.post(
            "/api/resumes", json={"data": {"customSections": sections}}, headers=account.headers
        )
        assert response.status_code == 422, response.text
        assert error_fields(response) == ["data.customSections"]


async def test_the_theme_orders_custom_sections_by_their_key(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    order = ["custom-k3f9a2", "work"]
    resume = await create_resume(
        client,
        account,
        data={"customSections": [PATENTS]},
        theme={"sectionOrder": order, "hiddenSections": ["custom-k3f9a2"]},
    )
    assert resume["theme"]["sectionOrder"] == order
    bad = await client.post(
        "/api/resumes",
        json={"data": {}, "theme": {"sectionOrder": ["work", "custom-Not OK", "Patents"]}},
        headers=account.headers,
    )
    assert bad.status_code == 422
    assert error_fields(bad) == ["theme.sectionOrder[1]", "theme.sectionOrder[2]"]


async def test_export_and_import_keep_custom_sections(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account, data={"customSections": [PATENTS]})
    exported = await client.get(f"/api/resumes/{resume['id']}/export", headers=account.headers)
    assert exported.json()["customSections"] == [PATENTS]
    imported = await client.post(
        "/api/resumes/import", json=exported.json(), headers=account.headers
    )
    assert imported.status_code == 201, imported.text
    assert imported.json()["data"]["customSections"] == [PATENTS]
