"""Settings of AI assistance (`RESUMATE_AI_*`)."""

from __future__ import annotations

from typing import Literal
from urllib.parse import urlsplit

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from resumate.config.paths import AbsolutePath

AIProviderName = Literal["none", "openai", "anthropic", "bedrock", "local"]


class AISettings(BaseSettings):
    """Writing help. The offline analyzers always run; generation is off until a provider is set."""

    model_config = SettingsConfigDict(env_prefix="RESUMATE_AI_", extra="ignore")

    provider: AIProviderName = "none"
    model: str | None = None
    # An OpenAI-compatible server (Azure, Ollama, vLLM, llama.cpp, LM Studio, OpenRouter);
    # OpenAI's own API when unset.
    base_url: str | None = None
    api_key: SecretStr | None = None
    # The GGUF file the local provider runs in-process; the app never downloads weights.
    model_path: AbsolutePath | None = None
    local_context_tokens: int = Field(default=4096, ge=512, le=131_072)
    local_threads: int | None = Field(default=None, ge=1, le=256)
    # Bedrock's region; by default the one boto3 finds (the ECS task's).
    region: str | None = None
    timeout_seconds: float = Field(default=60, gt=0, le=600)
    max_output_tokens: int = Field(default=1200, ge=64, le=16_384)
    # Per person and day (UTC), input and output tokens together; 0 turns generation off.
    daily_tokens_per_user: int = Field(default=200_000, ge=0)
    calls_per_minute: int = Field(default=10, ge=1, le=1000)
    # Calls in flight at once in one process; more wait, then get 503.
    concurrency: int = Field(default=4, ge=1, le=64)
    # After this many failures in a row a provider rests for breaker_seconds (503 at once).
    breaker_failures: int = Field(default=5, ge=1, le=100)
    breaker_seconds: int = Field(default=60, ge=1, le=3600)
    # People may bring their own OpenAI-compatible or Anthropic key (stored encrypted).
    allow_user_providers: bool = False
    # ...and point it at a private or link-local address (a model on the office network).
    allow_private_urls: bool = False
    # Match requirements to bullets by meaning too, when resumate[semantic] is installed.
    semantic: bool = True

    @property
    def generation_on(self) -> bool:
        return self.provider != "none" and self.daily_tokens_per_user > 0

    def problems(self) -> list[str]:
        """What keeps the chosen provider from answering."""
        problems = []
        needs_model = self.provider in ("openai", "anthropic", "bedrock")
        if needs_model and not self.model:
            problems.append(f"RESUMATE_AI_MODEL must name the model for {self.provider}")
        if self.provider == "anthropic" and self.api_key is None:
            problems.append("RESUMATE_AI_API_KEY must hold the Anthropic API key")
        if self.provider == "openai" and self.base_url is None and self.api_key is None:
            problems.append("RESUMATE_AI_API_KEY must hold the key for OpenAI's API")
        if self.provider == "local" and self.model_path is None:
            problems.append("RESUMATE_AI_MODEL_PATH must point at a GGUF model file")
        if self.base_url is not None:
            parts = urlsplit(self.base_url)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                problems.append("RESUMATE_AI_BASE_URL must be an http(s):// address")
        return problems
