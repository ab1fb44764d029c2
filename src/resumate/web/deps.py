"""What page routes share: the signed-in user from the session cookie, and form CSRF checks."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request

from resumate.auth.models import User
from resumate.deps import (
    ACCESS_COOKIE,
    CSRF_COOKIE,
    CSRF_HEADER,
    ContextDep,
    CsrfFailed,
    SessionDep,
)
from resumate.errors import ResumateError, Unauthorized

CSRF_FIELD = "csrf_token"


class SignInRequired(ResumateError):
    """A page that needs a session was asked for without one (or with one that ended)."""

    status = 401
    code = "unauthorized"
    default_message = "Sign in to continue."


async def optional_user(request: Request, session: SessionDep, context: ContextDep) -> User | None:
    token = request.cookies.get(ACCESS_COOKIE)
    if not token:
        return None
    try:
        # The one verification path the API uses too, for either auth provider.
        user = await context.authenticator.authenticate(session, token)
    except Unauthorized:
        return None
    request.state.user = user
    return user


MaybeUser = Annotated[User | None, Depends(optional_user)]


async def page_user(user: MaybeUser) -> User:
    if user is None:
        raise SignInRequired()
    return user


PageUser = Annotated[User, Depends(page_user)]


async def check_form_csrf(request: Request) -> None:
    """Every state-changing page request echoes the CSRF cookie: as a header (htmx, fetch) or
    as a hidden form field (plain forms, which work without JavaScript)."""
    cookie = request.cookies.get(CSRF_COOKIE, "")
    sent = request.headers.get(CSRF_HEADER, "")
    if not sent and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        sent = str((await request.form()).get(CSRF_FIELD) or "")
    if not cookie or not hmac.compare_digest(cookie.encode(), sent.encode()):
        raise CsrfFailed()


CsrfChecked = Depends(check_form_csrf)


async def signed_in_writer(request: Request, user: PageUser) -> User:
    """The user behind a state-changing page request, after its CSRF check."""
    await check_form_csrf(request)
    return user


PageWriter = Annotated[User, Depends(signed_in_writer)]
