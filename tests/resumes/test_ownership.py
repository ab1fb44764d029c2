"""Every /api/resumes route hides other users' resumes (404, never 403) and needs a session."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from resumate.ai.generation.deps import current_provider
from tests.ai.scripted import Answering
from tests.helpers import Account, create_resume, if_match, sign_up
from tests.resumes.photo.images import small_png

TEMPLATE = "<the resume's template>"
# Something for writing help to work on: a summary and one job with a bullet.
DATA = {
    "basics": {"name": "Ada", "summary": "Designer of calm interfaces."},
    "work": [{"name": "Acme", "position": "Designer", "highlights": ["Drew the icons"]}],
}
JOB = "Product designer. Figma and user research."


@pytest.fixture(autouse=True)
def writing_help_on(app: FastAPI) -> Any:
    """Generation on, answered by a scripted model, so its routes reach the ownership check."""
    app.dependency_overrides[current_provider] = lambda: Answering()
    yield
    app.dependency_overrides.pop(current_provider, None)


@dataclass(frozen=True)
class Call:
    method: str
    path: str
    json: dict[str, Any] | None = None
    # Which of the owner's resumes {resume_id} names: routes on the trash need a trashed one.
    trashed: bool = False
    expect: int = 200
    upload: bool = False  # sends a photo as the multipart field `file` instead of JSON

    def request(self, resume: dict[str, Any]) -> tuple[str, str, dict[str, Any] | None]:
        path = self.path.format(
            resume_id=resume["id"],
            number=1,
            share_id=resume.get("share_id", uuid.uuid4()),
            record_id=resume.get("record_id", uuid.uuid4()),
            upload_id="not-an-upload",
        )
        body = self.json and {
            k: resume["templateId"] if v == TEMPLATE else v for k, v in self.json.items()
        }
        return self.method, path, body


SCOPED = [
    Call("GET", "/api/resumes/{resume_id}"),
    Call(
        "PUT", "/api/resumes/{resume_id}", {"title": "Stolen", "templateId": TEMPLATE, "data": {}}
    ),
    Call("PATCH", "/api/resumes/{resume_id}", {"title": "Stolen"}),
    Call("DELETE", "/api/resumes/{resume_id}", expect=204),
    Call("POST", "/api/resumes/{resume_id}/restore", trashed=True),
    Call("POST", "/api/resumes/{resume_id}/duplicate", expect=201),
    Call("DELETE", "/api/resumes/trash/{resume_id}", trashed=True, expect=204),
    Call("GET", "/api/resumes/{resume_id}/versions"),
    Call("GET", "/api/resumes/{resume_id}/versions/bursts"),
    Call("GET", "/api/resumes/{resume_id}/versions/{number}"),
    Call("PATCH", "/api/resumes/{resume_id}/versions/{number}", {"name": "Sent to Acme"}),
    Call("GET", "/api/resumes/{resume_id}/versions/{number}/diff"),
    Call("POST", "/api/resumes/{resume_id}/versions/{number}/restore"),
    Call("GET", "/api/resumes/{resume_id}/export"),
    Call("POST", "/api/resumes/{resume_id}/generate-pdf"),
    Call("GET", "/api/resumes/{resume_id}/pdf", expect=307),
    Call("GET", "/api/resumes/{resume_id}/preview"),
    Call("POST", "/api/resumes/{resume_id}/preview", {"data": {"basics": {"name": "Draft"}}}),
    Call("POST", "/api/resumes/{resume_id}/cover-letter.pdf", {"text": "Dear team,\n\nHello."}),
    Call("POST", "/api/resumes/{resume_id}/fit", {"pages": 1}),
    Call("GET", "/api/resumes/{resume_id}/ats-report"),
    Call("PUT", "/api/resumes/{resume_id}/photo", upload=True),
    # Without `?v=`, the owner's call is refused for the missing digest; anyone else's is not
    # found before that (test_router.py in tests/resumes/photo fetches a real one).
    Call("GET", "/api/resumes/{resume_id}/photo", expect=422),
    Call("DELETE", "/api/resumes/{resume_id}/photo", expect=204),
    Call("POST", "/api/resumes/{resume_id}/ai/match", {"job": "Nurse. Wound care and triage."}),
    Call("POST", "/api/resumes/{resume_id}/ai/check", {}),
    Call("POST", "/api/resumes/{resume_id}/ai/rewrite", {"path": "work[0].highlights[0]"}),
    Call("POST", "/api/resumes/{resume_id}/ai/tailor", {"job": JOB}),
    Call("POST", "/api/resumes/{resume_id}/ai/cover-letter", {"job": JOB}),
    Call(
        "POST",
        "/api/resumes/{resume_id}/ai/suggest",
        {"section": "work", "entry": 0, "description": "I drew icons and ran user interviews."},
    ),
    Call("POST", "/api/resumes/{resume_id}/shares", {"label": "Acme"}, expect=201),
    Call("GET", "/api/resumes/{resume_id}/shares"),
    Call("DELETE", "/api/resumes/{resume_id}/shares/{share_id}", expect=204),
    Call("POST", "/api/resumes/{resume_id}/sent", {"application": "Acme"}, expect=201),
    Call("GET", "/api/resumes/{resume_id}/sent"),
    Call("GET", "/api/resumes/{resume_id}/sent/{record_id}"),
    Call("GET", "/api/resumes/{resume_id}/sent/{record_id}/pdf"),
    Call(
        "POST",
        "/api/resumes/{resume_id}/ai/apply",
        {
            "changes": [
                {
                    "path": "basics.summary",
                    "original": "Designer of calm interfaces.",
                    "new": "Designer of calm, clear interfaces.",
                }
            ]
        },
    ),
]
# Routes that name no resume act only on the caller's own: see the tests at the end.
UNSCOPED = [
    Call("GET", "/api/resumes"),
    Call("POST", "/api/resumes", {"title": "Mine"}, expect=201),
    Call("GET", "/api/resumes/trash"),
    Call("DELETE", "/api/resumes/trash", expect=204),
    Call("POST", "/api/resumes/import", {"basics": {"name": "Bo"}}, expect=201),
    Call("POST", "/api/resumes/import/tidy", {"basics": {"name": "Bo"}}),
    # This app has no uploads bucket, so these answer 404 to everyone (they say where files
    # go instead); with a bucket, tests/transfer/direct/ covers them, another person included.
    Call("POST", "/api/resumes/import/uploads", {}, expect=404),
    Call("POST", "/api/resumes/import/uploads/{upload_id}", expect=404),
]
ALL = [*SCOPED, *UNSCOPED]


def ids(calls: list[Call]) -> list[str]:
    return [f"{call.method} {call.path}" for call in calls]


async def with_links(
    client: httpx.AsyncClient, call: Call, owner: Account, resume: dict[str, Any]
) -> dict[str, Any]:
    """The resume, with a share link and its record of what was sent when the call names one."""
    if "{share_id}" not in call.path and "{record_id}" not in call.path:
        return resume
    base = f"/api/resumes/{resume['id']}"
    made = await client.post(f"{base}/shares", json={"label": "Acme"}, headers=owner.headers)
    sent = (await client.get(f"{base}/sent", headers=owner.headers)).json()["items"]
    return resume | {"share_id": made.json()["id"], "record_id": sent[0]["id"]}


async def send(
    client: httpx.AsyncClient, call: Call, resume: dict[str, Any], headers: dict[str, str]
) -> httpx.Response:
    method, path, body = call.request(resume)
    if call.upload:
        files = {"file": ("me.png", small_png(), "image/png")}
        return await client.request(method, path, files=files, headers=headers)
    return await client.request(method, path, json=body, headers=headers)


async def owner_with_resumes(
    client: httpx.AsyncClient,
) -> tuple[Account, dict[str, Any], dict[str, Any]]:
    """An account with one resume in use and one in the trash."""
    owner = await sign_up(client)
    active = await create_resume(client, owner, title="Active", data=DATA)
    trashed = await create_resume(client, owner, title="Trashed", data=DATA)
    deleted = await client.delete(f"/api/resumes/{trashed['id']}", headers=owner.headers)
    assert deleted.status_code == 204
    return owner, active, trashed


async def snapshot(client: httpx.AsyncClient, owner: Account, resume_id: str) -> list[Any]:
    paths = [f"/api/resumes/{resume_id}", f"/api/resumes/{resume_id}/versions", "/api/resumes"]
    paths += ["/api/resumes/trash", f"/api/resumes/{resume_id}/shares"]
    paths.append(f"/api/resumes/{resume_id}/sent")
    return [(await client.get(path, headers=owner.headers)).json() for path in paths]


def test_the_tables_cover_every_resume_route(app: FastAPI) -> None:
    routes = {
        (method.upper(), path)
        for path, operations in app.openapi()["paths"].items()
        if path.startswith("/api/resumes")
        for method in operations
    }
    assert routes == {(call.method, call.path) for call in ALL}


# Proves the calls are well-formed, so a 404 below comes from the ownership check alone.
@pytest.mark.parametrize("call", ALL, ids=ids(ALL))
async def test_each_call_works_for_the_owner(client: httpx.AsyncClient, call: Call) -> None:
    owner, active, trashed = await owner_with_resumes(client)
    target = await with_links(client, call, owner, trashed if call.trashed else active)
    response = await send(client, call, target, if_match(owner, 1))
    assert response.status_code == call.expect, response.text


@pytest.mark.parametrize("call", SCOPED, ids=ids(SCOPED))
async def test_another_users_resume_is_not_found_and_left_alone(
    client: httpx.AsyncClient, call: Call
) -> None:
    owner, active, trashed = await owner_with_resumes(client)
    target = await with_links(client, call, owner, trashed if call.trashed else active)
    before = await snapshot(client, owner, active["id"])
    intruder = await sign_up(client)

    response = await send(client, call, target, if_match(intruder, 1))

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert set(response.json()["error"]) == {"code", "message"}
    assert await snapshot(client, owner, active["id"]) == before


@pytest.mark.parametrize("call", ALL, ids=ids(ALL))
async def test_each_route_needs_a_session(client: httpx.AsyncClient, call: Call) -> None:
    resume = {"id": str(uuid.uuid4()), "templateId": str(uuid.uuid4())}
    response = await send(client, call, resume, {"If-Match": '"1"'})
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"
    assert response.headers["WWW-Authenticate"] == "Bearer"


async def test_lists_show_only_the_callers_resumes(client: httpx.AsyncClient) -> None:
    await owner_with_resumes(client)
    other = await sign_up(client)
    own = await create_resume(client, other)
    for path in ("/api/resumes", "/api/resumes/trash"):
        page = (await client.get(path, headers=other.headers)).json()
        expected = [own["id"]] if path == "/api/resumes" else []
        assert [item["id"] for item in page["items"]] == expected
        assert page["total"] == len(expected)


async def test_emptying_ones_trash_leaves_other_users_trash(client: httpx.AsyncClient) -> None:
    owner, _active, trashed = await owner_with_resumes(client)
    other = await sign_up(client)
    response = await client.delete("/api/resumes/trash", headers=other.headers)
    assert response.status_code == 204
    page = (await client.get("/api/resumes/trash", headers=owner.headers)).json()
    assert [item["id"] for item in page["items"]] == [trashed["id"]]


@pytest.mark.parametrize("path", ["/api/resumes", "/api/resumes/import"])
async def test_what_a_user_creates_is_theirs_alone(client: httpx.AsyncClient, path: str) -> None:
    owner, active, _trashed = await owner_with_resumes(client)
    other = await sign_up(client)
    created = await client.post(path, json={}, headers=other.headers)
    assert created.status_code == 201
    page = (await client.get("/api/resumes", headers=owner.headers)).json()
    assert [item["id"] for item in page["items"]] == [active["id"]]
    mine = await client.get(f"/api/resumes/{created.json()['id']}", headers=other.headers)
    assert mine.status_code == 200


@pytest.mark.parametrize("call", SCOPED, ids=ids(SCOPED))
async def test_a_session_that_ended_is_401_on_every_route_also_for_its_own_resumes(
    client: httpx.AsyncClient, call: Call
) -> None:
    owner, active, trashed = await owner_with_resumes(client)
    # The token still verifies; the session behind it ended (sign out everywhere).
    assert (await client.post("/api/auth/logout", headers=owner.headers)).status_code == 204
    response = await send(client, call, trashed if call.trashed else active, if_match(owner, 1))
    assert response.status_code == 401, response.text
    assert response.json()["error"]["code"] == "unauthorized"
