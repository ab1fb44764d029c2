"""Pages: "Forgot password?" → the mail → /reset/<token> → a new password, signed in.

The reset pages answer with `Referrer-Policy: no-referrer`, so the token in their address never
travels in a Referer. Opening the link only reads (mail scanners open links too); the token is
spent by the form's post, which sends it in the body, not the address.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from resumate.auth.cookies import set_session_cookies
from resumate.auth.deps import AuthBackendDep, MaybeUser, client_address
from resumate.auth.reset.deps import PasswordResetsDep
from resumate.auth.reset.schemas import ResetConfirmation, ResetRequest
from resumate.auth.reset.service import ResetLinkInvalid
from resumate.deps import SettingsDep
from resumate.errors import ResumateError, TooManyRequests
from resumate.web.csrf import CsrfChecked
from resumate.web.forms import errors_from, parse
from resumate.web.templating import render

router = APIRouter(include_in_schema=False)

TextField = Annotated[str, Form(max_length=4096)]
NO_REFERRER = {"Referrer-Policy": "no-referrer"}
AFTER_RESET = "/account?password_changed=1"


def forgot_page(request: Request, **context: Any) -> Response:
    status_code = context.pop("status_code", 200)
    headers = context.pop("headers", None)
    page = {"form": {}, "errors": {}, "sent": False} | context
    return render(request, "auth/forgot.html", page, status_code=status_code, headers=headers)


def reset_page(request: Request, kind: str, **context: Any) -> Response:
    status_code = context.pop("status_code", 200)
    headers = NO_REFERRER | context.pop("headers", {})
    page = {"kind": kind, "token": "", "email": "", "errors": {}, "sent": False} | context
    return render(request, "auth/reset.html", page, status_code=status_code, headers=headers)


@router.get("/forgot")
async def forgot(request: Request, user: MaybeUser) -> Response:
    return forgot_page(request)


@router.post("/forgot", dependencies=[CsrfChecked])
async def ask_for_reset(
    request: Request, resets: PasswordResetsDep, settings: SettingsDep, email: TextField = ""
) -> Response:
    form = {"email": email}
    try:
        asked = parse(ResetRequest, {"email": email})
        await resets.request(asked.email, client_address(request))
    except ResumateError as error:
        errors = {"form": error.message} if isinstance(error, TooManyRequests) else None
        return forgot_page(
            request,
            form=form,
            errors=errors or errors_from(error),
            status_code=error.status,
            headers=error.headers(),
        )
    if resets.kind == "code":
        return reset_page(request, "code", email=asked.email, sent=True)
    return forgot_page(request, form=form, sent=True, minutes=settings.auth.reset_link_minutes)


@router.get("/reset")
async def reset_with_code(request: Request, resets: PasswordResetsDep, email: str = "") -> Response:
    """Where a mailed code is typed in (Cognito); links go to /reset/<token>."""
    return reset_page(request, resets.kind, email=email[:320])


@router.get("/reset/{token}")
async def reset_with_link(request: Request, token: str, resets: PasswordResetsDep) -> Response:
    try:
        await resets.check(token[:256])
    except ResetLinkInvalid as error:
        return reset_page(
            request, resets.kind, errors={"token": error.message}, status_code=error.status
        )
    return reset_page(request, resets.kind, token=token)


@router.post("/reset", dependencies=[CsrfChecked])
async def reset(
    request: Request,
    resets: PasswordResetsDep,
    auth: AuthBackendDep,
    token: TextField = "",
    password: TextField = "",
    email: TextField = "",
) -> Response:
    fields = {"token": token, "password": password, "email": email or None}
    try:
        confirmed = parse(ResetConfirmation, fields)
        issued = await resets.confirm(
            confirmed.token, confirmed.password, confirmed.email, client_address(request)
        )
    except ResumateError as error:
        errors = errors_from(error)
        if isinstance(error, TooManyRequests):
            errors = {"form": error.message}
        return reset_page(
            request,
            resets.kind,
            token=token if resets.kind == "link" else "",
            email=email,
            errors=errors,
            status_code=error.status,
            headers=error.headers(),
        )
    assert issued is not None
    # This browser starts the one session the account now has, and is told it worked.
    response = RedirectResponse(AFTER_RESET, status_code=303)
    set_session_cookies(response, issued, auth)
    return response
