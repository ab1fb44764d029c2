"""The devices service for the local provider, and which session the caller is using."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Request

from resumate.auth.deps import AuthBackendDep, credentials
from resumate.auth.devices.service import DeviceSessionService
from resumate.auth.tokens import LocalAuthenticator
from resumate.deps import SessionDep
from resumate.errors import NotFound, Unauthorized

# Cognito keeps its sessions to itself (no call lists them), and its access tokens are checked
# here against its keys, so one session's could not be made to stop at once either.
NOT_WITH_COGNITO = (
    "Devices are listed only for local accounts. "
    "With Cognito sign-in, use “Sign out of every device” on the account page."
)


async def current_session(request: Request, auth: AuthBackendDep) -> uuid.UUID | None:
    """The device session (refresh-token family) of the access token this request carries."""
    authenticator = auth.authenticator
    if not isinstance(authenticator, LocalAuthenticator):
        return None
    try:
        token, _ = credentials(request)
        return authenticator.verified(token).session_id if token else None
    except Unauthorized:
        return None


CurrentSession = Annotated[uuid.UUID | None, Depends(current_session)]


async def device_sessions(session: SessionDep, auth: AuthBackendDep) -> DeviceSessionService:
    """404 with the reason when accounts live in Cognito."""
    if auth.cognito is not None:
        raise NotFound(NOT_WITH_COGNITO)
    return DeviceSessionService(session)


DeviceSessionsDep = Annotated[DeviceSessionService, Depends(device_sessions)]
