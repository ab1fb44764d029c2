"""Pages: change the e-mail address (its own page shows what went wrong), and the link that
confirms it, which only shows a Confirm button until it is pressed (scanners fetch links)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Form, Request
from fastapi.responses import RedirectResponse, Response

from resumate.auth.deps import AuthServiceDep, PageUser, PageWriter, client_address
from resumate.auth.models import User
from resumate.auth.service import normalise_email
from resumate.auth.signup.email_change import pending_change
from resumate.auth.signup.schemas import EmailChange
from resumate.deps import SessionDep
from resumate.errors import BadRequest, Conflict, ResumateError
from resumate.web.forms import errors_from, parse
from resumate.web.templating import render

router = APIRouter(include_in_schema=False)

TextField = Annotated[str, Form(max_length=4096)]
NO_REFERRER = {"Referrer-Policy": "no-referrer"}


def email_page(
    request: Request,
    user: User,
    *,
    form: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    sent_to: str | None = None,
    changed: bool = False,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
) -> Response:
    page = {
        "form": form or {},
        "errors": errors or {},
        "sent_to": sent_to,
        "changed": changed,
    }
    return render(request, "account/email.html", page, status_code=status_code, headers=headers)


def link_page(request: Request, state: str, token: str = "", status_code: int = 200) -> Response:
    """`confirm` (the button), `expired`, `taken` or `foreign` (another account's link)."""
    return render(
        request,
        "account/confirm_email.html",
        {"state": state, "token": token},
        status_code=status_code,
        headers=NO_REFERRER,
    )


@router.get("/account/email")
async def email_form(request: Request, user: PageUser, changed: bool = False) -> Response:
    return email_page(request, user, changed=changed)


@router.post("/account/email")
async def request_change(
    request: Request,
    user: PageWriter,
    service: AuthServiceDep,
    background: BackgroundTasks,
    email: TextField = "",
    password: TextField = "",
) -> Response:
    """The same page whether or not the new address is taken: its inbox says which."""
    try:
        change = parse(EmailChange, {"email": email, "password": password})
        background.add_task(
            await service.request_email_change(
                user, change.email, change.password, client_address(request)
            )
        )
    except ResumateError as error:
        return email_page(
            request,
            user,
            form={"email": email},
            errors=errors_from(error),
            status_code=error.status,
            headers=error.headers(),
        )
    return email_page(request, user, sent_to=normalise_email(change.email))


@router.get("/account/email/confirm/{token}")
async def confirm_page(
    request: Request, token: str, user: PageUser, session: SessionDep
) -> Response:
    """Looks, spends nothing: the Confirm button does."""
    try:
        await pending_change(session, user, token)
    except BadRequest:
        return link_page(request, "expired", status_code=400)
    except ResumateError as error:  # another account's link
        return link_page(request, "foreign", status_code=error.status)
    return link_page(request, "confirm", token)


@router.post("/account/email/confirm/{token}")
async def confirm(
    request: Request,
    token: str,
    user: PageWriter,
    service: AuthServiceDep,
    background: BackgroundTasks,
) -> Response:
    try:
        background.add_task(await service.confirm_email_change(user, token))
    except BadRequest:
        return link_page(request, "expired", status_code=400)
    except Conflict as error:
        return link_page(request, "taken", status_code=error.status)
    except ResumateError as error:
        return link_page(request, "foreign", status_code=error.status)
    return RedirectResponse("/account/email?changed=1", status_code=303)
