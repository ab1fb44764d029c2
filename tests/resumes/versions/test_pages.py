"""The editor's history drawer: bursts, one entry's preview and changes, and naming it."""

from __future__ import annotations

import httpx

from tests.helpers import Account, create_resume, if_match, sign_up
from tests.pages import PageClient

DATA = {"basics": {"name": "Ada"}, "work": [{"name": "Nordlys", "position": "Engineer"}]}
LATER = {"basics": {"name": "Ada"}, "work": [{"name": "Nordlys", "position": "Senior engineer"}]}


async def resume_edited_once(client: httpx.AsyncClient) -> tuple[Account, str]:
    account = await sign_up(client)
    resume_id = (await create_resume(client, account, data=DATA))["id"]
    edit = await client.patch(
        f"/api/resumes/{resume_id}", json={"data": LATER}, headers=if_match(account, 1)
    )
    assert edit.status_code == 200
    return account, resume_id


async def test_an_entry_shows_its_first_page_and_the_changes_since(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account, resume_id = await resume_edited_once(client)
    await pages.sign_in(account)
    response = await pages.htmx("GET", f"/resumes/{resume_id}/history/1")
    assert response.status_code == 200
    assert pages.last.template == "editor/_history_entry.html"
    context = pages.last.context
    assert [(c.field, c.before, c.after) for c in context["changes"]] == [
        ("Work experience › Nordlys › Position", "Engineer", "Senior engineer")
    ]
    assert ">Engineer<" in context["preview_html"]
    assert 'sandbox="allow-same-origin"' in response.text
    assert "Restore this version" in response.text


async def test_naming_from_the_drawer_shows_the_entry_named(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account, resume_id = await resume_edited_once(client)
    await pages.sign_in(account)
    path = f"/resumes/{resume_id}/versions/2/name"
    response = await pages.htmx("POST", path, data={"name": " Sent to Nordlys "})
    assert response.status_code == 200
    assert pages.last.template == "editor/history.html"
    assert [b.name for b in pages.last.context["versions"]] == ["Sent to Nordlys", None]
    assert pages.last.context["entry"].name == "Sent to Nordlys"
    cleared = await pages.htmx("POST", path, data={"name": "  "})
    assert cleared.status_code == 200
    assert [b.name for b in pages.last.context["versions"]] == [None, None]


async def test_a_name_over_80_characters_is_refused(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account, resume_id = await resume_edited_once(client)
    await pages.sign_in(account)
    response = await pages.htmx(
        "POST", f"/resumes/{resume_id}/versions/2/name", data={"name": "x" * 81}
    )
    assert response.status_code == 422
    assert "80 characters" in pages.last.context["message"]


async def test_another_persons_history_is_not_found_and_stays_unnamed(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account, resume_id = await resume_edited_once(client)
    await pages.sign_in(await sign_up(client))
    for method, path, data in [
        ("GET", f"/resumes/{resume_id}/history/1", None),
        ("POST", f"/resumes/{resume_id}/versions/1/name", {"name": "Mine now"}),
    ]:
        response = await pages.htmx(method, path, data=data)
        assert response.status_code == 404
    versions = await client.get(f"/api/resumes/{resume_id}/versions", headers=account.headers)
    assert [v["name"] for v in versions.json()["items"]] == [None, None]
