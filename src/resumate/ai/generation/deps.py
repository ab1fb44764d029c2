"""The model in use, and a generation service for the caller once writing help is on."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from resumate.ai.errors import AINotConfigured
from resumate.ai.generation.budget import Budget
from resumate.ai.generation.service import Generation
from resumate.ai.providers.base import Provider
from resumate.ai.providers.deps import PROVIDER
from resumate.auth.deps import AuthBackendDep, Caller
from resumate.deps import DatabaseDep, SettingsDep


async def current_provider(request: Request) -> Provider | None:
    """The operator's provider, behind its timeouts, retry and breaker; None while off."""
    providers = PROVIDER.find(request.app)
    return providers.operator if providers is not None else None


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
