"""POST /api/resumes/{id}/ai/apply: accepted changes become a new version, checked again."""

from __future__ import annotations

from typing import Any

import httpx

from tests.ai.apply.conftest import FIRST, FIRST_TEXT, REPHRASED, apply, change
from tests.helpers import Account, error_fields, if_match, sign_up

Nurse = tuple[Account, dict[str, Any]]


async def test_accepted_changes_make_a_new_version_and_undo_is_a_restore(
    client: httpx.AsyncClient, nurse: Nurse
) -> None:
    account, resume = nurse
    response = await apply(client, account, resume, [REPHRASED])
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["resume"]["version"], response.headers["etag"]) == (2, '"2"')
    assert body["resume"]["data"]["work"][0]["highlights"][0] == REPHRASED["new"]
    assert body["applied"] == [REPHRASED]
    assert body["dropped"] == []
    history = await client.get(f"/api/resumes/{resume['id']}/versions", headers=account.headers)
    assert [v["version"] for v in history.json()["items"]] == [2, 1]
    undone = await client.post(
        f"/api/resumes/{resume['id']}/versions/1/restore", headers=if_match(account, 2)
    )
    assert undone.json()["data"]["work"][0]["highlights"][0] == FIRST_TEXT


async def test_a_change_whose_original_changed_is_dropped_and_said_so(
    client: httpx.AsyncClient, nurse: Nurse
) -> None:
    account, resume = nurse
    stale = change("basics.summary", "A summary written before the last edit.", "Calm ICU nurse.")
    response = await apply(client, account, resume, [REPHRASED, stale])
    assert response.status_code == 200, response.text
    assert response.json()["applied"] == [REPHRASED]
    assert response.json()["dropped"] == [{"change": stale, "reason": "changed"}]
    summary = response.json()["resume"]["data"]["basics"]["summary"]
    assert summary == resume["data"]["basics"]["summary"]


async def test_nothing_applies_when_every_change_is_stale(
    client: httpx.AsyncClient, nurse: Nurse
) -> None:
    account, resume = nurse
    stale = change(FIRST, "Text that is no longer there", "Anything")
    response = await apply(client, account, resume, [stale])
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "nothing_to_apply"
    assert error_fields(response) == ["changes[0]"]
    again = await client.get(f"/api/resumes/{resume['id']}", headers=account.headers)
    assert again.json()["version"] == 1


async def test_a_fact_the_resume_does_not_state_needs_the_persons_yes(
    client: httpx.AsyncClient, nurse: Nurse
) -> None:
    account, resume = nurse
    invented = change(FIRST, FIRST_TEXT, f"{FIRST_TEXT}, cutting infections by 40%")
    calm = change(
        "basics.summary", resume["data"]["basics"]["summary"], "Calm intensive care nurse."
    )
    refused = await apply(client, account, resume, [calm, invented])
    assert refused.status_code == 422, refused.text
    assert error_fields(refused) == ["changes[1].new"]
    assert "40" in refused.json()["error"]["fields"][0]["message"]
    unchanged = await client.get(f"/api/resumes/{resume['id']}", headers=account.headers)
    assert unchanged.json()["version"] == 1
    confirmed = await apply(client, account, resume, [invented | {"confirmed": True}])
    assert confirmed.status_code == 200, confirmed.text
    assert confirmed.json()["resume"]["data"]["work"][0]["highlights"][0] == invented["new"]


async def test_the_client_cannot_skip_the_guard_by_confirming_facts_of_another_field(
    client: httpx.AsyncClient, nurse: Nurse
) -> None:
    account, resume = nurse
    invented = change(FIRST, FIRST_TEXT, "Led a team of 30 nurses at Mayo Clinic")
    other = change("basics.summary", resume["data"]["basics"]["summary"], "Calm ICU nurse.")
    response = await apply(client, account, resume, [invented, other | {"confirmed": True}])
    assert response.status_code == 422
    assert set(error_fields(response)) == {"changes[0].new"}


async def test_contact_details_and_other_facts_are_refused_even_when_confirmed(
    client: httpx.AsyncClient, nurse: Nurse
) -> None:
    account, resume = nurse
    email = change("basics.email", "ada@example.com", "someone@else.example", confirmed=True)
    employer = change("work[0].name", "St Mary's Hospital", "Mayo Clinic", confirmed=True)
    response = await apply(client, account, resume, [email, employer])
    assert response.status_code == 422
    assert error_fields(response) == ["changes[0].path", "changes[1].path"]


async def test_one_change_per_field(client: httpx.AsyncClient, nurse: Nurse) -> None:
    account, resume = nurse
    twice = [REPHRASED, change(FIRST, FIRST_TEXT, "Cared for 4 patients per shift")]
    response = await apply(client, account, resume, twice)
    assert response.status_code == 422
    assert error_fields(response) == ["changes[1].path"]


async def test_if_match_is_required_and_must_be_current(
    client: httpx.AsyncClient, nurse: Nurse
) -> None:
    account, resume = nurse
    url = f"/api/resumes/{resume['id']}/ai/apply"
    missing = await client.post(url, json={"changes": [REPHRASED]}, headers=account.headers)
    assert missing.status_code == 428
    stale = await apply(client, account, resume, [REPHRASED], version=7)
    assert stale.status_code == 412


async def test_bad_bodies_name_their_field(client: httpx.AsyncClient, nurse: Nurse) -> None:
    account, resume = nurse
    empty = await apply(client, account, resume, [])
    assert error_fields(empty) == ["changes"]
    unknown = await apply(client, account, resume, [REPHRASED | {"owner": "me"}])
    assert error_fields(unknown) == ["changes[0].owner"]


async def test_another_users_resume_is_not_found_and_a_session_is_needed(
    client: httpx.AsyncClient, nurse: Nurse
) -> None:
    _, resume = nurse
    stranger = await sign_up(client)
    theirs = await apply(client, stranger, resume, [REPHRASED])
    assert theirs.status_code == 404
    client.cookies.clear()
    anonymous = await client.post(
        f"/api/resumes/{resume['id']}/ai/apply",
        json={"changes": [REPHRASED]},
        headers={"If-Match": '"1"'},
    )
    assert anonymous.status_code == 401
