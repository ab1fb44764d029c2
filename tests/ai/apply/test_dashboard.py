"""The dashboard lists variants under their master; one whose master is gone stands alone."""

from __future__ import annotations

from typing import Any

import httpx

from tests.ai.apply.conftest import REPHRASED, apply
from tests.helpers import Account
from tests.pages import PageClient

Nurse = tuple[Account, dict[str, Any]]


async def variants(client: httpx.AsyncClient, nurse: Nurse, *jobs: str) -> list[dict[str, Any]]:
    account, master = nurse
    made = []
    for job in jobs:
        response = await apply(client, account, master, [REPHRASED], variant={"job": job})
        assert response.status_code == 201, response.text
        made.append(response.json()["resume"])
    return made


def listed(pages: PageClient) -> list[tuple[str, list[str]]]:
    return [
        (card.resume.title, [v.resume.title for v in card.variants])
        for card in pages.last.context["cards"]
    ]


async def test_variants_are_grouped_under_their_master(
    pages: PageClient, client: httpx.AsyncClient, nurse: Nurse
) -> None:
    account, master = nurse
    await variants(client, nurse, "Night nurse", "Charge nurse")
    await pages.sign_in(account)
    page = await pages.get("/resumes")
    assert listed(pages) == [("Nurse", ["Nurse — Charge nurse", "Nurse — Night nurse"])]
    assert pages.last.context["total"] == 1
    assert f'id="group-{master["id"]}"' in page.text
    assert "Nurse and 2 tailored versions" in page.text
    assert "Tailored for: Night nurse" in page.text


async def test_a_variant_whose_master_is_trashed_or_deleted_stands_alone(
    pages: PageClient, client: httpx.AsyncClient, nurse: Nurse
) -> None:
    account, master = nurse
    await variants(client, nurse, "Night nurse")
    await pages.sign_in(account)
    await pages.get("/resumes")
    trashed = await pages.htmx("POST", f"/resumes/{master['id']}/trash")
    assert trashed.status_code == 200
    # The list is drawn again: the variant leaves its master's group.
    assert listed(pages) == [("Nurse — Night nurse", [])]
    await client.delete(f"/api/resumes/trash/{master['id']}", headers=account.headers)
    page = await pages.get("/resumes")
    assert listed(pages) == [("Nurse — Night nurse", [])]
    assert "Tailored for: Night nurse" in page.text


async def test_a_masters_copy_goes_after_the_group_not_into_it(
    pages: PageClient, client: httpx.AsyncClient, nurse: Nurse
) -> None:
    account, master = nurse
    await variants(client, nurse, "Night nurse")
    await pages.sign_in(account)
    await pages.get("/resumes")
    response = await pages.htmx("POST", f"/resumes/{master['id']}/duplicate")
    assert f'hx-swap-oob="afterend:#group-{master["id"]}"' in response.text
    await pages.get("/resumes")
    assert listed(pages) == [("Nurse (copy)", []), ("Nurse", ["Nurse — Night nurse"])]
