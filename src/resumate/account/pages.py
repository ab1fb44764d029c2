"""The account page: change password, download my data, sign out everywhere, delete my account."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from resumate.account.deps import AccountServiceDep
from resumate.auth.cookies import clear_session_cookies, set_session_cookies
from resumate.auth.deps import AuthBackendDep, AuthServiceDep, PageUser, PageWriter
from resumate.auth.models import User
from resumate.auth.passkeys.deps import PasskeyOffer, PasskeySectionDep
from resumate.auth.schemas import AccountDeletion, PasswordChange
from resumate.auth.twofactor.deps import TwoFactorStatusDep
from resumate.auth.twofactor.service import TwoFactorStatus
from resumate.deps import SETTINGS
from resumate.errors import FieldError, ResumateError, ValidationFailed
from resumate.web.forms import errors_from, parse
from resumate.web.templating import render

router = APIRouter(include_in_schema=False)

TextField = Annotated[str, Form(max_length=4096)]
# The service and schemas speak the API's camelCase; the forms use these names.
PASSWORD_FIELDS = {"currentPassword": "current_password", "newPassword": "new_password"}
CONFIRMATION = "delete my account"


def account_page(
    request: Request,
    user: User,
    passkeys: PasskeyOffer,
    two_factor: TwoFactorStatus,
    *,
    errors: dict[str, str] | None = None,
    password_changed: bool = False,
    status_code: int = 200,
) -> Response:
    settings = SETTINGS.find(request.app)
    page = {
        "member_since": f"{user.created_at:%-d %B %Y}",
        "own_model": settings is not None and settings.ai.allow_user_providers,
        "errors": errors or {},
        "password_changed": password_changed,
        "confirmation": CONFIRMATION,
        "passkeys": passkeys,
        "two_factor": two_factor,
    }
    return render(request, "account/account.html", page, status_code=status_code)


def delete_page(
    request: Request, errors: dict[str, str], typed: str = "", status_code: int = 200
) -> Response:
    page = {"errors": errors, "typed": typed, "confirmation": CONFIRMATION}
    return render(request, "account/delete.html", page, status_code=status_code)


@router.get("/account")
async def account(
    request: Request,
    user: PageUser,
    passkeys: PasskeySectionDep,
    two_factor: TwoFactorStatusDep,
    password_changed: bool = False,
) -> Response:
    return account_page(request, user, passkeys, two_factor, password_changed=password_changed)


@router.post("/account/password")
async def change_password(
    request: Request,
    user: PageWriter,
    service: AuthServiceDep,
    auth: AuthBackendDep,
    passkeys: PasskeySectionDep,
    two_factor: TwoFactorStatusDep,
    current_password: TextField = "",
    new_password: TextField = "",
) -> Response:
    """Every other session ends; this browser carries on with a fresh one."""
    fields = {"current_password": current_password, "new_password": new_password}
    try:
        change = parse(PasswordChange, fields, PASSWORD_FIELDS)
        issued = await service.change_password(user, change.current_password, change.new_password)
    except ResumateError as error:
        errors = errors_from(error, PASSWORD_FIELDS)
        return account_page(
            request, user, passkeys, two_factor, errors=errors, status_code=error.status
        )
    # Redirect after the post, so reloading the page does not send the passwords again.
    response = RedirectResponse("/account?password_changed=1", status_code=303)
    set_session_cookies(response, issued, auth)
    return response


@router.post("/account/sign-out-everywhere")
async def sign_out_everywhere(user: PageWriter, service: AuthServiceDep) -> Response:
    await service.end_all_sessions(user)
    response = RedirectResponse("/login?signed_out=1", status_code=303)
    clear_session_cookies(response)
    return response


@router.get("/account/delete")
async def delete_confirmation(request: Request, user: PageUser) -> Response:
    """The delete form as a page of its own: for browsers that cannot open the dialog, and for
    showing what was wrong with an attempt."""
    return delete_page(request, {})


@router.post("/account/delete")
async def delete_account(
    request: Request,
    user: PageWriter,
    accounts: AccountServiceDep,
    password: TextField = "",
    confirm: TextField = "",
) -> Response:
    """The same steps as `DELETE /api/account`, with the typed confirmation on top."""
    try:
        deletion = parse(AccountDeletion, {"password": password})
        if " ".join(confirm.split()).casefold() != CONFIRMATION:
            raise ValidationFailed(
                f"Type “{CONFIRMATION}” to confirm.",
                fields=[FieldError(field="confirm", message="does not match")],
            )
        await accounts.delete(user, deletion.password)
    except ResumateError as error:
        return delete_page(request, errors_from(error), confirm, status_code=error.status)
    response = RedirectResponse("/?deleted=1", status_code=303)
    clear_session_cookies(response)
    return response
