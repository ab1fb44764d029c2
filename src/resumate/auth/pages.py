"""Pages: home, sign in, sign out, and the session renewal stop between them (sign-up is in
`signup`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from resumate.auth.backend import AuthBackend
from resumate.auth.cookies import REFRESH_COOKIE, clear_session_cookies, set_session_cookies
from resumate.auth.deps import AuthBackendDep, AuthServiceDep, MaybeUser, client_address
from resumate.auth.passkeys.deps import PasskeyOfferDep
from resumate.auth.provider import IssuedSession
from resumate.auth.schemas import Credentials
from resumate.auth.targets import HOME, safe_next
from resumate.auth.twofactor.cookies import to_second_step
from resumate.auth.twofactor.signin import PendingSecondFactor
from resumate.errors import ResumateError, TooManyRequests
from resumate.web.csrf import CsrfChecked
from resumate.web.forms import errors_from, parse
from resumate.web.templating import render

router = APIRouter(include_in_schema=False)

TextField = Annotated[str, Form(max_length=4096)]


def signed_in(target: str, issued: IssuedSession, auth: AuthBackend) -> Response:
    """On to `target` with the new session's cookies."""
    response = RedirectResponse(target, status_code=303)
    set_session_cookies(response, issued, auth)
    return response


@router.get("/")
async def home(request: Request, user: MaybeUser, deleted: bool = False) -> Response:
    if user is not None:
        return RedirectResponse(HOME, status_code=303)
    return render(request, "home.html", {"deleted": deleted})


@router.get("/login")
async def login_page(
    request: Request,
    user: MaybeUser,
    passkeys: PasskeyOfferDep,
    next: str | None = None,
    expired: bool = False,
    signed_out: bool = False,
) -> Response:
    if user is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    page = {
        "next": safe_next(next),
        "form": {},
        "errors": {},
        "expired": expired,
        "signed_out": signed_out,
        "passkeys": passkeys,
    }
    return render(request, "auth/login.html", page)


@router.post("/login", dependencies=[CsrfChecked])
async def login(
    request: Request,
    service: AuthServiceDep,
    auth: AuthBackendDep,
    passkeys: PasskeyOfferDep,
    email: TextField = "",
    password: TextField = "",
    next: TextField = HOME,
) -> Response:
    form = {"email": email}
    try:
        credentials = parse(Credentials, {"email": email, "password": password})
        issued = await service.login(
            credentials.email, credentials.password, client_address(request)
        )
    except ResumateError as error:
        # One message for an unknown email and a wrong password: nothing to enumerate.
        errors = errors_from(error)
        if isinstance(error, TooManyRequests):
            errors = {"form": error.message}
        page = {"next": safe_next(next), "form": form, "errors": errors, "passkeys": passkeys}
        return render(
            request, "auth/login.html", page, status_code=error.status, headers=error.headers()
        )
    if isinstance(issued, PendingSecondFactor):
        return to_second_step(safe_next(next), issued, auth)
    return signed_in(safe_next(next), issued, auth)


@router.post("/logout", dependencies=[CsrfChecked])
async def logout(request: Request, service: AuthServiceDep) -> Response:
    """Sign this device out (the account page can end every session)."""
    raw = request.cookies.get(REFRESH_COOKIE)
    if raw:
        await service.end_session(raw)
    response = RedirectResponse("/login?signed_out=1", status_code=303)
    clear_session_cookies(response)
    return response


@router.get("/renew")
async def renew(request: Request, next: str | None = None) -> Response:
    """A page whose script renews the session and goes back (or on to sign in)."""
    return render(request, "auth/renew.html", {"next": safe_next(next)})
