"""What writing help can do on this site right now, for the Assistant panel."""

from __future__ import annotations

from resumate.ai.check.grammar import DICTIONARIES
from resumate.ai.generation.schemas import (
    Analyzers,
    BudgetStatus,
    GenerationStatus,
    Status,
)
from resumate.ai.match import semantic
from resumate.ai.providers.base import Provider
from resumate.ai.providers.build import describe
from resumate.config import AISettings

TURN_ON = (
    "The site's operator turns writing help on by choosing a language model: set "
    "RESUMATE_AI_PROVIDER to openai (any OpenAI-compatible server, with RESUMATE_AI_BASE_URL), "
    "anthropic, bedrock or local (a GGUF file in RESUMATE_AI_MODEL_PATH), and "
    "RESUMATE_AI_MODEL, then restart. Job match, the writing coach and spelling work without it."
)
BUDGET_OFF = "RESUMATE_AI_DAILY_TOKENS_PER_USER is 0, which turns writing help off."


def status(settings: AISettings, provider: Provider | None, used_today: int | None) -> Status:
    on = provider is not None and settings.daily_tokens_per_user > 0
    how = TURN_ON
    if provider is not None and not on:
        how = BUDGET_OFF
    elif provider is None and settings.provider != "none":
        how = f"{TURN_ON} Now: {'; '.join(settings.problems()) or 'the provider did not start'}."
    if not on and settings.allow_user_providers and settings.daily_tokens_per_user > 0:
        how = f"{how} You can also use your own model: Account → Your own language model."
    return Status(
        analyzers=Analyzers(
            match=True,
            check=True,
            semantic=settings.semantic and semantic.installed(),
            # English by harper's grammar checker, the rest by kept spelling dictionaries.
            spelling=sorted({"en", *DICTIONARIES}),
        ),
        generation=GenerationStatus(
            on=on,
            provider=provider.name if provider else None,
            model=provider.model if provider else None,
            description=describe(provider) if provider else None,
            how_to_turn_on="" if on else how,
        ),
        budget=(
            BudgetStatus(daily_tokens=settings.daily_tokens_per_user, used_today=used_today or 0)
            if on
            else None
        ),
    )
