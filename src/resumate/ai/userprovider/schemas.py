"""/api/ai/provider bodies: the key goes in and never comes back out."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, SecretStr, StringConstraints

from resumate.schemas import ApiInput, ApiModel

ProviderKind = Literal["openai", "anthropic"]
KIND_NAMES = {"openai": "OpenAI-compatible", "anthropic": "Anthropic"}


class ProviderIn(ApiInput):
    kind: ProviderKind = Field(description="openai: any OpenAI-compatible server; anthropic.")
    base_url: Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)] | None = (
        Field(default=None, description="The server's address; the provider's own API if left out.")
    )
    model: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    api_key: Annotated[SecretStr, StringConstraints(min_length=1, max_length=500)] = Field(
        description="Stored encrypted; never shown again."
    )


class ProviderOut(ApiModel):
    kind: ProviderKind
    base_url: str | None
    model: str
    key_set: bool = True
    key_last4: str = Field(description="The key's last four characters, to tell keys apart.")
