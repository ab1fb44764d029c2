"""Chat Completions through the official `openai` SDK: OpenAI, Azure's v1 endpoint, Ollama, vLLM,
llama.cpp's server, LM Studio, OpenRouter — anything that speaks the same wire format.

Servers differ in what they accept, and say so differently: llama-cpp-python's server answers a
JSON-schema `response_format` with a 500 whose message names the field, others with a 400 or
422. Any of those, naming `response_format`, becomes `ModeRefused` so the ladder moves on.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any, cast
from urllib.parse import urlsplit

import httpx2
import openai

from resumate.ai.errors import ProviderUnavailable
from resumate.ai.providers.base import (
    Finish,
    ModeRefused,
    OutputMode,
    Prompt,
    ProviderName,
    Reply,
    Transient,
    Usage,
)

_FINISH: dict[str | None, Finish] = {
    "stop": "stop",
    "length": "length",
    "content_filter": "filtered",
}
_MODE_WORDS = ("response_format", "json_schema", "json_object")


class OpenAICompatible:
    """A Chat Completions endpoint; `base_url` None means OpenAI's own API."""

    name: ProviderName = "openai"

    def __init__(
        self,
        *,
        model: str,
        base_url: str | None,
        api_key: str | None,
        timeout: float,
        http_client: httpx2.AsyncClient | None = None,
        modes: frozenset[OutputMode] = frozenset({"schema", "object", "text"}),
    ) -> None:
        self._model = model
        self._modes = modes
        host = urlsplit(base_url).netloc if base_url else "api.openai.com"
        self._description = (
            "OpenAI's API" if host == "api.openai.com" else f"OpenAI-compatible server at {host}"
        )
        self._base_url = base_url
        self._api_key = api_key
        self._timeout = timeout
        self._http_client = http_client
        self._opened: openai.AsyncOpenAI | None = None
        self._usage_in_stream = True

    @property
    def _client(self) -> openai.AsyncOpenAI:
        # Opened on use, so an app whose lifespan ran twice reopens what the first one closed.
        if self._opened is None:
            self._opened = openai.AsyncOpenAI(
                # Always explicit: left out, the SDK reads OPENAI_BASE_URL from the environment.
                base_url=self._base_url or "https://api.openai.com/v1",
                # Always explicit, for the same reason (OPENAI_API_KEY). Local servers need no key,
                # but the SDK insists on one; they ignore the header.
                api_key=self._api_key or "no-key",
                timeout=self._timeout,
                max_retries=0,  # the guard retries once, on its own terms
                http_client=self._http_client,
            )
        return self._opened

    @property
    def model(self) -> str:
        return self._model

    @property
    def description(self) -> str:
        return self._description

    @property
    def modes(self) -> frozenset[OutputMode]:
        return self._modes

    async def complete(self, prompt: Prompt) -> Reply:
        try:
            answer = await self._client.chat.completions.create(**self._request(prompt))
        except openai.OpenAIError as error:
            raise self._failure(error, prompt) from error
        if not answer.choices:
            raise Transient(f"{self._description} sent an empty answer.")
        choice = answer.choices[0]
        text = choice.message.content or ""
        if answer.usage is not None:
            usage = Usage(answer.usage.prompt_tokens, answer.usage.completion_tokens)
        else:
            usage = estimate(prompt, text)
        return Reply(text=text, finish=_FINISH.get(choice.finish_reason, "other"), usage=usage)

    async def stream(self, prompt: Prompt) -> AsyncIterator[str | Reply]:
        request = self._request(prompt) | {"stream": True}
        try:
            chunks = await self._open_stream(request, prompt)
        except openai.OpenAIError as error:
            raise self._failure(error, prompt) from error
        parts: list[str] = []
        finish: Finish = "other"
        usage: Usage | None = None
        try:
            async for chunk in chunks:
                if chunk.usage is not None:
                    usage = Usage(chunk.usage.prompt_tokens, chunk.usage.completion_tokens)
                for choice in chunk.choices[:1]:
                    if choice.delta.content:
                        parts.append(choice.delta.content)
                        yield choice.delta.content
                    if choice.finish_reason is not None:
                        finish = _FINISH.get(choice.finish_reason, "other")
        except openai.OpenAIError as error:
            raise self._failure(error, prompt) from error
        finally:
            # Closing the response tells the server the reader left, so it can stop generating.
            await chunks.close()
        text = "".join(parts)
        yield Reply(text=text, finish=finish, usage=usage or estimate(prompt, text, len(parts)))

    async def _open_stream(
        self, request: dict[str, Any], prompt: Prompt
    ) -> openai.AsyncStream[Any]:
        if self._usage_in_stream:
            try:
                opened = await self._client.chat.completions.create(
                    **request, stream_options={"include_usage": True}
                )
                return cast("openai.AsyncStream[Any]", opened)
            except openai.BadRequestError as error:
                if "stream_options" not in str(error):
                    raise
                self._usage_in_stream = False  # an older server: count the tokens ourselves
        return cast(
            "openai.AsyncStream[Any]", await self._client.chat.completions.create(**request)
        )

    def _request(self, prompt: Prompt) -> dict[str, Any]:
        request: dict[str, Any] = {
            "model": self._model,
            "messages": [{"role": m.role, "content": m.content} for m in prompt.messages],
            "max_tokens": prompt.max_tokens,
            "temperature": prompt.temperature,
        }
        if prompt.mode == "schema":
            request["response_format"] = {
                "type": "json_schema",
                "json_schema": {
                    "name": prompt.schema_name,
                    "schema": prompt.schema,
                    "strict": False,
                },
            }
        elif prompt.mode == "object":
            request["response_format"] = {"type": "json_object"}
        return request

    def _failure(self, error: openai.OpenAIError, prompt: Prompt) -> Exception:
        if isinstance(error, openai.APIStatusError):
            status = error.status_code
            said = str(error)
            if (
                prompt.mode != "text"
                and status in (400, 422, 500)
                and any(w in said for w in _MODE_WORDS)
            ):
                return ModeRefused(f"{self._description} refused output mode {prompt.mode}")
            if status in (408, 409, 429) or status >= 500:
                return Transient(f"{self._description} answered {status}. Try again shortly.")
            if status in (401, 403):
                return ProviderUnavailable(f"{self._description} did not accept the API key.")
            return ProviderUnavailable(f"{self._description} refused the request ({status}).")
        if isinstance(error, openai.APITimeoutError):
            return Transient(f"{self._description} did not answer in time.")
        if isinstance(error, openai.APIConnectionError):
            return Transient(f"{self._description} could not be reached.")
        return ProviderUnavailable(f"{self._description} failed: {type(error).__name__}.")

    async def aclose(self) -> None:
        if self._opened is not None:
            opened, self._opened = self._opened, None
            await opened.close()


def estimate(prompt: Prompt, text: str, pieces: int | None = None) -> Usage:
    """Tokens counted roughly (four characters each) for servers that report none."""
    sent = sum(len(m.content) for m in prompt.messages)
    return Usage(input_tokens=sent // 4 + 1, output_tokens=pieces or len(text) // 4 + 1)
