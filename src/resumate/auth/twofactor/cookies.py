"""The pages' pending sign-in: a short-lived HttpOnly cookie between password and code."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import Response
from fastapi.responses import RedirectResponse

from resumate.auth.backend import AuthBackend
from resumate.auth.twofactor.signin import PendingSecondFactor

PENDING_COOKIE = "resumate_two_step"
SECOND_STEP_PAGE = "/login/two-step"


def to_second_step(target: str, pending: PendingSecondFactor, backend: AuthBackend) -> Response:
    """On to the code page, carrying the pending sign-in and where to go after it."""
    response = RedirectResponse(
        f"{SECOND_STEP_PAGE}?{urlencode({'next': target})}", status_code=303
    )
    response.set_cookie(
        PENDING_COOKIE,
        pending.token,
        max_age=pending.expires_in,
        httponly=True,
        secure=backend.secure_cookies,
        samesite="strict",
    )
    return response


def clear_pending(response: Response) -> None:
    response.delete_cookie(PENDING_COOKIE)
