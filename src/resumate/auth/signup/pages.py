"""Pages: sign up, "check your e-mail" (send it again), and the link that finishes the sign-up.

Opening the link only shows a Confirm button: mail scanners fetch links to look at them, and a
GET must not spend the token. The button's POST creates the account and signs it in.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Form, Request
from fastapi.responses import RedirectResponse, Response

from resumate.auth.cookies import set_session_cookies
from resumate.auth.deps import AuthBackendDep, AuthServiceDep, MaybeUser, client_address
from resumate.auth.schemas import Credentials
from resumate.auth.service import normalise_email
from resumate.auth.signup.repository import LIFETIME
from resumate.auth.signup.schemas import AddressOnly
from resumate.auth.signup.service import pending_sign_up
from resumate.deps import SessionDep, SettingsDep
from resumate.errors import BadRequest, Conflict, ResumateError
from resumate.web.csrf import CsrfChecked
from resumate.web.forms import errors_from, parse
from resumate.web.templating import render

router = APIRouter(include_in_schema=False)

HOME = "/resumes"
TextField = Annotated[str, Form(max_length=4096)]
# The link's token must not leave in a Referer header (to an image, a link on the page).
NO_REFERRER = {"Referrer-Policy": "no-referrer"}


def check_email_page(
    request: Request,
    settings: SettingsDep,
    email: str,
    *,
    resent: bool = False,
    error: ResumateError | None = None,
) -> Response:
    page = {
        "email": email,
        "resent": resent,
        "error": error.message if error else None,
        # `make run` without a mail server: the link is printed where the app runs.
        "outbox": settings.mail.backend == "outbox",
    }
    status = error.status if error else 200
    headers = error.headers() if error else None
    return render(request, "auth/check_email.html", page, status_code=status, headers=headers)


def link_page(request: Request, state: str, token: str = "", status_code: int = 200) -> Response:
    """The link's page: `confirm` (the button), `expired` (ask again) or `registered`."""
    page = {"state": state, "token": token}
    return render(
        request, "auth/verify_email.html", page, status_code=status_code, headers=NO_REFERRER
    )


# Where the browser that signed up goes once its link is confirmed (a template it picked, say).
NEXT_COOKIE = "resumate_after_signup"


def safe_next(target: str | None) -> str:
    """Only a path on this site: never another origin (`//evil`, `/\\evil`, `https://...`)."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return HOME
    return target


@router.get("/signup")
async def signup_page(request: Request, user: MaybeUser, next: str | None = None) -> Response:
    if user is not None:
        return RedirectResponse(HOME, status_code=303)
    return render(request, "auth/signup.html", {"next": safe_next(next), "form": {}, "errors": {}})


@router.post("/signup", dependencies=[CsrfChecked])
async def signup(
    request: Request,
    service: AuthServiceDep,
    settings: SettingsDep,
    background: BackgroundTasks,
    email: TextField = "",
    password: TextField = "",
    next: TextField = HOME,
) -> Response:
    """The same "check your e-mail" page whether or not the address has an account."""
    try:
        credentials = parse(Credentials, {"email": email, "password": password})
        background.add_task(
            await service.register(credentials.email, credentials.password, client_address(request))
        )
    except ResumateError as error:
        page = {"next": safe_next(next), "form": {"email": email}, "errors": errors_from(error)}
        return render(
            request, "auth/signup.html", page, status_code=error.status, headers=error.headers()
        )
    response = check_email_page(request, settings, normalise_email(credentials.email))
    if safe_next(next) != HOME:
        response.set_cookie(
            NEXT_COOKIE,
            safe_next(next),
            max_age=int(LIFETIME.total_seconds()),
            httponly=True,
            secure=settings.secure_cookies,
            samesite="lax",
        )
    return response


@router.post("/signup/resend", dependencies=[CsrfChecked])
async def resend(
    request: Request,
    service: AuthServiceDep,
    settings: SettingsDep,
    background: BackgroundTasks,
    email: TextField = "",
) -> Response:
    try:
        address = parse(AddressOnly, {"email": email}).email
        background.add_task(await service.resend_confirmation(address, client_address(request)))
    except ResumateError as error:
        return check_email_page(request, settings, email, error=error)
    return check_email_page(request, settings, normalise_email(address), resent=True)


@router.get("/verify-email/{token}")
async def verify_page(request: Request, token: str, session: SessionDep) -> Response:
    """Looks, spends nothing: the Confirm button does."""
    try:
        await pending_sign_up(session, token)
    except BadRequest:
        return link_page(request, "expired", status_code=400)
    return link_page(request, "confirm", token)


@router.post("/verify-email/{token}", dependencies=[CsrfChecked])
async def verify(
    request: Request, token: str, service: AuthServiceDep, auth: AuthBackendDep
) -> Response:
    try:
        issued = await service.verify_email(token)
    except BadRequest:
        return link_page(request, "expired", status_code=400)
    except Conflict as error:
        return link_page(request, "registered", status_code=error.status)
    if issued is None:  # the identity provider checks the password: sign in next
        return link_page(request, "confirmed")
    response = RedirectResponse(safe_next(request.cookies.get(NEXT_COOKIE)), status_code=303)
    response.delete_cookie(NEXT_COOKIE)
    set_session_cookies(response, issued, auth)
    return response
