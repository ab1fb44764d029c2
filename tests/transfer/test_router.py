"""Import a JSON Resume document as a resume, and export it back unchanged."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx

from resumate.document.theme import default_theme
from tests.helpers import create_resume, error_fields, sign_up

SAMPLE = Path(__file__).resolve().parents[3] / "shared" / "jsonresume" / "sample.resume.json"


def sample() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(SAMPLE.read_text(encoding="utf-8"))
    return document


def designed(
    document: dict[str, Any], template: str = "classic", theme: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The document as exported: its own meta keys first, then the design."""
    design = {"template": template, "theme": theme or default_theme()}
    meta = document.get("meta", {}) | {"theme": template, "resumate": design}
    return document | {"meta": meta}


async def test_import_creates_a_resume_titled_by_name_and_label(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    response = await client.post("/api/resumes/import", json=sample(), headers=account.headers)
    assert response.status_code == 201
    created = response.json()
    assert created["title"] == "Richard Hendriks – Programmer"
    assert created["version"] == 1
    assert response.headers["Location"] == f"/api/resumes/{created['id']}"
    assert response.headers["ETag"] == '"1"'


async def test_export_returns_the_imported_document_exactly(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    created = await client.post("/api/resumes/import", json=sample(), headers=account.headers)
    assert created.json()["data"] == sample()
    response = await client.get(
        f"/api/resumes/{created.json()['id']}/export", headers=account.headers
    )
    assert response.status_code == 200
    # The document exactly, in the same key order, with only the design added to its meta.
    assert response.json() == designed(sample())
    assert json.dumps(response.json()) == json.dumps(designed(sample()))


async def test_export_is_a_json_file_download(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    created = await create_resume(client, account, title="Ada Lovelace / CV")
    response = await client.get(f"/api/resumes/{created['id']}/export", headers=account.headers)
    assert response.headers["Content-Type"] == "application/json"
    disposition = response.headers["Content-Disposition"]
    assert disposition == 'attachment; filename="Ada-Lovelace-CV.json"'


async def test_import_takes_the_title_and_template_from_the_query(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    templates = (await client.get("/api/templates", headers=account.headers)).json()
    template_id = templates[0]["id"]
    response = await client.post(
        "/api/resumes/import",
        params={"title": "For Hooli", "templateId": template_id},
        json=sample(),
        headers=account.headers,
    )
    assert response.status_code == 201
    assert (response.json()["title"], response.json()["templateId"]) == ("For Hooli", template_id)


async def test_import_without_a_name_is_titled_imported_resume(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    response = await client.post("/api/resumes/import", json={}, headers=account.headers)
    assert response.status_code == 201
    assert response.json()["title"] == "Imported resume"


async def test_import_with_an_unknown_template_is_422(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    response = await client.post(
        "/api/resumes/import",
        params={"templateId": "00000000-0000-4000-8000-000000000000"},
        json=sample(),
        headers=account.headers,
    )
    assert response.status_code == 422
    assert error_fields(response) == ["templateId"]


async def test_import_with_a_title_over_200_characters_is_422(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    response = await client.post(
        "/api/resumes/import", params={"title": "x" * 201}, json=sample(), headers=account.headers
    )
    assert response.status_code == 422
    assert error_fields(response) == ["title"]


async def test_import_of_an_invalid_date_repairs_it_and_says_so(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    document = sample()
    document["work"][0]["startDate"] = "2020-1"
    response = await client.post("/api/resumes/import", json=document, headers=account.headers)
    assert response.status_code == 201
    assert response.json()["data"]["work"][0]["startDate"] == "2020-01"
    assert response.json()["warnings"] == [
        {"path": "work[0].startDate", "value": "2020-1", "message": "Read as 2020-01."}
    ]


async def test_a_valid_import_has_no_warnings(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    response = await client.post("/api/resumes/import", json=sample(), headers=account.headers)
    assert response.json()["warnings"] == []


async def test_a_body_that_is_not_an_object_is_refused(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    response = await client.post("/api/resumes/import", json=[sample()], headers=account.headers)
    assert response.status_code == 422
    assert (await client.get("/api/resumes", headers=account.headers)).json()["total"] == 0


async def test_import_keeps_unknown_keys(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    document = sample()
    document["x-tool"] = {"exportedBy": "another app", "tags": [1, 2]}
    document["basics"]["pronouns"] = "he/him"
    document["work"][0]["team_size"] = 4
    created = await client.post("/api/resumes/import", json=document, headers=account.headers)
    assert created.status_code == 201
    exported = await client.get(
        f"/api/resumes/{created.json()['id']}/export", headers=account.headers
    )
    assert exported.json() == designed(document)


async def test_import_picks_the_template_named_in_meta_theme(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    templates = (await client.get("/api/templates", headers=account.headers)).json()
    classic = next(t["id"] for t in templates if t["slug"] == "classic")
    document = sample() | {"meta": {"theme": "Classic"}}
    created = await client.post("/api/resumes/import", json=document, headers=account.headers)
    assert created.status_code == 201
    assert created.json()["templateId"] == classic


async def test_import_answers_with_each_value_it_repaired_or_left_out(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    document = {
        "basics": {"name": "Jonas", "email": "N/A", "phone": 301234567},
        "work": ["Acme", {"name": "Zalando", "startDate": "März 2016", "endDate": "heute"}],
        "x-tool": {"kept": True},
    }
    response = await client.post("/api/resumes/import", json=document, headers=account.headers)
    assert response.status_code == 201
    warnings = [(w["path"], w["value"], w["message"]) for w in response.json()["warnings"]]
    assert warnings == [
        ("basics.email", "N/A", "Left out: a placeholder, not an e-mail address."),
        ("basics.phone", "301234567", "Read the number as text."),
        ("work[0]", "Acme", "Left out: this must be an object { … }."),
        ("work[1].startDate", "März 2016", "Read as 2016-03."),
        ("work[1].endDate", "heute", "Read as ongoing: no end date."),
    ]
    assert response.json()["data"] == {
        "basics": {"name": "Jonas", "phone": "301234567"},
        "work": [{"name": "Zalando", "startDate": "2016-03"}],
        "x-tool": {"kept": True},
    }


async def test_a_save_stays_strict_about_what_an_import_repairs(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    created = await create_resume(client, account)
    change = {"data": {"work": [{"name": "Zalando", "endDate": "heute"}]}}
    headers = {**account.headers, "If-Match": '"1"'}
    response = await client.patch(f"/api/resumes/{created['id']}", json=change, headers=headers)
    assert response.status_code == 422
    assert error_fields(response) == ["data.work[0].endDate"]


async def test_the_warnings_are_documented(client: httpx.AsyncClient) -> None:
    document = (await client.get("/api/openapi.json")).json()
    answer = document["paths"]["/api/resumes/import"]["post"]["responses"]["201"]
    ref = answer["content"]["application/json"]["schema"]["$ref"]
    schema = document["components"]["schemas"][ref.rsplit("/", 1)[-1]]
    warning = document["components"]["schemas"]["ImportWarningOut"]
    assert "warnings" in schema["required"]
    assert set(warning["properties"]) == {"path", "value", "message"}
