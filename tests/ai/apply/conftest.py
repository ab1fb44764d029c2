"""A nurse's resume to accept proposals on."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.helpers import Account, create_resume, if_match, sign_up

NURSE: dict[str, Any] = {
    "basics": {
        "name": "Ada Example",
        "email": "ada@example.com",
        "summary": "Intensive care nurse who keeps patients and families calm.",
    },
    "work": [
        {
            "name": "St Mary's Hospital",
            "position": "Staff Nurse",
            "startDate": "2019-03",
            "highlights": [
                "Cared for up to 4 intensive care patients per shift",
                "Trained 12 new nurses on ventilator checks",
            ],
        }
    ],
    "skills": [{"name": "Patient care", "keywords": ["Triage", "Ventilators"]}],
}


def change(path: str, original: str, new: str, **more: Any) -> dict[str, Any]:
    return {"path": path, "original": original, "new": new, **more}


FIRST = "work[0].highlights[0]"
FIRST_TEXT = NURSE["work"][0]["highlights"][0]
# Says the same with no new fact: the guard lets it through.
REPHRASED = change(FIRST, FIRST_TEXT, "Looked after up to 4 intensive care patients each shift")


@pytest.fixture
async def nurse(client: httpx.AsyncClient) -> tuple[Account, dict[str, Any]]:
    account = await sign_up(client)
    resume = await create_resume(client, account, title="Nurse", data=NURSE)
    return account, resume


async def apply(
    client: httpx.AsyncClient,
    account: Account,
    resume: dict[str, Any],
    changes: list[dict[str, Any]],
    *,
    version: int | None = None,
    **body: Any,
) -> httpx.Response:
    return await client.post(
        f"/api/resumes/{resume['id']}/ai/apply",
        json={"changes": changes, **body},
        headers=if_match(account, version or resume["version"]),
    )
