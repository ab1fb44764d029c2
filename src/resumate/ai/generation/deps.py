"""The model in use, and a generation service for the caller once writing help is on."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request

from resumate.ai.errors import AINotConfigured
from resumate.ai.generation.budget import Budget
from resumate.ai.generation.service import Generation
from resumate.ai.providers.base import Provider
from resumate.ai.providers.deps import PROVIDER
from resumate.ai.userprovider.service import user_provider_config
from resumate.auth.deps import AuthBackendDep, Caller
from resumate.auth.twofactor.deps import SECRET_BOX
from resumate.deps import DatabaseDep, SettingsDep


async def current_provider(
    request: Request,
    caller: Caller,
    database: DatabaseDep,
    settings: SettingsDep,
    auth: AuthBackendDep,
) -> AsyncIterator[Provider | None]:
    """The caller's own model where the operator allows it and they set one, else the
    operator's; behind timeouts, retry and breaker; None while off.

    A person's own provider lives for the request (a stream's included) and is closed after.
    """
    providers = PROVIDER.find(request.app)
    if providers is None:
        yield None
        return
    own: Provider | None = None
    box = SECRET_BOX.find(request.app)
    if settings.ai.allow_user_providers and box is not None:
        # A short session of its own: none is held while a model works.
        async with database.sessionmaker() as session:
            user = await auth.authenticator.user(session, caller)
            config = await user_provider_config(session, user.id, box, settings.ai)
        if config is not None:
            key = config.api_key.get_secret_value()
            own = await providers.for_user(config.kind, config.base_url, config.model, key)
    try:
        yield own if own is not None else providers.operator
    finally:
        if own is not None:
            await own.aclose()


ProviderDep = Annotated[Provider | None, Depends(current_provider)]


async def get_budget(database: DatabaseDep, settings: SettingsDep) -> Budget:
    return Budget.from_settings(database.sessionmaker, settings.ai)


BudgetDep = Annotated[Budget, Depends(get_budget)]


async def get_generation(
    caller: Caller,
    provider: ProviderDep,
    budget: BudgetDep,
    database: DatabaseDep,
    settings: SettingsDep,
    auth: AuthBackendDep,
) -> Generation:
    """Writing help for the caller; 503 ai_not_configured while it is off (before the body is
    looked at, so nothing of it is used)."""
    if provider is None or settings.ai.daily_tokens_per_user <= 0:
        raise AINotConfigured()
    return Generation(
        provider=provider,
        budget=budget,
        sessionmaker=database.sessionmaker,
        authenticator=auth.authenticator,
        caller=caller,
        max_tokens=settings.ai.max_output_tokens,
    )


GenerationDep = Annotated[Generation, Depends(get_generation)]
