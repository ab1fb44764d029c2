"""Cover letters come back as text with flags; suggested bullets are added at the entry's end."""

from __future__ import annotations

import json

import httpx

from tests.ai.generation.conftest import PRIVATE, Install, nurse_resume
from tests.helpers import sign_up


async def _post(client: httpx.AsyncClient, route: str, body: dict[str, object]) -> httpx.Response:
    account = await sign_up(client)
    resume_id = await nurse_resume(client, account)
    url = f"/api/resumes/{resume_id}/ai/{route}"
    return await client.post(url, json=body, headers=account.headers)


async def test_a_cover_letter_is_text_and_the_guards_flags(
    client: httpx.AsyncClient, model: Install
) -> None:
    letter = "Dear hiring team,\n\nI led 12 nurses and hold a CISSP certificate.\n\nKind regards"
    scripted = model(json.dumps({"text": letter}))
    response = await _post(client, "cover-letter", {"job": "Charge nurse, nights."})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["text"] == letter
    assert any(flag["blocking"] and "CISSP" in flag["value"] for flag in body["flags"])
    sent = scripted.prompts[0].messages[-1].content
    assert "Charge Nurse" in sent
    for private in PRIVATE:
        assert private not in sent


async def test_suggested_bullets_are_additions_at_the_end_of_the_entry(
    client: httpx.AsyncClient, model: Install
) -> None:
    bullets = [
        "Trained 4 new nurses in triage",
        "Cut medication errors by 30% with a double-check routine",
    ]
    scripted = model(json.dumps({"bullets": bullets}))
    body = {"section": "work", "entry": 0, "description": "I trained 4 new nurses in triage."}
    response = await _post(client, "suggest", body)
    assert response.status_code == 200, response.text
    assert response.json() == {
        "changes": [
            {
                "path": "work[0].highlights[2]",
                "original": "",
                "new": "Trained 4 new nurses in triage",
            }
        ],
        "flags": [],
    }
    assert "I trained 4 new nurses" in scripted.prompts[0].messages[-1].content


async def test_a_suggestion_for_a_missing_entry_names_the_entry(
    client: httpx.AsyncClient, model: Install
) -> None:
    model()
    body = {"section": "volunteer", "entry": 0, "description": "Ran a food bank."}
    response = await _post(client, "suggest", body)
    assert response.status_code == 422
    assert response.json()["error"]["fields"][0]["field"] == "entry"


async def test_an_entry_must_be_a_number_not_a_boolean(
    client: httpx.AsyncClient, model: Install
) -> None:
    model()
    body = {"section": "work", "entry": False, "description": "Ran the ward."}
    response = await _post(client, "suggest", body)
    assert response.status_code == 422
    assert response.json()["error"]["fields"][0]["field"] == "entry"
