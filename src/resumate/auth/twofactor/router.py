"""/api: the second sign-in step, and two-factor on the account (/api/account/two-factor)."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from resumate.auth.cookies import session_body
from resumate.auth.deps import AuthBackendDep, CurrentUser
from resumate.auth.schemas import Session
from resumate.auth.twofactor.deps import LocalAuthDep, SecretBoxDep, TwoFactorServiceDep
from resumate.auth.twofactor.schemas import (
    PasswordConfirmation,
    RecoveryCodesOut,
    SecondFactorProof,
    TotpConfirmation,
    TotpSetupOut,
    TwoFactorRemoval,
    TwoFactorStatusOut,
)
from resumate.auth.twofactor.signin import complete_sign_in
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
    auth: AuthBackendDep,
) -> Session:
    """The second step of a sign-in that answered `secondFactor`: its token and a code.

    401 when the token is unknown, used or older than five minutes (sign in again); 422 naming
    `code` for a wrong code (try again with the same token); 429 after too many wrong codes.
    """
    user = await complete_sign_in(
        session, auth.throttle, box, token=body.token, proof=body.code, method=body.method
    )
    return session_body(await local.start_session(user), response, auth)


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
