"""The visitor's side: the web resume, its PDF and preview, every state a link can be in, the
password, redaction in every byte a visitor gets, and counting that keeps no one's address."""

from __future__ import annotations

import asyncio
import hashlib
import io
import re
import statistics
import time
import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from pypdf import PdfReader
from sqlalchemy import select, update

from resumate.auth.models import LoginFailure
from resumate.sharing.deps import SHARE_KEYS
from resumate.sharing.models import Share, ShareVisit
from tests.helpers import AppParts, if_match, sign_up
from tests.sharing.conftest import DATA, path_of, resume_with_share

HIDDEN = ["grace@navy.example", "555 0199", "12 Harbor Road", "20001", "Remington", "iVBORw0KGgo"]


def unavailable_body(response: httpx.Response) -> str:
    """The page of a link that does not open, without what differs per request (the token
    in its "try again" link, the form token)."""
    body = re.sub(r'href="/r/[^"]*"', "", response.text)
    return re.sub(r'name="csrf_token" value="[^"]*"', "", body)


async def test_a_link_shows_the_web_resume_in_its_template(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    _, link = await resume_with_share(client, account)
    page = await client.get(path_of(link))
    assert page.status_code == 200
    html = page.text
    assert '<html lang="en" dir="ltr">' in html
    assert "<title>Grace Hopper — Resume</title>" in html
    assert '<meta property="og:title" content="Grace Hopper — Resume">' in html
    assert f'content="{link["url"]}/preview.png"' in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert 'name="viewport"' in html
    assert "@font-face" in html
    assert page.headers["x-robots-tag"] == "noindex"
    assert page.headers["referrer-policy"] == "no-referrer"
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert "<script" not in html  # readable without JavaScript, and runs none
    assert f'href="{path_of(link)}/pdf"' in html


async def test_every_link_that_does_not_open_answers_the_same(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    account = await sign_up(client)
    _, expired = await resume_with_share(client, account)
    resume, revoked = await resume_with_share(client, account)
    _, locked = await resume_with_share(client, account, password="tide-line-42")
    async with context.sessionmaker.begin() as session:
        await session.execute(
            update(Share)
            .where(Share.id == uuid.UUID(expired["id"]))
            .values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
        )
    shares = f"/api/resumes/{resume['id']}/shares"
    withdrawn = await client.delete(f"{shares}/{revoked['id']}", headers=account.headers)
    assert withdrawn.status_code == 204, withdrawn.text
    client.cookies.clear()  # a visitor, not the owner

    form = await client.get(path_of(locked))
    assert form.status_code == 200
    assert "A resume behind a password" in form.text
    assert "Grace" not in form.text
    csrf = client.cookies["resumate_csrf"]
    wrong = await client.post(
        path_of(locked), data={"password": "not-it-at-all", "csrf_token": csrf}
    )
    answers = [
        wrong,
        await client.get(path_of(expired)),
        await client.get(path_of(revoked)),
        await client.get("/r/" + "A" * 32),
        await client.get(path_of(expired) + "/pdf"),
        await client.get(path_of(locked) + "/pdf"),
        await client.get(path_of(locked) + "/preview.png"),
    ]
    assert [answer.status_code for answer in answers] == [404] * 7
    assert len({unavailable_body(answer) for answer in answers}) == 1
    assert "This link does not open" in answers[0].text


async def test_the_right_password_opens_the_resume_and_its_pdf(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    _, link = await resume_with_share(client, account, password="tide-line-42")
    client.cookies.clear()
    await client.get(path_of(link))
    opened = await client.post(
        path_of(link),
        data={"password": "tide-line-42", "csrf_token": client.cookies["resumate_csrf"]},
    )
    assert opened.status_code == 303
    cookie = next(c for c in client.cookies.jar if c.name.startswith("resumate_share_"))
    assert cookie.path == path_of(link)
    page = await client.get(path_of(link))
    assert page.status_code == 200
    assert "Grace Hopper" in page.text
    # Link previews never show a resume behind a password.
    assert "og:image" in page.text
    pdf = await client.get(path_of(link) + "/pdf")
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")


async def test_redacted_values_are_in_no_byte_the_visitor_gets(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    redact = {
        "phone": True,
        "email": True,
        "address": True,
        "photo": True,
        "employer": "A typewriter maker",
    }
    _, link = await resume_with_share(client, account, redact=redact)
    client.cookies.clear()
    page = await client.get(path_of(link))
    pdf = await client.get(path_of(link) + "/pdf")
    preview = await client.get(path_of(link) + "/preview.png")
    assert preview.status_code == 200
    assert preview.content.startswith(b"\x89PNG")
    reader = PdfReader(io.BytesIO(pdf.content))
    pdf_text = "\n".join(page.extract_text() for page in reader.pages)
    metadata = " ".join(str(value) for value in (reader.metadata or {}).values())
    for got in (page.text, pdf_text, metadata, pdf.headers.get("content-disposition", "")):
        for value in HIDDEN:
            assert value.lower() not in got.lower(), value
    assert "A typewriter maker" in page.text
    assert "A typewriter maker" in pdf_text
    assert "Arlington" in page.text  # the town stays
    assert "Harvard" in page.text  # a past employer stays


async def test_a_snapshot_stays_as_shared_and_latest_follows_saves(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    resume, frozen = await resume_with_share(client, account)
    latest = await client.post(
        f"/api/resumes/{resume['id']}/shares",
        json={"label": "Always new", "snapshot": False},
        headers=account.headers,
    )
    changed = DATA | {"basics": DATA["basics"] | {"name": "Grace B. Hopper"}}
    saved = await client.put(
        f"/api/resumes/{resume['id']}",
        json={"title": "Grace", "templateId": resume["templateId"], "data": changed},
        headers=if_match(account, resume["version"]),
    )
    assert saved.status_code == 200, saved.text
    assert "Grace B. Hopper" not in (await client.get(path_of(frozen))).text
    assert "Grace B. Hopper" in (await client.get(path_of(latest.json()))).text


async def test_views_and_downloads_count_once_per_visitor_and_keep_no_address(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    account = await sign_up(client)
    resume, link = await resume_with_share(client, account)
    visitor = {"User-Agent": "Mozilla/5.0 (one visitor)"}
    for _ in range(3):
        assert (await client.get(path_of(link), headers=visitor)).status_code == 200
    burst = await asyncio.gather(*(client.get(path_of(link), headers=visitor) for _ in range(40)))
    assert {answer.status_code for answer in burst} == {200}
    await client.get(path_of(link), headers={"User-Agent": "Another browser"})
    for _ in range(2):
        await client.get(path_of(link) + "/pdf", headers=visitor)
    listed = await client.get(f"/api/resumes/{resume['id']}/shares", headers=account.headers)
    counted = listed.json()["items"][0]
    assert (counted["views"], counted["downloads"]) == (2, 1)
    async with context.sessionmaker() as session:
        rows = (await session.scalars(select(ShareVisit))).all()
    assert len(rows) == 3
    for row in rows:
        assert re.fullmatch(r"[0-9a-f]{32}", row.visitor)
        assert "127.0.0.1" not in row.visitor
        assert "Mozilla" not in row.visitor


async def test_no_download_when_the_owner_says_so(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    _, link = await resume_with_share(client, account, allowDownload=False)
    page = await client.get(path_of(link))
    assert page.status_code == 200
    assert "/pdf" not in page.text
    assert (await client.get(path_of(link) + "/pdf")).status_code == 404


async def test_a_link_to_a_resume_in_the_trash_does_not_open(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    resume, link = await resume_with_share(client, account)
    trashed = await client.delete(f"/api/resumes/{resume['id']}", headers=account.headers)
    assert trashed.status_code == 204
    assert (await client.get(path_of(link))).status_code == 404


async def test_the_language_of_the_resume_titles_the_page(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    german = {"basics": {"name": "Jürgen Weber"}, "meta": {"language": "de"}}
    resume = await client.post(
        "/api/resumes", json={"title": "CV", "data": german}, headers=account.headers
    )
    made = await client.post(
        f"/api/resumes/{resume.json()['id']}/shares",
        json={"label": "GmbH"},
        headers=account.headers,
    )
    page = await client.get(path_of(made.json()))
    assert '<html lang="de" dir="ltr">' in page.text
    assert "<title>Jürgen Weber — Lebenslauf</title>" in page.text


async def test_guessing_links_is_throttled_per_client(client: httpx.AsyncClient) -> None:
    answers = [await client.get(f"/r/{uuid.uuid4().hex}") for _ in range(61)]
    assert {answer.status_code for answer in answers[:60]} == {404}
    assert answers[60].status_code == 429


async def test_misses_are_counted_under_a_keyed_name_of_the_client(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    address = "203.0.113.77"
    missed = await client.get(f"/r/{uuid.uuid4().hex}", headers={"X-Forwarded-For": address})
    assert missed.status_code == 404
    async with context.sessionmaker() as session:
        stored = list(await session.scalars(select(LoginFailure.key)))
    misses = [key for key in stored if key.startswith("share-miss:")]
    assert len(misses) == 1
    name = misses[0].removeprefix("share-miss:")
    keys = context.components.get(SHARE_KEYS)
    # Named by the app's key: the address the request came from gives the name...
    candidates = [address, "127.0.0.1", "testclient"]
    assert name in {keys.client(candidate) for candidate in candidates}
    # ...but no unkeyed hash of it does, so the stored names cannot be matched to addresses.
    for candidate in candidates:
        assert candidate not in name
        assert hashlib.sha256(candidate.encode()).hexdigest()[:24] != name
        assert hashlib.sha256(f"share-client\n{candidate}".encode()).hexdigest()[:24] != name


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_a_near_miss_takes_as_long_as_a_wild_guess(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    _, link = await resume_with_share(client, account)
    token = path_of(link).removeprefix("/r/")
    near = token[:-1] + ("A" if token[-1] != "A" else "B")

    async def timed(path: str) -> float:
        started = time.perf_counter()
        answer = await client.get(path, headers={"X-Forwarded-For": "203.0.113.9"})
        assert answer.status_code == 404
        return time.perf_counter() - started

    near_times, wild_times = [], []
    for _ in range(25):
        near_times.append(await timed(f"/r/{near}"))
        wild_times.append(await timed(f"/r/{uuid.uuid4().hex}"))
    ratio = statistics.median(near_times) / statistics.median(wild_times)
    assert 0.5 < ratio < 2, ratio
