"""Dependencies every route shares: the context, the request's session, the signed-in user."""

from __future__ import annotations

import contextlib
import hmac
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from resumate.auth.models import User
from resumate.context import AppContext
from resumate.db import session_scope
from resumate.errors import ResumateError, Unauthorized

ACCESS_COOKIE = "resumate_access"
REFRESH_COOKIE = "resumate_refresh"
CSRF_COOKIE = "resumate_csrf"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class CsrfFailed(ResumateError):
    status = 403
    code = "csrf_failed"
    default_message = "This form has expired. Reload the page and try again."


async def get_context(request: Request) -> AppContext:
    context: AppContext = request.app.state.context
    return context


ContextDep = Annotated[AppContext, Depends(get_context)]


async def get_session(context: ContextDep) -> AsyncIterator[AsyncSession]:
    # Entered as a context manager, so a failing route's error reaches the scope, which rolls
    # back and returns the connection before the answer goes out (an abandoned inner generator
    # did that only whenever the garbage collector got to it).
    async with contextlib.asynccontextmanager(session_scope)(context.sessionmaker) as session:
        yield session


# Function scope: the commit happens before the response is sent, so a failed commit is an error
# response rather than a success that was never saved.
SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]


def credentials(request: Request) -> tuple[str | None, bool]:
    """The access token and whether it came from the cookie (which then needs a CSRF check)."""
    header = request.headers.get("authorization")
    if header:
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise Unauthorized("Use the Authorization header as: Bearer <token>.")
        return token.strip(), False
    return request.cookies.get(ACCESS_COOKIE), True


def check_csrf(request: Request) -> None:
    cookie = request.cookies.get(CSRF_COOKIE, "")
    header = request.headers.get(CSRF_HEADER, "")
    if not cookie or not hmac.compare_digest(cookie.encode(), header.encode()):
        raise CsrfFailed()


async def get_current_user(request: Request, session: SessionDep, context: ContextDep) -> User:
    """The signed-in user, through the one verification path of whichever provider is set."""
    token, from_cookie = credentials(request)
    if not token:
        raise Unauthorized()
    user = await context.authenticator.authenticate(session, token)
    if from_cookie and request.method not in SAFE_METHODS:
        check_csrf(request)
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]
