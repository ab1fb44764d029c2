"""The visitor's side of a share link: the web resume at /r/{token}, its PDF and its preview.

Every link that does not open — unknown, expired, withdrawn, of a resume in the trash, or asked
with a wrong password — answers the same page, with the same status. Misses and passwords are
counted per client (by a keyed hash of its address, never the address) and refused past a limit.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse

from resumate.auth.deps import client_address
from resumate.auth.throttle import count_attempt
from resumate.db import release
from resumate.deps import DatabaseDep, SettingsDep
from resumate.rendering.deps import RendererDep
from resumate.resumes.pdf.service import pdf_filename
from resumate.resumes.photo.service import inline_photo
from resumate.sharing.counting import VisitKind, count_visit
from resumate.sharing.deps import ShareKeysDep, ShareServiceDep
from resumate.sharing.models import Share
from resumate.sharing.printing import SharePrinter
from resumate.sharing.web import web_page
from resumate.storage.base import content_disposition
from resumate.storage.deps import StorageDep
from resumate.web.csrf import CsrfChecked
from resumate.web.templating import render

router = APIRouter(include_in_schema=False)

WINDOW = timedelta(minutes=15)
MISSES_PER_CLIENT = 60
PASSWORDS_PER_LINK = 20
PASSWORDS_PER_CLIENT = 10
TOO_MANY = "Too many tries. Wait a little and try again."
# The page is the template's own HTML and inline CSS, with the bundled fonts; it runs nothing.
PAGE_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
# The token is in the address: it goes to no other site, and nothing is kept by the way.
PRIVATE = {"Referrer-Policy": "no-referrer", "Cache-Control": "private, no-store"}
TokenPath = Annotated[str, "the link's token"]


def _pass_cookie(share: Share) -> str:
    return f"resumate_share_{share.id.hex[:16]}"


def _client(request: Request, keys: ShareKeysDep) -> str:
    return keys.client(client_address(request))


def _unavailable(request: Request, token: str) -> HTMLResponse:
    headers = {**PRIVATE, "X-Robots-Tag": "noindex, nofollow"}
    return render(
        request,
        "sharing/unavailable.html",
        {"again": f"/r/{token}"},
        status_code=404,
        headers=headers,
    )


async def _opened(
    request: Request,
    token: str,
    service: ShareServiceDep,
    keys: ShareKeysDep,
    database: DatabaseDep,
) -> Share | None:
    """The working link the token names, for a visitor who may see it; None otherwise (a miss
    counted against the client)."""
    share = await service.active(token)
    if share is None:
        limits = [(f"share-miss:{_client(request, keys)}", MISSES_PER_CLIENT)]
        await count_attempt(database.sessionmaker, limits, WINDOW, datetime.now(UTC), TOO_MANY)
        return None
    return share


def _let_in(request: Request, share: Share, keys: ShareKeysDep) -> bool:
    if share.password_hash is None:
        return True
    return keys.lets_in(share, request.cookies.get(_pass_cookie(share)))


async def _count(
    request: Request,
    service: ShareServiceDep,
    share: Share,
    kind: VisitKind,
    keys: ShareKeysDep,
    database: DatabaseDep,
) -> None:
    """Count the visit in a transaction of its own, the request's connection given back
    first (a burst of visits never waits on connections its own requests hold)."""
    await release(service.session)
    now = datetime.now(UTC)
    browser = request.headers.get("user-agent", "")
    visitor = keys.visitor(share.id, client_address(request), browser, now)
    async with database.sessionmaker.begin() as session:
        await count_visit(session, share.id, visitor, kind, now)


@router.get("/r/{token}")
async def web_resume(
    request: Request,
    token: TokenPath,
    service: ShareServiceDep,
    keys: ShareKeysDep,
    database: DatabaseDep,
    settings: SettingsDep,
    storage: StorageDep,
) -> Response:
    share = await _opened(request, token, service, keys, database)
    if share is None:
        return _unavailable(request, token)
    if not _let_in(request, share, keys):
        return render(request, "sharing/password.html", {"action": f"/r/{token}"}, headers=PRIVATE)
    shown = await service.shown(share)
    await release(service.session)
    # From the redacted data: a hidden photo is not named there, so none is shown.
    document = shown.document(await inline_photo(storage, shown.resume_id, shown.data))
    site = settings.public_url or f"{request.url.scheme}://{request.url.netloc}"
    page = web_page(
        document.html,
        shown.data,
        title=document.title,
        page_url=f"{site}/r/{token}",
        image_url=f"{site}/r/{token}/preview.png",
        pdf_url=f"/r/{token}/pdf" if share.allow_download else None,
        indexable=share.indexable and share.password_hash is None,
    )
    await _count(request, service, share, "view", keys, database)
    robots = "index, follow" if share.indexable and share.password_hash is None else "noindex"
    headers = {**PRIVATE, "Content-Security-Policy": PAGE_CSP, "X-Robots-Tag": robots}
    return HTMLResponse(page, headers=headers)


@router.post("/r/{token}", dependencies=[CsrfChecked])
async def open_with_password(
    request: Request,
    token: TokenPath,
    service: ShareServiceDep,
    keys: ShareKeysDep,
    database: DatabaseDep,
    settings: SettingsDep,
    password: Annotated[str, Form(max_length=128)] = "",
) -> Response:
    share = await _opened(request, token, service, keys, database)
    if share is None or share.password_hash is None:
        return _unavailable(request, token)
    limits = [
        (f"share-password:{share.id}", PASSWORDS_PER_LINK),
        (f"share-password-client:{_client(request, keys)}", PASSWORDS_PER_CLIENT),
    ]
    await count_attempt(database.sessionmaker, limits, WINDOW, datetime.now(UTC), TOO_MANY)
    if not await service.password_opens(share, password):
        return _unavailable(request, token)
    answer = RedirectResponse(f"/r/{token}", status_code=303, headers=PRIVATE)
    answer.set_cookie(
        _pass_cookie(share),
        keys.pass_for(share),
        max_age=12 * 3600,
        path=f"/r/{token}",
        secure=settings.secure_cookies,
        httponly=True,
        samesite="lax",
    )
    return answer


@router.get("/r/{token}/pdf")
async def web_resume_pdf(
    request: Request,
    token: TokenPath,
    service: ShareServiceDep,
    keys: ShareKeysDep,
    database: DatabaseDep,
    storage: StorageDep,
    renderer: RendererDep,
) -> Response:
    share = await _opened(request, token, service, keys, database)
    if share is None or not share.allow_download or not _let_in(request, share, keys):
        return _unavailable(request, token)
    shown = await service.shown(share)
    pdf = await SharePrinter(storage, renderer).pdf(shown)
    await _count(request, service, share, "download", keys, database)
    disposition = content_disposition(pdf_filename(shown.title))
    headers = {**PRIVATE, "Content-Disposition": disposition, "X-Robots-Tag": "noindex"}
    return Response(pdf, media_type="application/pdf", headers=headers)


@router.get("/r/{token}/preview.png")
async def web_resume_preview(
    request: Request,
    token: TokenPath,
    service: ShareServiceDep,
    keys: ShareKeysDep,
    database: DatabaseDep,
    storage: StorageDep,
    renderer: RendererDep,
) -> Response:
    """The first page, for link previews; none for a link behind a password."""
    share = await _opened(request, token, service, keys, database)
    if share is None or share.password_hash is not None:
        return _unavailable(request, token)
    image = await SharePrinter(storage, renderer).preview(await service.shown(share))
    headers = {**PRIVATE, "X-Robots-Tag": "noindex"}
    return Response(image, media_type="image/png", headers=headers)
