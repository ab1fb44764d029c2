"""Server-sent events: progress, deltas, then the result or an error; leaving stops the model."""

from __future__ import annotations

import json

import httpx
from fastapi import FastAPI

from tests.ai.generation.conftest import Install, nurse_resume
from tests.ai.generation.events import leave_after_first_delta, parse_events
from tests.helpers import sign_up

EVENTS = {"Accept": "text/event-stream"}
REWRITE = {"path": "work[0].highlights[0]"}
ANSWER = json.dumps({"text": "Led a team of 12 nurses on night shifts"})


async def _stream(client: httpx.AsyncClient) -> httpx.Response:
    account = await sign_up(client)
    resume_id = await nurse_resume(client, account)
    url = f"/api/resumes/{resume_id}/ai/rewrite"
    return await client.post(url, json=REWRITE, headers=account.headers | EVENTS)


async def test_events_come_in_order_and_the_deltas_are_the_answer(
    client: httpx.AsyncClient, model: Install
) -> None:
    model(ANSWER)
    response = await _stream(client)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    events = parse_events(response.text)
    names = [name for name, _ in events]
    assert names[0] == "progress"
    assert events[0][1]["stage"] == "writing"
    assert "a scripted test model" in events[0][1]["message"]
    deltas = names[1 : names.index("progress", 1)]
    assert deltas
    assert set(deltas) == {"delta"}
    assert "".join(data["text"] for name, data in events if name == "delta") == ANSWER
    assert names[-2:] == ["progress", "result"]
    assert events[-1][1]["changes"][0]["new"] == "Led a team of 12 nurses on night shifts"


async def test_a_failure_after_the_stream_began_is_an_error_event(
    client: httpx.AsyncClient, model: Install
) -> None:
    model("not json", "not json either")
    response = await _stream(client)
    name, data = parse_events(response.text)[-1]
    assert (name, data["error"]["code"]) == ("error", "ai_bad_answer")


async def test_refusals_before_the_stream_keep_their_status(
    client: httpx.AsyncClient, model: Install
) -> None:
    model(ANSWER, daily=10)
    response = await _stream(client)
    assert response.status_code == 429
    assert response.json()["error"]["code"] == "ai_budget_spent"


async def test_leaving_stops_the_model_and_counts_what_it_wrote(
    app: FastAPI, client: httpx.AsyncClient, model: Install
) -> None:
    long = json.dumps({"text": "Led a team of 12 nurses " * 40})
    scripted = model(long, chunk=4, pause=0.02)
    account = await sign_up(client)
    resume_id = await nurse_resume(client, account)
    path = f"/api/resumes/{resume_id}/ai/rewrite"
    chunks = await leave_after_first_delta(app, path, REWRITE, account)
    assert b"event: delta" in b"".join(chunks)
    assert b"event: result" not in b"".join(chunks)
    assert scripted.stopped_early
    assert scripted.streamed < 10 < len(long) // 4
    status = (await client.get("/api/ai/status", headers=account.headers)).json()
    # What was sent and the few pieces written, not the output limit reserved.
    assert 0 < status["budget"]["usedToday"] < 400
