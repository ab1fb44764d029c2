"""An export keeps the resume's design in meta; importing that file restores it."""

from __future__ import annotations

from typing import Any

import httpx

from resumate.document.schemas import JsonResume, parse_resume
from resumate.document.theme import default_theme
from tests.helpers import Account, create_resume, sign_up
from tests.transfer.test_router import designed, sample

THEME = default_theme() | {
    "accentColor": "#aa3355",
    "fontFamily": "source-serif-4",
    "fontSize": 11.0,
    "lineHeight": 1.3,
    "marginMm": 15.0,
    "pageSize": "Letter",
    "sectionOrder": ["work", "skills", "education", "summary"],
    "hiddenSections": ["references"],
}
DATA: dict[str, Any] = {
    "basics": {"name": "Ada Lovelace", "label": "Analyst"},
    "work": [{"name": "Analytical Engine", "startDate": "1842"}],
    "meta": {"canonical": "https://example.com/ada.json", "version": "v1", "x-tool": [1, 2]},
}


async def template_ids(client: httpx.AsyncClient, account: Account) -> dict[str, str]:
    found = (await client.get("/api/templates", headers=account.headers)).json()
    return {t["slug"]: t["id"] for t in found}


async def export(client: httpx.AsyncClient, account: Account, resume_id: str) -> dict[str, Any]:
    response = await client.get(f"/api/resumes/{resume_id}/export", headers=account.headers)
    assert response.status_code == 200
    document: dict[str, Any] = response.json()
    return document


async def imported(
    client: httpx.AsyncClient, account: Account, document: object, **params: str
) -> dict[str, Any]:
    response = await client.post(
        "/api/resumes/import", json=document, params=params, headers=account.headers
    )
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def designed_resume(client: httpx.AsyncClient, account: Account, **fields: Any) -> str:
    modern = (await template_ids(client, account))["modern"]
    body = {"templateId": modern, "theme": THEME, "data": DATA} | fields
    created = await create_resume(client, account, **body)
    return str(created["id"])


async def test_export_carries_the_template_and_theme_in_meta(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    exported = await export(client, account, await designed_resume(client, account))
    assert exported == designed(DATA, "modern", THEME)
    # The user's meta keys first and as they were, the design after them; still a JSON Resume.
    assert list(exported["meta"]) == ["canonical", "version", "x-tool", "theme", "resumate"]
    assert list(exported) == ["basics", "work", "meta"]
    assert isinstance(parse_resume(exported), JsonResume)


async def test_export_then_import_restores_template_theme_and_data(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    exported = await export(client, account, await designed_resume(client, account))
    created = await imported(client, account, exported)
    assert created["templateId"] == (await template_ids(client, account))["modern"]
    assert created["theme"] == THEME
    # The design lives in the template and theme, not as a copy in the data.
    assert created["data"] == DATA
    assert await export(client, account, created["id"]) == exported


async def test_a_resume_without_meta_round_trips_without_one(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    resume_id = await designed_resume(client, account, data={"basics": {"name": "Ada"}})
    exported = await export(client, account, resume_id)
    assert exported["meta"] == {
        "theme": "modern",
        "resumate": {"template": "modern", "theme": THEME},
    }
    created = await imported(client, account, exported)
    assert (created["data"], created["theme"]) == ({"basics": {"name": "Ada"}}, THEME)


async def test_a_meta_theme_changed_after_export_is_kept_as_the_users(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    exported = await export(client, account, await designed_resume(client, account))
    exported["meta"]["theme"] = "elegant"
    created = await imported(client, account, exported)
    assert created["templateId"] == (await template_ids(client, account))["modern"]
    assert created["data"]["meta"] == DATA["meta"] | {"theme": "elegant"}


async def test_a_broken_design_imports_with_its_valid_parts(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    theme = {
        "accentColor": "red",
        "fontFamily": "comic-sans",
        "fontSize": 11,
        "lineHeight": "tall",
        "marginMm": 400,
        "pageSize": "Letter",
        "sectionOrder": ["work", "work"],
        "hiddenSections": ["awards"],
        "shadow": True,
    }
    meta = {
        "version": "v2",
        "theme": "nowhere",
        "resumate": {"template": "nowhere", "theme": theme},
    }
    created = await imported(client, account, {"basics": {"name": "Ada"}, "meta": meta})
    assert created["templateId"] == (await template_ids(client, account))["classic"]
    assert created["theme"] == default_theme() | {
        "fontSize": 11,
        "pageSize": "Letter",
        "hiddenSections": ["awards"],
    }
    assert created["data"] == {"basics": {"name": "Ada"}, "meta": {"version": "v2"}}


async def test_a_design_of_the_wrong_types_takes_the_defaults(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    meta = {"theme": "sidebar", "resumate": {"template": 7, "theme": "dark"}}
    created = await imported(client, account, {"meta": meta})
    # The template falls back as before: the standard's meta.theme names one of ours.
    assert created["templateId"] == (await template_ids(client, account))["sidebar"]
    assert created["theme"] == default_theme()
    assert created["data"] == {"meta": {"theme": "sidebar"}}


async def test_a_chosen_template_wins_over_the_files(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    exported = await export(client, account, await designed_resume(client, account))
    sidebar = (await template_ids(client, account))["sidebar"]
    created = await imported(client, account, exported, templateId=sidebar)
    assert (created["templateId"], created["theme"]) == (sidebar, THEME)


async def test_a_file_without_our_design_imports_as_before(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    document = sample()
    document["meta"] |= {"theme": "Modern", "resumate": "another tool's note"}
    created = await imported(client, account, document)
    assert created["templateId"] == (await template_ids(client, account))["modern"]
    assert created["theme"] == default_theme()
    assert created["data"] == document
