"""Tailoring into a variant: a new resume linked to its master and the job; the master stays."""

from __future__ import annotations

from typing import Any

import httpx

from tests.ai.apply.conftest import FIRST, FIRST_TEXT, REPHRASED, apply, change
from tests.helpers import Account, sign_up

Nurse = tuple[Account, dict[str, Any]]
POSTING = "Registered Nurse, ICU\nWe are looking for a calm nurse for nights.\n"


async def test_a_variant_is_a_new_resume_linked_to_its_master_and_the_job(
    client: httpx.AsyncClient, nurse: Nurse
) -> None:
    account, master = nurse
    response = await apply(client, account, master, [REPHRASED], variant={"job": POSTING})
    assert response.status_code == 201, response.text
    variant = response.json()["resume"]
    assert response.headers["location"] == f"/api/resumes/{variant['id']}"
    assert variant["id"] != master["id"]
    assert variant["version"] == 1
    assert variant["title"] == "Nurse — Registered Nurse, ICU"
    assert variant["masterId"] == master["id"]
    assert variant["job"] == {
        "title": "Registered Nurse, ICU",
        "company": None,
        "description": POSTING.strip(),
    }
    assert (variant["templateId"], variant["theme"]) == (master["templateId"], master["theme"])
    assert variant["data"]["work"][0]["highlights"][0] == REPHRASED["new"]
    left = await client.get(f"/api/resumes/{master['id']}", headers=account.headers)
    assert left.json()["version"] == 1
    assert left.json()["data"]["work"][0]["highlights"][0] == FIRST_TEXT
    assert (left.json()["masterId"], left.json()["job"]) == (None, None)


async def test_a_json_resume_job_and_a_title_of_ones_own(
    client: httpx.AsyncClient, nurse: Nurse
) -> None:
    account, master = nurse
    job = {"title": "Charge Nurse", "company": "City Clinic", "description": "Lead a ward.",
           "responsibilities": ["Plan shifts"], "salary": "ignored"}  # fmt: skip
    variant = {"title": "For City Clinic", "job": job}
    response = await apply(client, account, master, [REPHRASED], variant=variant)
    assert response.status_code == 201, response.text
    made = response.json()["resume"]
    assert made["title"] == "For City Clinic"
    expected = {
        "title": "Charge Nurse",
        "company": "City Clinic",
        "description": "Lead a ward.\nPlan shifts",
    }
    assert made["job"] == expected


async def test_a_variant_states_its_masters_facts_and_its_own(
    client: httpx.AsyncClient, nurse: Nurse
) -> None:
    account, master = nurse
    # The person confirmed a figure for the variant only; the master does not state it.
    figure = change(
        FIRST, FIRST_TEXT, "Cared for up to 4 intensive care patients, 40% of them post-op"
    )
    made = await apply(client, account, master, [figure | {"confirmed": True}], variant={})
    variant = made.json()["resume"]
    second = "work[0].highlights[1]"
    trained = variant["data"]["work"][0]["highlights"][1]
    restated = change(second, trained, "Trained 12 new nurses; 40% of my patients were post-op")
    own_fact = await apply(client, account, variant, [restated])
    assert own_fact.status_code == 200, own_fact.text
    # And the master's own figure ("12") stays a fact for the variant after it was removed there.
    gone = own_fact.json()["resume"]
    removed = change(second, restated["new"], "Taught new nurses on ventilator checks")
    dropped = await apply(client, account, gone, [removed])
    assert dropped.status_code == 200
    back = change(second, removed["new"], "Trained 12 new nurses on ventilator checks")
    assert (await apply(client, account, dropped.json()["resume"], [back])).status_code == 200


async def test_copies_of_a_variant_stay_variants_and_the_export_names_master_and_job(
    client: httpx.AsyncClient, nurse: Nurse
) -> None:
    account, master = nurse
    made = await apply(client, account, master, [REPHRASED], variant={"job": POSTING})
    variant = made.json()["resume"]
    copy = await client.post(f"/api/resumes/{variant['id']}/duplicate", headers=account.headers)
    assert (copy.json()["masterId"], copy.json()["job"]) == (master["id"], variant["job"])
    export = await client.get("/api/account/export", headers=account.headers)
    by_id = {r["id"]: r for r in export.json()["resumes"]}
    assert by_id[variant["id"]]["masterId"] == master["id"]
    assert by_id[variant["id"]]["job"]["title"] == "Registered Nurse, ICU"


async def test_a_variant_outlives_its_master(client: httpx.AsyncClient, nurse: Nurse) -> None:
    account, master = nurse
    made = await apply(client, account, master, [REPHRASED], variant={"job": POSTING})
    variant_id = made.json()["resume"]["id"]
    await client.delete(f"/api/resumes/{master['id']}", headers=account.headers)
    purged = await client.delete(f"/api/resumes/trash/{master['id']}", headers=account.headers)
    assert purged.status_code == 204
    left = await client.get(f"/api/resumes/{variant_id}", headers=account.headers)
    assert left.status_code == 200
    assert (left.json()["masterId"], left.json()["job"]["title"]) == (None, "Registered Nurse, ICU")


async def test_someone_elses_resume_cannot_be_made_into_a_variant(
    client: httpx.AsyncClient, nurse: Nurse
) -> None:
    _, master = nurse
    stranger = await sign_up(client)
    response = await apply(client, stranger, master, [REPHRASED], variant={"job": POSTING})
    assert response.status_code == 404
    mine = await client.get("/api/resumes", headers=stranger.headers)
    assert mine.json()["total"] == 0
