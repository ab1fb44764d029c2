"""POST /api/resumes/{id}/ai/match: the explained score, its limits and its owner."""

from __future__ import annotations

import threading
from typing import Any

import httpx
import pytest

from resumate.ai.match import scoring
from resumate.ai.match.jobs import MAX_JOB_CHARS
from tests.ai.match.samples import NURSE, NURSE_JOB
from tests.helpers import create_resume, error_fields, sign_up


async def nurse_resume(client: httpx.AsyncClient) -> tuple[dict[str, str], str]:
    account = await sign_up(client)
    resume = await create_resume(client, account, title="Nurse", data=NURSE)
    return account.headers, f"/api/resumes/{resume['id']}/ai/match"


async def test_a_pasted_job_gets_an_explained_score(client: httpx.AsyncClient) -> None:
    headers, url = await nurse_resume(client)
    response = await client.post(url, json={"job": NURSE_JOB}, headers=headers)
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"score", "parts", "matched", "missing", "evidence", "language", "semantic"}
    assert body["language"] == "en"
    assert body["matched"][0] == {
        "term": "patient care",
        "kind": "skill",
        "paths": ["work[0].highlights[0]"],
    }
    assert {"term": "ACLS", "kind": "skill", "required": False} in body["missing"]
    assert body["evidence"][1]["path"] == "work[0].highlights[0]"
    assert set(body["parts"][0]) == {"name", "label", "score", "weight", "detail"}


async def test_a_json_resume_job_document_is_accepted(client: httpx.AsyncClient) -> None:
    headers, url = await nurse_resume(client)
    job = {"title": "Nurse", "skills": [{"name": "Triage", "level": "Senior"}], "remote": "Full"}
    response = await client.post(url, json={"job": job}, headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["matched"][0]["term"] == "triage"


async def test_a_job_too_long_is_refused_naming_the_job(client: httpx.AsyncClient) -> None:
    headers, url = await nurse_resume(client)
    response = await client.post(url, json={"job": "x" * (MAX_JOB_CHARS + 1)}, headers=headers)
    assert response.status_code == 422
    assert error_fields(response) == ["job"]


async def test_a_job_document_of_the_wrong_shape_is_refused_naming_the_job(
    client: httpx.AsyncClient,
) -> None:
    headers, url = await nurse_resume(client)
    for job in ({"skills": "Triage"}, ["Triage"], {"qualifications": ["x" * 20_001]}):
        response = await client.post(url, json={"job": job}, headers=headers)
        assert response.status_code == 422, job
        assert error_fields(response) == ["job"]


async def test_another_users_resume_is_not_found(client: httpx.AsyncClient) -> None:
    _, url = await nurse_resume(client)
    intruder = await sign_up(client)
    response = await client.post(url, json={"job": NURSE_JOB}, headers=intruder.headers)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_without_a_session_it_is_unauthorized(client: httpx.AsyncClient) -> None:
    _, url = await nurse_resume(client)
    client.cookies.clear()  # signing up left the session's cookies
    response = await client.post(url, json={"job": NURSE_JOB})
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"


async def test_the_matching_runs_off_the_event_loop(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[int] = []
    match = scoring.match

    def recorded(*args: Any, **kwargs: Any) -> scoring.MatchResult:
        threads.append(threading.get_ident())
        return match(*args, **kwargs)

    monkeypatch.setattr(scoring, "match", recorded)
    headers, url = await nurse_resume(client)
    response = await client.post(url, json={"job": NURSE_JOB}, headers=headers)
    assert response.status_code == 200
    assert threads
    assert threading.get_ident() not in threads
