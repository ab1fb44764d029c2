"""The session cookies the pages use; API clients use the same tokens as Bearer headers."""

from __future__ import annotations

import secrets

from fastapi import Response

from resumate.auth.service import IssuedSession
from resumate.context import AppContext
from resumate.deps import ACCESS_COOKIE, CSRF_COOKIE, REFRESH_COOKIE

# Sent to every path (SameSite=Strict, HttpOnly), so signing out of a page can end this
# device's session; only /api/auth/refresh ever rotates it.
REFRESH_PATH = "/"


def set_session_cookies(response: Response, issued: IssuedSession, context: AppContext) -> None:
    secure = context.settings.secure_cookies
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
        max_age=int(context.refresh_lifetime.total_seconds()),
        httponly=True,
        secure=secure,
        samesite="strict",
        path=REFRESH_PATH,
    )
    # Readable by the page's script, which echoes it in X-CSRF-Token (double-submit).
    response.set_cookie(
        CSRF_COOKIE, secrets.token_urlsafe(24), secure=secure, samesite="lax", httponly=False
    )


def clear_session_cookies(response: Response) -> None:
    response.delete_cookie(ACCESS_COOKIE)
    response.delete_cookie(REFRESH_COOKIE, path=REFRESH_PATH)
    response.delete_cookie(CSRF_COOKIE)
