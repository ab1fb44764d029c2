"""/api: the second sign-in step, and two-factor on the account (/api/account/two-factor)."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from resumate.auth.cookies import session_body
from resumate.auth.deps import AuthBackendDep, CurrentUser
from resumate.auth.passkeys.schemas import Options
from resumate.auth.schemas import Session
from resumate.auth.twofactor.deps import (
    LocalAuthDep,
    PasskeyCheckDep,
    SecretBoxDep,
    TwoFactorServiceDep,
)
from resumate.auth.twofactor.schemas import (
    PasswordConfirmation,
    PendingToken,
    RecoveryCodesOut,
    SecondFactorProof,
    TotpConfirmation,
    TotpSetupOut,
    TwoFactorRemoval,
    TwoFactorStatusOut,
)
from resumate.auth.twofactor.signin import complete_sign_in, passkey_options
from resumate.deps import SessionDep
from resumate.openapi import responses

router = APIRouter(tags=["two-factor"])


@router.post(
    "/api/auth/login/second-factor",
    response_model=Session,
    responses=responses(401, 409, 422, 429),
)
async def second_factor(
    body: SecondFactorProof,
    response: Response,
    session: SessionDep,
    local: LocalAuthDep,
    box: SecretBoxDep,
    passkeys: PasskeyCheckDep,
    auth: AuthBackendDep,
) -> Session:
    """The second step of a sign-in that answered `secondFactor`: its token and a code.

    The code is the app's 6 digits, a recovery code, or, with `method: "passkey"`, the JSON of
    the browser's answer (`PublicKeyCredential.toJSON()`) to the options of
    `POST /api/auth/login/second-factor/passkey`. 401 when the token is unknown, used or older
    than five minutes (sign in again); 422 naming `code` for a wrong code or a refused passkey
    (try again with the same token); 429 after too many wrong codes.
    """
    user = await complete_sign_in(
        session,
        auth.throttle,
        box,
        passkeys,
        token=body.token,
        proof=body.code,
        method=body.method,
    )
    return session_body(await local.start_session(user), response, auth)


@router.post(
    "/api/auth/login/second-factor/passkey",
    response_model=Options,
    responses=responses(401, 404, 409, 422),
)
async def second_factor_passkey(
    body: PendingToken, session: SessionDep, passkeys: PasskeyCheckDep
) -> Options:
    """Options for `navigator.credentials.get()` that only this sign-in's account's passkeys
    answer, when `secondFactor.methods` holds "passkey" (two-step on and a passkey added).

    Send the answer's JSON as `code`, with `method: "passkey"`, to
    `POST /api/auth/login/second-factor`. The token is checked, not spent. 401 when it is no
    good; 404 when the account has no passkey to ask for.
    """
    return Options(public_key=await passkey_options(session, passkeys, body.token))


@router.get("/api/account/two-factor", response_model=TwoFactorStatusOut, responses=responses(401))
async def two_factor_status(user: CurrentUser, service: TwoFactorServiceDep) -> TwoFactorStatusOut:
    return TwoFactorStatusOut.model_validate(await service.status(user))


@router.post(
    "/api/account/two-factor/totp",
    status_code=status.HTTP_201_CREATED,
    response_model=TotpSetupOut,
    responses=responses(401, 409),
)
async def start_totp(user: CurrentUser, service: TwoFactorServiceDep) -> TotpSetupOut:
    """A new secret for an authenticator app; it counts once `confirm` sees a code from it."""
    setup = await service.start_totp(user)
    return TotpSetupOut(secret=setup.secret, otpauth_uri=setup.uri, qr_svg=setup.qr_svg)


@router.post(
    "/api/account/two-factor/totp/confirm",
    response_model=RecoveryCodesOut,
    responses=responses(401, 409, 422),
)
async def confirm_totp(
    body: TotpConfirmation, user: CurrentUser, service: TwoFactorServiceDep
) -> RecoveryCodesOut:
    """Two-factor goes on; the answer holds the ten recovery codes, shown this once."""
    return RecoveryCodesOut(recovery_codes=await service.enable_totp(user, body.code))


@router.post(
    "/api/account/two-factor/recovery-codes",
    response_model=RecoveryCodesOut,
    responses=responses(401, 409, 422),
)
async def new_recovery_codes(
    body: PasswordConfirmation, user: CurrentUser, service: TwoFactorServiceDep
) -> RecoveryCodesOut:
    """Ten new recovery codes; the earlier ones stop working."""
    return RecoveryCodesOut(recovery_codes=await service.new_recovery_codes(user, body.password))


@router.delete(
    "/api/account/two-factor",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=responses(401, 409, 422, 429),
)
async def turn_off(
    body: TwoFactorRemoval, user: CurrentUser, service: TwoFactorServiceDep
) -> Response:
    """Off, with the password and a code from the app or a recovery code."""
    await service.disable(user, body.password, body.code)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
