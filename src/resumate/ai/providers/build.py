"""Providers from the operator's settings, and from what a person enters for their own model.

The operator's key lives in the settings and goes only to the operator's provider. A person's
provider is built from their own key and URL alone: nothing from the settings but limits, so an
operator key can never travel to an address a user typed. A user's URL is checked (`urls`) and
their provider's HTTP client re-checks every connection's peer address.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Literal

from resumate.ai.errors import AINotConfigured
from resumate.ai.providers.anthropic import AnthropicMessages
from resumate.ai.providers.base import Provider
from resumate.ai.providers.bedrock import BedrockConverse, bedrock_client
from resumate.ai.providers.guarded import Guards
from resumate.ai.providers.openai_compat import OpenAICompatible
from resumate.ai.providers.urls import checked_url, guarded_http_client

if TYPE_CHECKING:
    from resumate.config import AISettings

UserProviderKind = Literal["openai", "anthropic"]


def provider_from_settings(settings: AISettings) -> Provider | None:
    """The operator's provider, unguarded; None when generation is off."""
    if settings.provider == "none":
        return None
    problems = settings.problems()
    if problems:
        raise ValueError("; ".join(problems))
    key = settings.api_key.get_secret_value() if settings.api_key is not None else None
    if settings.provider == "openai":
        assert settings.model is not None
        return OpenAICompatible(
            model=settings.model,
            base_url=settings.base_url,
            api_key=key,
            timeout=settings.timeout_seconds,
        )
    if settings.provider == "local":
        from resumate.ai.providers.local import LocalModel

        assert settings.model_path is not None
        return LocalModel(
            settings.model_path,
            context_tokens=settings.local_context_tokens,
            threads=settings.local_threads,
        )
    if settings.provider == "anthropic":
        assert settings.model is not None
        assert key is not None
        return AnthropicMessages(
            model=settings.model,
            api_key=key,
            timeout=settings.timeout_seconds,
            base_url=settings.base_url,
        )
    assert settings.model is not None
    # No key: boto3's default chain signs (the ECS task role in the AWS deployment).
    client = bedrock_client(settings.region, settings.timeout_seconds)
    return BedrockConverse(model=settings.model, client=client)


async def user_provider(
    kind: UserProviderKind,
    base_url: str | None,
    model: str,
    api_key: str | None,
    settings: AISettings,
) -> Provider:
    """A person's own provider, unguarded; the caller closes it (`aclose`) after the call.

    Raises AINotConfigured when the operator does not allow people's own providers, and
    ValueError (`urls.UnsafeURL` for a refused URL) with a message fit for the person.
    """
    if not settings.allow_user_providers:
        raise AINotConfigured("This site does not let people bring their own language model.")
    allow_private = settings.allow_private_urls
    url = await checked_url(base_url, allow_private=allow_private) if base_url else None
    client = guarded_http_client(allow_private=allow_private, timeout=settings.timeout_seconds)
    if kind == "anthropic":
        if not api_key:
            await client.aclose()
            raise ValueError("an Anthropic API key is needed")
        return AnthropicMessages(
            model=model,
            api_key=api_key,
            timeout=settings.timeout_seconds,
            base_url=url,
            http_client=client,
        )
    return OpenAICompatible(
        model=model,
        base_url=url,
        api_key=api_key,
        timeout=settings.timeout_seconds,
        http_client=client,
    )


def describe(provider: Provider) -> str:
    """Who will see the text, for the page's privacy line."""
    return f"{provider.description}, model {provider.model}"


class AIProviders:
    """The app's part: the operator's provider behind the guards, and people's own providers."""

    def __init__(self, settings: AISettings) -> None:
        self.settings = settings
        self.guards = Guards(settings)
        raw = provider_from_settings(settings)
        self.operator: Provider | None = self.guards.wrap(raw) if raw is not None else None

    def require(self) -> Provider:
        """The operator's provider; AINotConfigured (503) when generation is off."""
        if self.operator is None or not self.settings.generation_on:
            raise AINotConfigured()
        return self.operator

    async def for_user(
        self, kind: UserProviderKind, base_url: str | None, model: str, api_key: str | None
    ) -> Provider:
        """A person's own provider behind the same guards; the caller closes it (`aclose`)."""
        provider = await user_provider(kind, base_url, model, api_key, self.settings)
        # A person's wrong key or dead server must not rest the provider for everyone else.
        scope = hashlib.sha256(f"{base_url} {api_key}".encode()).hexdigest()
        return self.guards.wrap(provider, scope)

    async def close(self) -> None:
        if self.operator is not None:
            await self.operator.aclose()
