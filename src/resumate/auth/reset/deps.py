"""The configured provider's password reset, as a dependency."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from resumate.auth.cognito.service import CognitoAuthService
from resumate.auth.deps import AuthServiceDep
from resumate.auth.reset.cognito import CognitoPasswordResets
from resumate.auth.reset.service import LocalPasswordResets, PasswordResets
from resumate.auth.reset.throttle import reset_limit
from resumate.auth.service import AuthService
from resumate.deps import DatabaseDep, SettingsDep
from resumate.mail.deps import PostboxDep


async def get_password_resets(
    provider: AuthServiceDep, database: DatabaseDep, settings: SettingsDep, postbox: PostboxDep
) -> PasswordResets:
    throttle = reset_limit(database.sessionmaker, settings.auth)
    if isinstance(provider, CognitoAuthService):
        return CognitoPasswordResets(provider, throttle, postbox)
    assert isinstance(provider, AuthService)
    return LocalPasswordResets(
        provider,
        database.sessionmaker,
        throttle,
        postbox,
        settings.site_url,
        settings.auth.reset_link_minutes,
    )


PasswordResetsDep = Annotated[PasswordResets, Depends(get_password_resets)]
