"""Double-submit CSRF: the visitor's CSRF cookie, echoed by every state-changing request.

Scripts echo it in the `X-CSRF-Token` header; plain forms (which work without JavaScript) send it
as the `csrf_token` field. API clients that use the Authorization header need neither.
"""

from __future__ import annotations

import hmac

from fastapi import Depends, Request

from resumate.errors import ResumateError

CSRF_COOKIE = "resumate_csrf"
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class CsrfFailed(ResumateError):
    status = 403
    code = "csrf_failed"
    default_message = "This form has expired. Reload the page and try again."


def _matches(cookie: str, sent: str) -> bool:
    return bool(cookie) and hmac.compare_digest(cookie.encode(), sent.encode())


def check_csrf(request: Request) -> None:
    """A cookie-authenticated API write: the header must echo the cookie."""
    if not _matches(request.cookies.get(CSRF_COOKIE, ""), request.headers.get(CSRF_HEADER, "")):
        raise CsrfFailed()


async def check_form_csrf(request: Request) -> None:
    """A page write: the header (htmx, fetch) or the form field (plain forms) echoes the cookie."""
    sent = request.headers.get(CSRF_HEADER, "")
    if not sent and request.headers.get("content-type", "").startswith(FORM_TYPES):
        sent = str((await request.form()).get(CSRF_FIELD) or "")
    if not _matches(request.cookies.get(CSRF_COOKIE, ""), sent):
        raise CsrfFailed()


CsrfChecked = Depends(check_form_csrf)
