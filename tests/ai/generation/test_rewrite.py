"""Rewrite: the model gives only new text; the original comes from the saved resume."""

from __future__ import annotations

import json

import httpx

from tests.ai.generation.conftest import PRIVATE, Install, nurse_resume
from tests.helpers import sign_up

BULLET = "work[0].highlights[0]"


def said(text: str) -> str:
    return json.dumps({"text": text})


async def _rewrite(client: httpx.AsyncClient, body: dict[str, str]) -> httpx.Response:
    account = await sign_up(client)
    resume_id = await nurse_resume(client, account)
    url = f"/api/resumes/{resume_id}/ai/rewrite"
    return await client.post(url, json=body, headers=account.headers)


async def test_a_rewrite_is_a_change_whose_original_is_the_saved_text(
    client: httpx.AsyncClient, model: Install
) -> None:
    model(said("Led a team of 12 nurses on night shifts"))
    response = await _rewrite(client, {"path": BULLET, "style": "stronger"})
    assert response.status_code == 200, response.text
    assert response.json() == {
        "changes": [
            {
                "path": BULLET,
                "original": "Responsible for a team of 12 nurses on night shifts",
                "new": "Led a team of 12 nurses on night shifts",
            }
        ],
        "flags": [],
    }


async def test_a_rewrite_equal_to_the_original_proposes_nothing(
    client: httpx.AsyncClient, model: Install
) -> None:
    model(said(" Responsible for a team of 12 nurses on night shifts "))
    response = await _rewrite(client, {"path": BULLET, "style": "grammar"})
    assert response.json() == {"changes": [], "flags": []}


async def test_the_prompt_holds_only_the_field_and_never_contact_details(
    client: httpx.AsyncClient, model: Install
) -> None:
    scripted = model(said("Led a team of 12 nurses"))
    await _rewrite(client, {"path": BULLET, "instruction": "mention the night shifts"})
    sent = "\n".join(message.content for message in scripted.prompts[0].messages)
    assert "Responsible for a team of 12 nurses" in sent
    assert "mention the night shifts" in sent
    for unneeded in (*PRIVATE, "St. Mary", "30%"):
        assert unneeded not in sent


async def test_an_invented_metric_is_flagged(client: httpx.AsyncClient, model: Install) -> None:
    model(said("Led a team of 12 nurses, raising patient satisfaction by 45%"))
    body = (await _rewrite(client, {"path": BULLET})).json()
    assert len(body["changes"]) == 1
    assert any(flag["blocking"] and "45" in flag["value"] for flag in body["flags"])


async def test_a_field_that_is_a_fact_cannot_be_rewritten(
    client: httpx.AsyncClient, model: Install
) -> None:
    scripted = model()
    for path in ("basics.email", "work[0].position", "work[0].highlights[9]", "skills[0].name"):
        response = await _rewrite(client, {"path": path})
        assert response.status_code == 422, path
        assert response.json()["error"]["fields"][0]["field"] == "path"
    assert scripted.prompts == []


async def test_an_unknown_style_or_a_long_instruction_is_refused(
    client: httpx.AsyncClient, model: Install
) -> None:
    model()
    styled = await _rewrite(client, {"path": BULLET, "style": "poetic"})
    assert styled.status_code == 422
    long = await _rewrite(client, {"path": BULLET, "instruction": "x" * 501})
    assert long.status_code == 422


async def test_an_answer_that_never_fits_is_502_and_still_counted(
    client: httpx.AsyncClient, model: Install
) -> None:
    model("no json here", "still none", daily=100_000)
    account = await sign_up(client)
    resume_id = await nurse_resume(client, account)
    url = f"/api/resumes/{resume_id}/ai/rewrite"
    response = await client.post(url, json={"path": BULLET}, headers=account.headers)
    assert response.status_code == 502
    assert response.json()["error"]["code"] == "ai_bad_answer"
    status = (await client.get("/api/ai/status", headers=account.headers)).json()
    assert 0 < status["budget"]["usedToday"] < 1000
