"""Tidying for the caller, once they have an assistant: their own model or the operator's."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from resumate.ai.errors import AINotConfigured
from resumate.ai.generation.deps import BudgetDep, ProviderDep
from resumate.auth.deps import AuthBackendDep, Caller
from resumate.deps import DatabaseDep, SettingsDep
from resumate.tidy.service import Tidying
from resumate.transfer.deps import ReaderDep

NO_ASSISTANT = (
    "No assistant is set up to tidy an import: the site's operator has not chosen a language"
    " model, and you have not set your own. The reading is complete without it."
)


async def get_tidying(
    caller: Caller,
    provider: ProviderDep,
    budget: BudgetDep,
    reader: ReaderDep,
    database: DatabaseDep,
    settings: SettingsDep,
    auth: AuthBackendDep,
) -> Tidying:
    """503 ai_not_configured without an assistant, before the file is looked at."""
    if provider is None or settings.ai.daily_tokens_per_user <= 0:
        raise AINotConfigured(NO_ASSISTANT)
    return Tidying(
        provider=provider,
        budget=budget,
        sessionmaker=database.sessionmaker,
        authenticator=auth.authenticator,
        caller=caller,
        reader=reader,
        max_tokens=settings.ai.max_output_tokens,
    )


TidyingDep = Annotated[Tidying, Depends(get_tidying)]
