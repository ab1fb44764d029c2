"""POST /api/resumes/import with a file: PDF, Word, LinkedIn export or text, read safely."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import time
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from resumate.rendering.renderer import Renderer
from resumate.transfer.deps import READER
from resumate.transfer.reading.files import ReadResume
from resumate.transfer.reading.images import PageImage
from resumate.transfer.reading.limits import MAX_BYTES
from resumate.transfer.reading.worker import ReadingWorker
from resumate.transfer.upload import MAX_JSON_BYTES, UNSURE_NOTE
from tests.helpers import Account, error_fields, sign_up
from tests.transfer.reading.test_docx import resume, saved
from tests.transfer.reading.test_images import assert_drawn_as, two_page_pdf
from tests.transfer.resume_files import (
    TEXT_RESUME,
    TOLD_TIMEOUT,
    linkedin_export,
    old_word_file,
    random_bytes,
    zip_bomb,
)

IMPORT = "/api/resumes/import"


def upload(data: bytes, name: str = "resume") -> dict[str, Any]:
    return {"files": {"file": (name, data, "application/octet-stream")}}


async def total(client: httpx.AsyncClient, account: Account) -> int:
    response = await client.get("/api/resumes", headers=account.headers)
    assert response.status_code == 200
    count: int = response.json()["total"]
    return count


async def still_imports(client: httpx.AsyncClient, account: Account) -> None:
    """The server answers, and reads the next file."""
    response = await client.post(
        IMPORT, **upload(TEXT_RESUME.encode(), "cv.txt"), headers=account.headers
    )
    assert response.status_code == 201, response.text


async def test_a_linkedin_export_is_imported_with_what_it_could_not_place(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    response = await client.post(
        IMPORT, **upload(linkedin_export(), "export.zip"), headers=account.headers
    )
    assert response.status_code == 201
    created = response.json()
    assert created["title"] == "Grace Hopper – Rear Admiral"
    assert created["data"]["work"] == [
        {"name": "US Navy", "position": "Computer scientist", "startDate": "1943-01"}
    ]
    [note] = created["warnings"]
    assert (note["path"], note["value"]) == ("(file)", "")
    assert note["message"].startswith("Profile.csv: Birth Date")
    assert created["confidence"] == {}  # every value from its own column
    saved = await client.get(response.headers["Location"], headers=account.headers)
    assert saved.json()["data"] == created["data"]


async def test_a_text_resume_is_imported_with_how_sure_each_field_is(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    response = await client.post(
        IMPORT, **upload(TEXT_RESUME.encode(), "cv.txt"), headers=account.headers
    )
    assert response.status_code == 201
    created = response.json()
    assert created["title"] == "Ada Lovelace – Analyst"
    assert created["data"]["basics"]["email"] == "ada@example.com"
    assert "basics.name" in created["confidence"]
    assert all(0 <= sure <= 1 for sure in created["confidence"].values())
    assert await total(client, account) == 1


async def test_each_note_of_the_reading_and_each_unsure_field_is_a_warning(
    client: httpx.AsyncClient, told_reader: ReadingWorker
) -> None:
    account = await sign_up(client)
    # The test reader reads "Ada" with a note on the file, and is unsure of the name (0.5).
    response = await client.post(IMPORT, **upload(b"test:Ada"), headers=account.headers)
    assert response.status_code == 201
    assert response.json()["warnings"] == [
        {"path": "(file)", "value": "", "message": "Read."},
        {"path": "basics.name", "value": "Ada", "message": UNSURE_NOTE},
    ]
    assert response.json()["confidence"] == {"basics.name": 0.5}


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("cv.txt", TEXT_RESUME.encode(), "text"),
        ("export.zip", linkedin_export(), "linkedin"),
        ("export.json", linkedin_export(), "linkedin"),  # told by its content, not its name
    ],
)
async def test_a_dry_run_answers_what_the_file_holds_and_saves_nothing(
    client: httpx.AsyncClient, name: str, data: bytes, kind: str
) -> None:
    account = await sign_up(client)
    response = await client.post(
        IMPORT, params={"dryRun": "true"}, **upload(data, name), headers=account.headers
    )
    assert response.status_code == 200
    parsed = response.json()
    assert set(parsed) == {"document", "confidence", "warnings", "kind", "pages", "pageImages"}
    assert (parsed["kind"], parsed["pages"], parsed["pageImages"]) == (kind, 1, [])
    assert parsed["document"]["basics"]["name"] in ("Ada Lovelace", "Grace Hopper")
    assert await total(client, account) == 0


async def test_a_dry_run_of_a_json_body_answers_its_repairs(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    document = {"work": [{"name": "Acme", "startDate": "2020-1"}]}
    response = await client.post(
        IMPORT, params={"dryRun": "true"}, json=document, headers=account.headers
    )
    assert response.status_code == 200
    assert response.json() == {
        "document": {"work": [{"name": "Acme", "startDate": "2020-01"}]},
        "confidence": {},
        "warnings": [
            {"path": "work[0].startDate", "value": "2020-1", "message": "Read as 2020-01."}
        ],
        "kind": "json",
        "pages": 1,
        "pageImages": [],
    }
    assert await total(client, account) == 0


async def test_a_dry_run_of_a_pdf_answers_its_pages_drawn_and_an_import_does_not(
    app: FastAPI, client: httpx.AsyncClient, renderer: Renderer, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = await sign_up(client)
    pdf = await two_page_pdf(renderer)
    worker = READER.of(app)
    asked = []

    async def read(data: bytes, *, images: bool = False) -> ReadResume:
        asked.append(images)
        return await ReadingWorker.read(worker, data, images=images)

    monkeypatch.setattr(worker, "read", read)
    response = await client.post(
        IMPORT, params={"dryRun": "true"}, **upload(pdf, "cv.pdf"), headers=account.headers
    )
    assert response.status_code == 200
    parsed = response.json()
    assert (parsed["kind"], parsed["pages"]) == ("pdf", 2)
    assert_drawn_as([PageImage(**image) for image in parsed["pageImages"]], pdf)
    created = await client.post(IMPORT, **upload(pdf, "cv.pdf"), headers=account.headers)
    assert created.status_code == 201
    assert "pageImages" not in created.json()
    assert asked == [True, False]  # an import does not pay for drawing the pages


async def test_a_dry_run_of_a_word_file_has_no_page_images(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    response = await client.post(
        IMPORT,
        params={"dryRun": "true"},
        **upload(saved(resume()), "cv.docx"),
        headers=account.headers,
    )
    assert response.status_code == 200
    assert (response.json()["kind"], response.json()["pageImages"]) == ("docx", [])


@pytest.mark.parametrize("name", ["cv.json", "resume"])
async def test_a_json_resume_file_is_read_as_a_json_body_is(
    client: httpx.AsyncClient, name: str
) -> None:
    account = await sign_up(client)
    document = {"basics": {"name": "Ada", "label": "Analyst"}, "work": [{"startDate": "2020-1"}]}
    content = b"\xef\xbb\xbf" + json.dumps(document).encode()  # with a byte order mark
    response = await client.post(IMPORT, **upload(content, name), headers=account.headers)
    assert response.status_code == 201
    created = response.json()
    assert created["title"] == "Ada – Analyst"
    assert created["data"]["work"] == [{"startDate": "2020-01"}]
    assert created["warnings"] == [
        {"path": "work[0].startDate", "value": "2020-1", "message": "Read as 2020-01."}
    ]
    assert created["confidence"] == {}


async def test_a_json_body_is_imported_as_before_with_no_confidence(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    response = await client.post(IMPORT, json={"basics": {"name": "Ada"}}, headers=account.headers)
    assert response.status_code == 201
    assert (response.json()["warnings"], response.json()["confidence"]) == ([], {})


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (random_bytes(), "This is not a text file."),
        (zip_bomb(), "This file holds a part that unpacks far beyond its size."),
        (old_word_file(), "This is an old Word file (.doc). Save it as .docx or PDF"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <</Type /Catalog" + b"\0" * 100, "This PDF"),
        (b"PK\x03\x04" + random_bytes(2000), "This file is damaged or is not a file."),
        (b" \n", "Choose a file to import"),
        (b"x" * (MAX_BYTES + 1), "This file is larger than 10 MB."),
    ],
    ids=["random", "zip-bomb", "doc", "broken-pdf", "broken-zip", "blank", "over-10-mb"],
)
async def test_a_file_that_is_no_resume_is_refused_naming_the_file_and_the_next_is_read(
    client: httpx.AsyncClient, data: bytes, message: str
) -> None:
    account = await sign_up(client)
    started = time.monotonic()
    response = await client.post(IMPORT, **upload(data), headers=account.headers)
    assert time.monotonic() - started < 10  # the worker's time limit, and then some
    assert response.status_code == 422
    assert error_fields(response) == ["file"]
    assert response.json()["error"]["message"].startswith(message)
    assert await total(client, account) == 0
    await still_imports(client, account)


async def test_a_body_larger_than_an_import_takes_is_413_and_other_routes_keep_1_mib(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    response = await client.post(IMPORT, **upload(b"x" * (25 * 2**20)), headers=account.headers)
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"
    two_mib = {"title": "Big", "data": {"basics": {"summary": "x" * 2**21}}}
    assert (
        await client.post("/api/resumes", json=two_mib, headers=account.headers)
    ).status_code == 413
    await still_imports(client, account)


async def test_a_file_that_hangs_its_reader_is_refused_in_time_and_the_next_is_read(
    client: httpx.AsyncClient, told_reader: ReadingWorker
) -> None:
    account = await sign_up(client)
    started = time.monotonic()
    response = await client.post(IMPORT, **upload(b"%PDF-1.4 test:sleep"), headers=account.headers)
    assert time.monotonic() - started < TOLD_TIMEOUT + 3
    assert response.status_code == 422
    assert error_fields(response) == ["file"]
    assert response.json()["error"]["message"].startswith("This file took too long to read.")
    await still_imports(client, account)


async def test_a_reader_killed_mid_file_fails_that_file_and_the_next_is_read(
    client: httpx.AsyncClient, told_reader: ReadingWorker
) -> None:
    account = await sign_up(client)
    await still_imports(client, account)  # the reader is warm
    importing = asyncio.create_task(
        client.post(IMPORT, **upload(b"test:sleep"), headers=account.headers)
    )
    await asyncio.sleep(1)
    assert told_reader.pid is not None
    os.kill(told_reader.pid, signal.SIGKILL)
    response = await importing
    assert response.status_code == 422
    assert response.json()["error"]["message"].startswith("This file could not be read.")
    await still_imports(client, account)


async def test_ten_imports_at_once_each_wait_their_turn(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    texts = [TEXT_RESUME.replace("Ada Lovelace", f"Ada {number}") for number in range(10)]
    responses = await asyncio.gather(
        *(client.post(IMPORT, **upload(text.encode()), headers=account.headers) for text in texts)
    )
    assert [response.status_code for response in responses] == [201] * 10
    titles = sorted(response.json()["title"] for response in responses)
    assert titles == sorted(f"Ada {number} – Analyst" for number in range(10))
    assert await total(client, account) == 10


async def test_importing_a_file_needs_a_session(client: httpx.AsyncClient) -> None:
    response = await client.post(IMPORT, **upload(TEXT_RESUME.encode()))
    assert response.status_code == 401
    assert (await client.post(IMPORT, json={"basics": {}})).status_code == 401


@pytest.mark.parametrize(
    ("request_args", "field"),
    [
        ({"files": {"other": ("cv.txt", b"Ada")}}, "file"),
        ({"content": b"--x--", "headers": {"Content-Type": "multipart/form-data"}}, "file"),
        ({"content": b"{}", "headers": {"Content-Type": "text/plain"}}, "body"),
        ({"content": b"[{}]", "headers": {"Content-Type": "application/json"}}, "body"),
        ({"content": b"", "headers": {"Content-Type": "application/json"}}, "body"),
    ],
    ids=["no-file-part", "no-boundary", "text-plain", "json-list", "empty"],
)
async def test_a_body_that_is_neither_a_file_nor_a_json_object_is_422(
    client: httpx.AsyncClient, request_args: dict[str, Any], field: str
) -> None:
    account = await sign_up(client)
    sent = dict(request_args)  # the parameters are shared by both databases' runs
    headers = account.headers | sent.pop("headers", {})
    response = await client.post(IMPORT, headers=headers, **sent)
    assert response.status_code == 422
    assert error_fields(response) == [field]


async def test_json_past_four_times_the_largest_resume_is_refused_unread(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    big = b'{"basics": {"name": "Ada"}}' + b" " * (MAX_JSON_BYTES + 1)
    body = await client.post(
        IMPORT, content=big, headers=account.headers | {"Content-Type": "application/json"}
    )
    assert body.status_code == 413
    file = await client.post(IMPORT, **upload(big, "cv.json"), headers=account.headers)
    assert file.status_code == 422
    message = file.json()["error"]["message"]
    assert message == "This file is too large to be a JSON Resume: at most 2 MB."
