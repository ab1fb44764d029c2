"""POST /api/resumes/{id}/cover-letter.pdf: the person's letter printed in the resume's design."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from pypdf import PdfReader

from resumate.resumes.pdf.schemas import MAX_LETTER, MAX_RECIPIENT
from tests.helpers import Account, AppParts, create_resume, sign_up
from tests.pdfs import assert_readable
from tests.resume_parser import lines_of, text_items

DATA = {
    "basics": {"name": "Jana Nováková", "label": "Pflegefachfrau", "email": "jana@example.com"},
    "work": [{"name": "Klinikum Nord", "position": "Pflegefachfrau", "highlights": ["Triage"]}],
    "meta": {"language": "de"},
}
LETTER = {
    "text": "Sehr geehrte Damen und Herren,\n\nich bewerbe mich.\n\nMit freundlichen Grüßen\nJana",
    "recipient": "Personalabteilung\nKlinikum Süd",
    "date": "2026-12-04",
}


async def post_letter(
    client: httpx.AsyncClient, account: Account, resume_id: str, body: dict[str, Any]
) -> httpx.Response:
    return await client.post(
        f"/api/resumes/{resume_id}/cover-letter.pdf", json=body, headers=account.headers
    )


async def test_the_letter_prints_in_the_resumes_design_and_language(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account, title="Pflege Süd", data=DATA)
    response = await post_letter(client, account, resume["id"], LETTER)

    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["cache-control"] == "no-store"
    disposition = response.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="Pflege-Sud-cover-letter.pdf"')
    assert "filename*=UTF-8''Pflege-S%C3%BCd-cover-letter.pdf" in disposition
    pdf = response.content
    assert_readable(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata is not None
    assert (reader.metadata.title, reader.metadata.author) == (
        "Jana Nováková — Anschreiben",
        "Jana Nováková",
    )
    lines = [line.text for line in lines_of(text_items(pdf)[0])]
    assert lines[:2] == ["Jana Nováková", "Pflegefachfrau"]
    expected = ["jana@example.com", "4. Dezember 2026", "Personalabteilung", "Klinikum Süd"]
    expected += ["Sehr geehrte Damen und Herren,", "ich bewerbe mich.", "Jana"]
    assert [line for line in lines if line in expected] == expected
    assert "Klinikum Nord" not in " ".join(lines)


async def test_without_a_date_the_letter_is_dated_today(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account, data={"basics": {"name": "Bo"}})
    response = await post_letter(client, account, resume["id"], {"text": "Hello."})
    assert response.status_code == 200, response.text
    today = datetime.now(UTC)
    text = " ".join(line.text for line in lines_of(text_items(response.content)[0]))
    assert f"{today:%B} {today.day}, {today.year}" in text


async def test_characters_that_print_as_nothing_readable_are_left_out(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account, data=DATA)
    # A control character, a private-use and an unassigned code point: a parser reads junk.
    body = {
        "text": "Guten\u0011 Tag\ue000,\n\nich\U0010a19e bewerbe mich.",
        "recipient": "X\u0007Y",
    }
    response = await post_letter(client, account, resume["id"], body)
    assert response.status_code == 200, response.text
    text = " ".join(line.text for line in lines_of(text_items(response.content)[0]))
    assert "Guten Tag," in text
    assert "ich bewerbe mich." in text
    assert "XY" in text


async def test_printing_a_letter_keeps_nothing_and_changes_nothing(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account, data=DATA)
    before = (await client.get(f"/api/resumes/{resume['id']}", headers=account.headers)).json()
    files_before = stored_files(context)
    assert (await post_letter(client, account, resume["id"], LETTER)).status_code == 200
    after = (await client.get(f"/api/resumes/{resume['id']}", headers=account.headers)).json()
    assert after == before
    assert stored_files(context) == files_before


def stored_files(context: AppParts) -> set[Path]:
    return {path for path in context.settings.storage_dir.rglob("*") if path.is_file()}


@pytest.mark.parametrize(
    ("body", "field", "says"),
    [
        ({"text": ""}, "text", "at least 1 character"),
        ({"text": " \n\t "}, "text", "is required"),
        ({"text": "x" * (MAX_LETTER + 1)}, "text", "at most 8000 characters"),
        ({"text": "Hi", "recipient": "x" * (MAX_RECIPIENT + 1)}, "recipient", "at most 300"),
        ({"text": "Hi", "date": "4 December"}, "date", "valid date"),
        ({"text": "Hi", "date": 0}, "date", "valid date"),
        ({"text": "\u0011\U0010a19e\ue000"}, "text", "is required"),
        ({"text": "Hi", "resumeId": "someone else's"}, "resumeId", "not a field you can set"),
        ({}, "text", "is required"),
    ],
)
async def test_bad_input_names_the_field(
    client: httpx.AsyncClient, body: dict[str, Any], field: str, says: str
) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account)
    response = await post_letter(client, account, resume["id"], body)
    assert response.status_code == 422
    fields = response.json()["error"]["fields"]
    assert [f["field"] for f in fields] == [field]
    assert says in fields[0]["message"]
