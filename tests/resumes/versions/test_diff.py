"""GET /api/resumes/{id}/versions/{n}/diff names each field restoring the version would change."""

from __future__ import annotations

import copy
from typing import Any

import httpx

from resumate.document.theme import Theme
from resumate.resumes.versions.design import LABELS
from resumate.resumes.versions.diff import Change, document_changes
from tests.helpers import Account, create_resume, if_match, sign_up

WORK: list[dict[str, Any]] = [
    {"name": "Nordlys", "position": "Engineer", "highlights": ["Built the API"]},
    {"name": "Acme", "position": "Intern"},
]
DATA: dict[str, Any] = {"basics": {"name": "Ada", "location": {"city": "Oslo"}}, "work": WORK}


def fields(changes: list[Change]) -> list[tuple[str, str, str | None, str | None]]:
    return [(c.field, c.kind, c.before, c.after) for c in changes]


def test_a_changed_field_is_named_by_its_entry_and_label() -> None:
    after = copy.deepcopy(DATA)
    after["work"][0]["position"] = "Senior engineer"
    assert fields(document_changes(DATA, after)) == [
        ("Work experience › Nordlys › Position", "changed", "Engineer", "Senior engineer")
    ]


def test_removing_the_first_entry_is_one_removed_entry() -> None:
    after = copy.deepcopy(DATA)
    del after["work"][0]
    assert fields(document_changes(DATA, after)) == [
        ("Work experience", "removed", "Engineer · Nordlys", None)
    ]


def test_added_entries_list_items_and_nested_fields() -> None:
    after = copy.deepcopy(DATA)
    after["work"][0]["highlights"].append("Ran the on-call rota")
    after["basics"]["location"]["city"] = "Bergen"
    after["skills"] = [{"name": "Python"}]
    assert fields(document_changes(DATA, after)) == [
        ("Personal details › Location › City", "changed", "Oslo", "Bergen"),
        (
            "Work experience › Engineer · Nordlys › Highlights",
            "added",
            None,
            "Ran the on-call rota",
        ),
        ("Skills", "added", None, "Python"),
    ]


def test_the_persons_own_sections_are_named_by_their_title() -> None:
    patents: dict[str, Any] = {
        "id": "p1",
        "title": "Patents",
        "items": [{"name": "Lens", "subtitle": "EPO"}],
    }
    before = {"customSections": [patents]}
    changed = copy.deepcopy(patents)
    changed["items"][0]["subtitle"] = "USPTO"
    talks = {"id": "t1", "title": "Talks"}
    after = {"customSections": [changed, talks]}
    assert fields(document_changes(before, after)) == [
        ("Patents › Lens › Organisation or subtitle", "changed", "EPO", "USPTO"),
        ("Your own sections", "added", None, "Talks"),
    ]


def test_the_same_document_has_no_changes() -> None:
    assert document_changes(DATA, copy.deepcopy(DATA)) == []


def test_every_theme_option_has_a_label() -> None:
    options = {field.alias or name for name, field in Theme.model_fields.items()}
    assert options == set(LABELS)


async def saved(
    client: httpx.AsyncClient, account: Account, resume_id: str, version: int, **body: Any
) -> None:
    response = await client.patch(
        f"/api/resumes/{resume_id}", json=body, headers=if_match(account, version)
    )
    assert response.status_code == 200, response.text


async def test_the_diff_names_the_changed_fields_and_the_design(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    resume_id = (await create_resume(client, account, title="Mine", data=DATA))["id"]
    after = copy.deepcopy(DATA)
    after["work"][0]["position"] = "Senior engineer"
    await saved(client, account, resume_id, 1, data=after, title="Mine, for Nordlys")
    await saved(client, account, resume_id, 2, theme={"fontFamily": "source-serif-4"})

    response = await client.get(
        f"/api/resumes/{resume_id}/versions/1/diff", headers=account.headers
    )

    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["version"], body["currentVersion"]) == (1, 3)
    changes = [(c["field"], c["before"], c["after"]) for c in body["changes"]]
    assert changes == [
        ("Title", "Mine", "Mine, for Nordlys"),
        ("Work experience › Nordlys › Position", "Engineer", "Senior engineer"),
        ("Design › Font", "the template's", "Source Serif 4"),
    ]
    current = await client.get(f"/api/resumes/{resume_id}/versions/3/diff", headers=account.headers)
    assert current.json()["changes"] == []


async def test_the_diff_of_a_missing_version_is_404(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    resume_id = (await create_resume(client, account))["id"]
    response = await client.get(
        f"/api/resumes/{resume_id}/versions/2/diff", headers=account.headers
    )
    assert response.status_code == 404
