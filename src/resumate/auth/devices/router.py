"""/api/auth/sessions: the devices signed in to the account, each of which can be signed out."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response, status

from resumate.auth.cookies import clear_session_cookies
from resumate.auth.deps import CurrentUser
from resumate.auth.devices.deps import CurrentSession, DeviceSessionsDep
from resumate.auth.devices.schemas import DeviceSessionOut
from resumate.openapi import responses

router = APIRouter(prefix="/api/auth/sessions", tags=["auth"])


@router.get("", response_model=list[DeviceSessionOut], responses=responses(401, 404))
async def list_sessions(
    user: CurrentUser, sessions: DeviceSessionsDep, current: CurrentSession
) -> list[DeviceSessionOut]:
    """The devices signed in (sessions that can still be renewed), this one first.

    404 when accounts live in a Cognito user pool, whose sessions cannot be listed.
    """
    return [DeviceSessionOut.of(view) for view in await sessions.list(user, current)]


@router.delete(
    "/{session_id}", status_code=status.HTTP_204_NO_CONTENT, responses=responses(401, 404, 422)
)
async def end_session(
    session_id: uuid.UUID, user: CurrentUser, sessions: DeviceSessionsDep, current: CurrentSession
) -> Response:
    """Sign that device out at once: its access token and its refresh token stop working.

    404 for an unknown id, another account's session, or one that has already ended.
    """
    await sessions.end(user, session_id)
    response = Response(status_code=status.HTTP_204_NO_CONTENT)
    if session_id == current:
        clear_session_cookies(response)
    return response
