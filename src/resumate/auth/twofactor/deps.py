"""The two-factor service, the key that seals TOTP secrets, local sessions for sign-in, and
the passkey check of the second step."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from resumate.auth.deps import (
    AuthBackendDep,
    AuthServiceDep,
    LocalAuthServiceDep,
    PageUser,
    client_address,
)
from resumate.auth.passkeys.service import PasskeyService
from resumate.auth.service import AuthService
from resumate.auth.twofactor.methods import PasskeyCheck
from resumate.auth.twofactor.service import (
    MANAGED_ELSEWHERE,
    TwoFactorService,
    TwoFactorStatus,
)
from resumate.auth.twofactor.totp import SecretBox
from resumate.components import Slot
from resumate.deps import DatabaseDep, SessionDep, SettingsDep
from resumate.errors import Conflict

SECRET_BOX: Slot[SecretBox] = Slot("two_factor_secrets")
SecretBoxDep = Annotated[SecretBox, Depends(SECRET_BOX)]


async def get_two_factor_service(
    session: SessionDep, box: SecretBoxDep, provider: AuthServiceDep, auth: AuthBackendDep
) -> TwoFactorService:
    return TwoFactorService(
        session, box, provider, auth.throttle, managed_elsewhere=auth.cognito is not None
    )


TwoFactorServiceDep = Annotated[TwoFactorService, Depends(get_two_factor_service)]


async def get_local_auth(service: LocalAuthServiceDep, auth: AuthBackendDep) -> AuthService:
    """Local accounts' sessions: the second step exists only where this app checks passwords."""
    if auth.cognito is not None:
        raise Conflict(MANAGED_ELSEWHERE)
    return service


LocalAuthDep = Annotated[AuthService, Depends(get_local_auth)]


async def get_passkey_check(
    request: Request,
    session: SessionDep,
    database: DatabaseDep,
    auth: AuthBackendDep,
    settings: SettingsDep,
) -> PasskeyCheck:
    """The account's passkeys as a second factor, checked from the caller's address."""
    if auth.cognito is not None:
        raise Conflict(MANAGED_ELSEWHERE)
    service = PasskeyService(session, database.sessionmaker, settings.auth.passkey, auth.throttle)
    return PasskeyCheck(service, client_address(request))


PasskeyCheckDep = Annotated[PasskeyCheck, Depends(get_passkey_check)]


async def page_two_factor_status(user: PageUser, service: TwoFactorServiceDep) -> TwoFactorStatus:
    return await service.status(user)


TwoFactorStatusDep = Annotated[TwoFactorStatus, Depends(page_two_factor_status)]
