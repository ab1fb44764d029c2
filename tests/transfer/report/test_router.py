"""GET /api/resumes/{id}/ats-report: the resume's PDF read back by a parser, field by field."""

from __future__ import annotations

import copy
import uuid
from typing import Any

import httpx
import pytest

from resumate.document.sample import sample_resume
from resumate.transfer.reading.worker import ReadingWorker
from tests.helpers import Account, create_resume, if_match, sign_up


async def template_id(client: httpx.AsyncClient, account: Account, slug: str) -> str:
    templates = (await client.get("/api/templates", headers=account.headers)).json()
    return str(next(t["id"] for t in templates if t["slug"] == slug))


async def report(client: httpx.AsyncClient, account: Account, resume_id: str) -> dict[str, Any]:
    response = await client.get(f"/api/resumes/{resume_id}/ats-report", headers=account.headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_a_resume_on_a_one_column_template_reads_back_whole(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    classic = await template_id(client, account, "classic")
    resume = await create_resume(client, account, data=sample_resume(), templateId=classic)
    found = await report(client, account, resume["id"])
    assert (found["score"], found["found"], found["findings"]) == (100, found["total"], [])
    assert found["total"] > 50
    assert {field["status"] for field in found["fields"]} == {"found"}
    assert found["text"][:2] == ["Maya Okafor", "Senior Product Designer"]
    assert found["pages"] == 1


async def test_what_a_template_loses_is_named_with_what_to_change(
    client: httpx.AsyncClient,
) -> None:
    # Executive prints the employer above the title: a title with no title word in it reads
    # as the employer, as a parser expecting the title first would take it.
    account = await sign_up(client)
    executive = await template_id(client, account, "executive")
    data = copy.deepcopy(sample_resume())
    data["work"][1]["position"] = "Growth hacker"
    resume = await create_resume(client, account, data=data, templateId=executive)
    found = await report(client, account, resume["id"])
    assert 90 <= found["score"] < 100
    misread = [f for f in found["fields"] if f["status"] != "found"]
    assert misread == [
        {
            "path": "work[1].name",
            "status": "changed",
            "value": "Ledgerline",
            "read": "Growth hacker",
        },
        {
            "path": "work[1].position",
            "status": "changed",
            "value": "Growth hacker",
            "read": "Ledgerline",
        },
    ]
    (finding,) = found["findings"]
    assert finding["code"] == "fields"
    assert "2 fields did not read back as written" in finding["message"]
    assert "another template" in finding["fix"]


async def test_columns_side_by_side_are_a_finding(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    sidebar = await template_id(client, account, "sidebar")
    resume = await create_resume(client, account, data=sample_resume(), templateId=sidebar)
    found = await report(client, account, resume["id"])
    assert [finding["code"] for finding in found["findings"]] == ["columns"]
    assert "one-column template" in found["findings"][0]["fix"]


async def test_an_unchanged_resume_is_not_read_again_and_an_edit_is(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads = 0
    original = ReadingWorker.read

    async def counted(self: ReadingWorker, data: bytes) -> Any:
        nonlocal reads
        reads += 1
        return await original(self, data)

    monkeypatch.setattr(ReadingWorker, "read", counted)
    account = await sign_up(client)
    # Reports are kept by what the PDF is printed from: this resume's is its own.
    data = copy.deepcopy(sample_resume())
    data["basics"]["label"] = f"Designer {uuid.uuid4().hex[:6]}"
    resume = await create_resume(client, account, data=data)
    first = await report(client, account, resume["id"])
    assert await report(client, account, resume["id"]) == first
    assert reads == 1
    data["basics"]["label"] = "Design lead"
    body = {"data": data}
    edited = await client.patch(
        f"/api/resumes/{resume['id']}", json=body, headers=if_match(account, resume["version"])
    )
    assert edited.status_code == 200, edited.text
    again = await report(client, account, resume["id"])
    assert reads == 2
    label = next(f for f in again["fields"] if f["path"] == "basics.label")
    assert label["status"] == "found"
    assert label["value"] == "Design lead"


async def test_a_signed_out_caller_gets_nothing(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account)
    client.cookies.clear()
    response = await client.get(f"/api/resumes/{resume['id']}/ats-report")
    assert response.status_code == 401
