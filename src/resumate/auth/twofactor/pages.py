"""Pages: the code step of signing in, and two-step verification on the account."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from resumate.auth.cookies import set_session_cookies
from resumate.auth.deps import AuthBackendDep, MaybeUser, PageUser, PageWriter
from resumate.auth.models import User
from resumate.auth.passkeys.deps import PasskeyOffer, PasskeyOfferDep
from resumate.auth.targets import HOME, safe_next
from resumate.auth.twofactor.cookies import PENDING_COOKIE, clear_pending
from resumate.auth.twofactor.deps import (
    LocalAuthDep,
    PasskeyCheckDep,
    SecretBoxDep,
    TwoFactorServiceDep,
)
from resumate.auth.twofactor.methods import PasskeyMethod
from resumate.auth.twofactor.signin import (
    EXPIRED,
    complete_sign_in,
    offered_methods,
    passkey_options,
)
from resumate.deps import SessionDep
from resumate.errors import FieldError, ResumateError, Unauthorized, ValidationFailed
from resumate.web.csrf import CsrfChecked
from resumate.web.forms import errors_from
from resumate.web.handlers import error_response
from resumate.web.templating import render

router = APIRouter(include_in_schema=False)

CodeField = Annotated[str, Form(max_length=64)]
# The sign-in's code may be a passkey's answer, as JSON (the API's limit).
ProofField = Annotated[str, Form(max_length=8192)]
TextField = Annotated[str, Form(max_length=4096)]
MANAGE = "/account/two-factor"
# Each form on the management page names its fields apart, so an error shows at its own form.
CODES_FIELDS = {"password": "codes_password"}
OFF_FIELDS = {"password": "off_password", "code": "off_code"}


def _required(value: str, field: str = "code") -> str:
    if not value.strip():
        raise ValidationFailed(
            f"Enter the {field}.", fields=[FieldError(field=field, message="is required")]
        )
    return value


def _method(method: str | None) -> str:
    """The code the page asks for: a passkey's answer comes with the app's code field shown."""
    return "recovery" if method == "recovery" else "totp"


async def _passkey_offered(request: Request, session: SessionDep, offer: PasskeyOffer) -> bool:
    """Whether the page offers "Use a passkey": the pending account has one as a second
    factor, and this page's address can use passkeys."""
    if not (offer.shown and offer.availability.usable):
        return False
    offered = await offered_methods(session, request.cookies.get(PENDING_COOKIE))
    return PasskeyMethod.name in offered


@router.get("/login/two-step")
async def second_step_page(
    request: Request,
    user: MaybeUser,
    session: SessionDep,
    offer: PasskeyOfferDep,
    next: str | None = None,
    method: str | None = None,
) -> Response:
    if user is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    if not request.cookies.get(PENDING_COOKIE):
        return RedirectResponse(f"/login?next={safe_next(next)}", status_code=303)
    page = {
        "next": safe_next(next),
        "method": _method(method),
        "errors": {},
        "passkey": await _passkey_offered(request, session, offer),
    }
    return render(request, "auth/two_step.html", page)


@router.post("/login/two-step/passkey", dependencies=[CsrfChecked])
async def second_step_passkey_options(
    request: Request, session: SessionDep, passkeys: PasskeyCheckDep
) -> Response:
    """The page script's options for the browser's passkey prompt, for the pending sign-in."""
    try:
        public_key = await passkey_options(
            session, passkeys, request.cookies.get(PENDING_COOKIE) or ""
        )
    except ResumateError as error:
        return error_response(error)
    return JSONResponse({"publicKey": public_key})


@router.post("/login/two-step", dependencies=[CsrfChecked])
async def second_step(
    request: Request,
    session: SessionDep,
    local: LocalAuthDep,
    box: SecretBoxDep,
    passkeys: PasskeyCheckDep,
    offer: PasskeyOfferDep,
    auth: AuthBackendDep,
    code: ProofField = "",
    method: TextField = "totp",
    next: TextField = HOME,
) -> Response:
    target, shown = safe_next(next), _method(method)
    proof_method = PasskeyMethod.name if method == PasskeyMethod.name else shown
    try:
        token = request.cookies.get(PENDING_COOKIE)
        if not token:
            raise Unauthorized(EXPIRED)
        user = await complete_sign_in(
            session,
            auth.throttle,
            box,
            passkeys,
            token=token,
            proof=_required(code),
            method=proof_method,
        )
    except Unauthorized as error:
        # The pending sign-in is gone: start again from the password.
        page: dict[str, Any] = {"next": target, "form": {}, "errors": {"form": error.message}}
        response = render(request, "auth/login.html", page, status_code=error.status)
        clear_pending(response)
        return response
    except ResumateError as error:
        errors = errors_from(error)
        if "method" in errors:
            errors = {"form": errors.pop("method")}
        if proof_method == PasskeyMethod.name:  # the passkey's answer is no field to correct
            errors = {"form": error.message}
        page = {
            "next": target,
            "method": shown,
            "errors": errors,
            "passkey": await _passkey_offered(request, session, offer),
        }
        return render(
            request, "auth/two_step.html", page, status_code=error.status, headers=error.headers()
        )
    signed_in = RedirectResponse(target, status_code=303)
    set_session_cookies(signed_in, await local.start_session(user), auth)
    clear_pending(signed_in)
    return signed_in


async def manage_page(
    request: Request,
    user: User,
    service: TwoFactorServiceDep,
    *,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
    **flags: Any,
) -> Response:
    page = {"status": await service.status(user), "errors": errors or {}, **flags}
    return render(
        request, "account/two_factor.html", page, status_code=status_code, headers=headers
    )


def codes_page(request: Request, codes: list[str], *, fresh_set: bool) -> Response:
    page = {"codes": codes, "codes_text": "\n".join(codes) + "\n", "fresh_set": fresh_set}
    return render(request, "account/recovery_codes.html", page)


@router.get(MANAGE)
async def manage(
    request: Request,
    user: PageUser,
    service: TwoFactorServiceDep,
    turned_off: bool = False,
) -> Response:
    return await manage_page(request, user, service, turned_off=turned_off)


@router.post(f"{MANAGE}/setup")
async def set_up(request: Request, user: PageWriter, service: TwoFactorServiceDep) -> Response:
    try:
        setup = await service.start_totp(user)
    except ResumateError as error:
        return await manage_page(
            request, user, service, errors=errors_from(error), status_code=error.status
        )
    return render(request, "account/totp_setup.html", {"setup": setup, "errors": {}})


@router.post(f"{MANAGE}/enable")
async def enable(
    request: Request, user: PageWriter, service: TwoFactorServiceDep, code: CodeField = ""
) -> Response:
    try:
        codes = await service.enable_totp(user, _required(code))
    except ValidationFailed as error:
        setup = await service.pending_setup(user)
        if setup is not None:
            page = {"setup": setup, "errors": errors_from(error)}
            return render(request, "account/totp_setup.html", page, status_code=error.status)
        return await manage_page(request, user, service, errors={"form": error.message})
    except ResumateError as error:
        return await manage_page(
            request, user, service, errors={"form": error.message}, status_code=error.status
        )
    return codes_page(request, codes, fresh_set=False)


@router.post(f"{MANAGE}/recovery-codes")
async def new_codes(
    request: Request,
    user: PageWriter,
    service: TwoFactorServiceDep,
    codes_password: TextField = "",
) -> Response:
    try:
        codes = await service.new_recovery_codes(user, _required(codes_password, "password"))
    except ResumateError as error:
        errors = errors_from(error, CODES_FIELDS)
        return await manage_page(request, user, service, errors=errors, status_code=error.status)
    return codes_page(request, codes, fresh_set=True)


@router.post(f"{MANAGE}/disable")
async def turn_off(
    request: Request,
    user: PageWriter,
    service: TwoFactorServiceDep,
    off_password: TextField = "",
    off_code: CodeField = "",
) -> Response:
    try:
        await service.disable(user, _required(off_password, "password"), _required(off_code))
    except ResumateError as error:
        errors = errors_from(error, OFF_FIELDS)
        return await manage_page(
            request,
            user,
            service,
            errors=errors,
            status_code=error.status,
            headers=error.headers(),
        )
    return RedirectResponse(f"{MANAGE}?turned_off=1", status_code=303)
