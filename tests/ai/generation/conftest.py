"""A resume to help with, and the app answering with a scripted model and a chosen budget."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from resumate.ai.generation.budget import Budget
from resumate.ai.generation.deps import current_provider, get_budget
from resumate.ai.providers.base import Provider
from tests.ai.llm import gguf, llama_server, local_model
from tests.ai.scripted import Scripted
from tests.helpers import Account, AppParts, create_resume

__all__ = ["gguf", "llama_server", "local_model"]

# What no prompt may carry: the person's name and every way to reach or place them.
PRIVATE = (
    "Rosa",
    "rosa@",
    "555 0100",
    "rosa.example",
    "Tucson",
    "Arizona",
    "LinkedIn",
    "linkedin",
    ".org",
)

RESUME: dict[str, Any] = {
    "basics": {
        "name": "Rosa Díaz",
        "email": "rosa@example.com",
        "phone": "+1 555 0100",
        "url": "https://rosa.example.org",
        "location": {"city": "Tucson", "region": "Arizona"},
        "profiles": [{"network": "LinkedIn", "url": "https://linkedin.example/rosadiaz"}],
        "label": "Registered nurse",
        "summary": "Nurse with 6 years on surgical wards.",
    },
    "work": [
        {
            "name": "St. Mary's Hospital",
            "url": "https://stmarys.example.org",
            "location": "Tucson",
            "position": "Charge Nurse",
            "startDate": "2019-04",
            "highlights": [
                "Responsible for a team of 12 nurses on night shifts",
                "Cut medication errors by 30% with a double-check routine",
            ],
        }
    ],
    "skills": [{"name": "Patient care", "keywords": ["Triage", "Wound care"]}],
}

Install = Callable[..., Scripted]


@pytest.fixture
def use(app: FastAPI, context: AppParts) -> Iterator[Callable[..., None]]:
    """Turns writing help on with `provider`, with a chosen budget, for one test."""

    def install(provider: Provider, daily: int = 100_000, per_minute: int = 100) -> None:
        budget = Budget(context.sessionmaker, daily_tokens=daily, calls_per_minute=per_minute)
        app.dependency_overrides[current_provider] = lambda: provider
        app.dependency_overrides[get_budget] = lambda: budget

    yield install
    app.dependency_overrides.pop(current_provider, None)
    app.dependency_overrides.pop(get_budget, None)


@pytest.fixture
def model(use: Callable[..., None]) -> Install:
    """Turns writing help on with a scripted model answering `answers`; options set the budget."""

    def install(*answers: str, daily: int = 100_000, per_minute: int = 100, **kw: Any) -> Scripted:
        scripted = Scripted(list(answers), **kw)
        use(scripted, daily, per_minute)
        return scripted

    return install


async def nurse_resume(client: httpx.AsyncClient, account: Account) -> str:
    created = await create_resume(client, account, title="Nurse", data=RESUME)
    return str(created["id"])
