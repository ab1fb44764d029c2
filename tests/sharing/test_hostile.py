"""The hostile-payload resume (`tests.rendering.test_security_payloads`) through a share link:
the web page adds its own head and button to the template's document, and must add nothing a
resume's text could open — every value stays text, in the page and in its link previews."""

from __future__ import annotations

import uuid
from urllib.parse import urlsplit

import httpx
import pytest
from sqlalchemy import update

from resumate.resumes.models import Resume
from tests.helpers import AppParts, create_resume, sign_up
from tests.rendering.test_security_canary import canary_urls
from tests.rendering.test_security_payloads import (
    D,
    Markup,
    hostile_resume,
    payload_values,
)
from tests.sharing.conftest import path_of

# The template's own markup, and what the web page adds: meta tags, a style, the PDF button.
ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "h1", "p"} | {
    *("ul", "li", "a", "span", "main", "section", "h2", "div", "blockquote", "cite"),
    *("strong", "em", "br", "wbr"),
}
ALLOWED_ATTRIBUTES = {"lang", "dir", "charset", "class", "href"} | {
    *("name", "content", "property", "download", "aria-hidden"),
}


# One backend: the page is made the same on both, and each link prints a 67-page PDF (what
# was sent is kept), which the suite then reads back whole.
@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_every_payload_stays_text_in_the_web_resume(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    account = await sign_up(client)
    created = await create_resume(client, account, title="Hostile")
    # Stored as it is, past the API's checks (lengths, e-mail form): what the page is given
    # is the worst a resume could hold.
    data = hostile_resume(payload_values(canary_urls(1)[0]) | {D: "2020-01"})
    async with context.sessionmaker.begin() as session:
        await session.execute(
            update(Resume).where(Resume.id == uuid.UUID(created["id"])).values(data=data)
        )
    shares = f"/api/resumes/{created['id']}/shares"
    for redact in ({}, {"phone": True, "email": True, "employer": "<img src=x onerror=alert(1)>"}):
        made = await client.post(
            shares, json={"label": "<b>x</b>", "redact": redact}, headers=account.headers
        )
        assert made.status_code == 201, made.text
        page = await client.get(path_of(made.json()))
        assert page.status_code == 200
        found = Markup(page.text)
        assert found.tags <= ALLOWED_TAGS
        assert found.attributes <= ALLOWED_ATTRIBUTES
        assert {urlsplit(href).scheme for href in found.hrefs} <= {"http", "https", "mailto", ""}
        assert found.comments == []
        # Every "<" opens markup of the template or the page: each one from the data is "&lt;".
        assert page.text.count("<") == found.markup_count
        assert "<script" not in page.text.lower()
