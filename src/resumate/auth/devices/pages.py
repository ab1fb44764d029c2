"""The sessions page: the devices signed in, each signed out with one button."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response

from resumate.auth.cookies import clear_session_cookies
from resumate.auth.deps import AuthBackendDep, PageUser, PageWriter
from resumate.auth.devices.deps import NOT_WITH_COGNITO, CurrentSession, DeviceSessionsDep
from resumate.auth.devices.service import DeviceSessionService
from resumate.auth.models import User
from resumate.deps import SessionDep
from resumate.errors import NotFound
from resumate.web.templating import render

router = APIRouter(include_in_schema=False)

PAGE = "/account/sessions"
TEMPLATE = "account/sessions.html"


def ended_note(ended: int | None) -> str | None:
    if ended is None:
        return None
    if ended == 0:
        return "No other device was signed in."
    return f"Signed out of {ended} device{'' if ended == 1 else 's'}."


async def sessions_page(
    request: Request,
    user: User,
    service: DeviceSessionService,
    current: uuid.UUID | None,
    *,
    note: str | None = None,
    error: str | None = None,
    status_code: int = 200,
) -> Response:
    views = await service.list(user, current)
    page = {
        "sessions": views,
        "others": sum(not view.current for view in views),
        "note": note,
        "error": error,
        "unavailable": None,
    }
    return render(request, TEMPLATE, page, status_code=status_code)


@router.get(PAGE)
async def sessions(
    request: Request,
    user: PageUser,
    session: SessionDep,
    auth: AuthBackendDep,
    current: CurrentSession,
    ended: Annotated[int | None, Query(ge=0, le=10_000)] = None,
) -> Response:
    if auth.cognito is not None:
        page = {"sessions": [], "others": 0, "note": None, "error": None}
        return render(request, TEMPLATE, page | {"unavailable": NOT_WITH_COGNITO})
    service = DeviceSessionService(session)
    return await sessions_page(request, user, service, current, note=ended_note(ended))


@router.post(PAGE + "/{session_id}/sign-out")
async def sign_out_device(
    request: Request,
    session_id: uuid.UUID,
    user: PageWriter,
    service: DeviceSessionsDep,
    current: CurrentSession,
) -> Response:
    """Sign that device out; signing out this one also signs this browser out."""
    try:
        await service.end(user, session_id)
    except NotFound as error:
        return await sessions_page(
            request, user, service, current, error=error.message, status_code=error.status
        )
    if session_id == current:
        response = RedirectResponse("/login?signed_out=1", status_code=303)
        clear_session_cookies(response)
        return response
    return RedirectResponse(f"{PAGE}?ended=1", status_code=303)


@router.post(PAGE + "/sign-out-others")
async def sign_out_others(
    user: PageWriter, service: DeviceSessionsDep, current: CurrentSession
) -> Response:
    ended = await service.end_others(user, current)
    return RedirectResponse(f"{PAGE}?ended={ended}", status_code=303)
