"""Providers from settings and from what a person enters; the app's provider part."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from pydantic import SecretStr
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from resumate.ai.errors import AINotConfigured, ProviderUnavailable
from resumate.ai.providers.anthropic import AnthropicMessages
from resumate.ai.providers.base import Message, Prompt
from resumate.ai.providers.bedrock import BedrockConverse
from resumate.ai.providers.build import (
    AIProviders,
    describe,
    provider_from_settings,
    user_provider,
)
from resumate.ai.providers.deps import PROVIDER
from resumate.ai.providers.guarded import Guarded
from resumate.ai.providers.local import LocalModel
from resumate.ai.providers.openai_compat import OpenAICompatible
from resumate.ai.providers.urls import UnsafeURL
from resumate.config import AISettings
from tests.ai.providers.wire import serve

PROMPT = Prompt((Message("user", "hi"),), 4)


def operator(**kw: Any) -> AISettings:
    return AISettings(
        provider="openai",
        model="gpt-test",
        api_key=SecretStr("operator-secret"),
        allow_user_providers=True,
        **kw,
    )


def test_no_provider_means_generation_is_off() -> None:
    assert provider_from_settings(AISettings()) is None
    with pytest.raises(AINotConfigured):
        AIProviders(AISettings()).require()


async def test_the_operators_openai_provider_is_guarded_and_described() -> None:
    providers = AIProviders(operator(base_url="https://llm.example.com/v1"))
    provider = providers.require()
    assert isinstance(provider, Guarded)
    assert isinstance(provider.inner, OpenAICompatible)
    assert describe(provider) == "OpenAI-compatible server at llm.example.com, model gpt-test"
    assert describe(AIProviders(operator()).require()) == "OpenAI's API, model gpt-test"
    await providers.close()


def test_the_local_provider_names_its_file(gguf: Path) -> None:
    provider = provider_from_settings(AISettings(provider="local", model_path=gguf))
    assert isinstance(provider, LocalModel)
    assert provider.model == gguf.stem


def test_settings_with_problems_are_refused_at_start() -> None:
    with pytest.raises(ValueError, match="RESUMATE_AI_MODEL"):
        provider_from_settings(AISettings(provider="openai", api_key=SecretStr("k")))


async def test_user_providers_need_the_operators_permission() -> None:
    with pytest.raises(AINotConfigured):
        await user_provider("openai", None, "m", "key", AISettings())


async def test_a_user_url_to_a_private_address_is_refused() -> None:
    with pytest.raises(UnsafeURL):
        await user_provider("openai", "http://169.254.169.254/v1", "m", "k", operator())
    with pytest.raises(UnsafeURL):
        await user_provider("openai", "http://127.0.0.1:8080/v1", "m", "k", operator())


def chat_server(seen: list[str | None]) -> Starlette:
    async def chat(request: Request) -> JSONResponse:
        seen.append(request.headers.get("authorization"))
        return JSONResponse(
            {
                "id": "1",
                "object": "chat.completion",
                "created": 0,
                "model": "m",
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": "hi"},
                        "finish_reason": "stop",
                    }
                ],
                "usage": {"prompt_tokens": 3, "completion_tokens": 1, "total_tokens": 4},
            }
        )

    return Starlette(routes=[Route("/v1/chat/completions", chat, methods=["POST"])])


async def test_a_user_provider_sends_only_the_users_key_never_the_operators() -> None:
    seen: list[str | None] = []
    providers = AIProviders(operator(allow_private_urls=True))
    async with serve(chat_server(seen)) as url:
        for key in ("user-key", None):
            provider = await providers.for_user("openai", f"{url}/v1", "m", key)
            try:
                assert (await provider.complete(PROMPT)).text == "hi"
            finally:
                await provider.aclose()
    assert seen == ["Bearer user-key", "Bearer no-key"]
    await providers.close()


async def test_a_user_provider_checks_the_peer_even_after_the_url_passed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A name that resolved to a public address when checked, then to loopback (rebinding)."""
    seen: list[str | None] = []

    async def looks_public(url: str, *, allow_private: bool) -> str:
        return url

    monkeypatch.setattr("resumate.ai.providers.build.checked_url", looks_public)
    async with serve(chat_server(seen)) as url:
        provider = await AIProviders(operator()).for_user("openai", f"{url}/v1", "m", "k")
        try:
            with pytest.raises(ProviderUnavailable, match="could not be reached"):
                await provider.complete(PROMPT)
        finally:
            await provider.aclose()
    assert seen == []


async def test_the_app_holds_the_providers_part(app: FastAPI) -> None:
    providers = PROVIDER.of(app)
    assert isinstance(providers, AIProviders)
    assert providers.operator is None


async def test_the_operators_anthropic_and_bedrock_providers() -> None:
    claude = provider_from_settings(
        AISettings(provider="anthropic", model="claude-x", api_key=SecretStr("k"))
    )
    assert isinstance(claude, AnthropicMessages)
    assert describe(claude) == "Anthropic's API, model claude-x"
    bedrock = provider_from_settings(
        AISettings(provider="bedrock", model="anthropic.claude-x", region="eu-central-1")
    )
    assert isinstance(bedrock, BedrockConverse)
    assert describe(bedrock) == "Amazon Bedrock in eu-central-1, model anthropic.claude-x"


async def test_a_users_anthropic_provider_needs_their_own_key() -> None:
    with pytest.raises(ValueError, match="key"):
        await user_provider("anthropic", None, "claude-x", None, operator())
    provider = await user_provider("anthropic", None, "claude-x", "user-key", operator())
    assert isinstance(provider, AnthropicMessages)
    await provider.aclose()


def test_a_missing_model_file_is_refused_at_start(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="RESUMATE_AI_MODEL_PATH"):
        provider_from_settings(AISettings(provider="local", model_path=tmp_path / "none.gguf"))
