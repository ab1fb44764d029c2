"""The session cookies the pages use; API clients use the same tokens as Bearer headers."""

from __future__ import annotations

from fastapi import Response

from resumate.auth.backend import AuthBackend
from resumate.auth.provider import IssuedSession
from resumate.auth.schemas import Session, UserOut
from resumate.web.csrf import ACCESS_COOKIE, CSRF_COOKIE

REFRESH_COOKIE = "resumate_refresh"

# Sent to every path (SameSite=Strict, HttpOnly), so signing out of a page can end this
# device's session; only /api/auth/refresh ever rotates it.
REFRESH_PATH = "/"


def set_session_cookies(response: Response, issued: IssuedSession, backend: AuthBackend) -> None:
    secure = backend.secure_cookies
    response.set_cookie(
        ACCESS_COOKIE,
        issued.access_token,
        max_age=issued.expires_in,
        httponly=True,
        secure=secure,
        samesite="lax",
    )
    response.set_cookie(
        REFRESH_COOKIE,
        issued.refresh_token,
        max_age=int(backend.refresh_lifetime.total_seconds()),
        httponly=True,
        secure=secure,
        samesite="strict",
        path=REFRESH_PATH,
    )
    # Readable by the page's script, which echoes it in X-CSRF-Token; bound to this session.
    response.set_cookie(
        CSRF_COOKIE,
        backend.csrf.issue(issued.access_token),
        secure=secure,
        samesite="lax",
        httponly=False,
    )


def clear_session_cookies(response: Response) -> None:
    response.delete_cookie(ACCESS_COOKIE)
    response.delete_cookie(REFRESH_COOKIE, path=REFRESH_PATH)
    response.delete_cookie(CSRF_COOKIE)


def session_body(issued: IssuedSession, response: Response, backend: AuthBackend) -> Session:
    """A new session's answer: its cookies for the pages, its tokens in the body for clients."""
    set_session_cookies(response, issued, backend)
    return Session(
        access_token=issued.access_token,
        refresh_token=issued.refresh_token,
        expires_in=issued.expires_in,
        user=UserOut.model_validate(issued.user),
    )
