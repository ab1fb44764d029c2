"""The user-provider service, reachable only where the operator allows people's own models."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from resumate.ai.userprovider.service import UserProviderService
from resumate.auth.twofactor.deps import SecretBoxDep
from resumate.deps import SessionDep, SettingsDep
from resumate.errors import NotFound


async def get_user_provider_service(
    session: SessionDep, box: SecretBoxDep, settings: SettingsDep
) -> UserProviderService:
    # As if the feature were not there: nothing to see where the operator has not turned it on.
    if not settings.ai.allow_user_providers:
        raise NotFound()
    return UserProviderService(session, box, settings.ai)


UserProviderServiceDep = Annotated[UserProviderService, Depends(get_user_provider_service)]
