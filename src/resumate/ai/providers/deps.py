"""The app's language model providers, as a dependency."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from resumate.ai.providers.build import AIProviders
from resumate.components import Slot

PROVIDER: Slot[AIProviders] = Slot("ai_providers")
ProvidersDep = Annotated[AIProviders, Depends(PROVIDER)]
