"""Anthropic's Messages API through the official `anthropic` SDK.

The system prompt travels apart from the messages. "schema" mode forces a tool whose
`input_schema` is the answer's schema (the tool's input is the answer); "text" mode asks for
JSON in the prompt. There is no separate JSON-object mode, so "object" is not offered: the
ladder goes from the tool straight to the prompt.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import urlsplit

import anthropic
import httpx2

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
    "end_turn": "stop",
    "stop_sequence": "stop",
    "tool_use": "stop",
    "max_tokens": "length",
    "refusal": "filtered",
}
DEFAULT_URL = "https://api.anthropic.com"


class AnthropicMessages:
    name: ProviderName = "anthropic"

    def __init__(
        self,
        *,
        model: str,
        api_key: str,
        timeout: float,
        base_url: str | None = None,
        http_client: httpx2.AsyncClient | None = None,
    ) -> None:
        self._model = model
        self._api_key = api_key
        self._base_url = base_url or DEFAULT_URL
        self._timeout = timeout
        self._http_client = http_client
        host = urlsplit(self._base_url).netloc
        self._description = (
            "Anthropic's API"
            if host == "api.anthropic.com"
            else f"Anthropic-compatible server at {host}"
        )
        self._opened: anthropic.AsyncAnthropic | None = None

    @property
    def _client(self) -> anthropic.AsyncAnthropic:
        if self._opened is None:
            self._opened = anthropic.AsyncAnthropic(
                # Both explicit, so nothing comes from ANTHROPIC_* variables or profiles on disk.
                api_key=self._api_key,
                base_url=self._base_url,
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
        return frozenset({"schema", "text"})

    async def complete(self, prompt: Prompt) -> Reply:
        try:
            message = await self._client.messages.create(**self._request(prompt))
        except anthropic.AnthropicError as error:
            raise self._failure(error, prompt) from error
        parts: list[str] = []
        for block in message.content:
            if block.type == "text":
                parts.append(block.text)
            elif block.type == "tool_use":
                parts.append(json.dumps(block.input))
        usage = Usage(message.usage.input_tokens, message.usage.output_tokens)
        return Reply("".join(parts), _FINISH.get(message.stop_reason, "other"), usage)

    async def stream(self, prompt: Prompt) -> AsyncIterator[str | Reply]:
        try:
            events = await self._client.messages.create(**self._request(prompt), stream=True)
        except anthropic.AnthropicError as error:
            raise self._failure(error, prompt) from error
        parts: list[str] = []
        finish: Finish = "other"
        input_tokens = output_tokens = 0
        try:
            async for event in events:
                if event.type == "message_start":
                    input_tokens = event.message.usage.input_tokens
                elif event.type == "content_block_delta":
                    delta = event.delta
                    piece = (
                        delta.text
                        if delta.type == "text_delta"
                        else delta.partial_json
                        if delta.type == "input_json_delta"
                        else ""
                    )
                    if piece:
                        parts.append(piece)
                        yield piece
                elif event.type == "message_delta":
                    finish = _FINISH.get(event.delta.stop_reason, "other")
                    output_tokens = event.usage.output_tokens
        except anthropic.AnthropicError as error:
            raise self._failure(error, prompt) from error
        finally:
            await events.close()  # the server stops generating for a reader that left
        yield Reply("".join(parts), finish, Usage(input_tokens, output_tokens))

    def _request(self, prompt: Prompt) -> dict[str, Any]:
        system = "\n\n".join(m.content for m in prompt.messages if m.role == "system")
        request: dict[str, Any] = {
            "model": self._model,
            # No temperature: the current Messages API leaves sampling to the model.
            "max_tokens": prompt.max_tokens,
            "messages": [
                {"role": m.role, "content": m.content}
                for m in prompt.messages
                if m.role != "system"
            ],
        }
        if system:
            request["system"] = system
        if prompt.mode == "schema":
            request["tools"] = [
                {
                    "name": prompt.schema_name,
                    "description": "Give the answer.",
                    "input_schema": prompt.schema,
                }
            ]
            request["tool_choice"] = {"type": "tool", "name": prompt.schema_name}
        return request

    def _failure(self, error: anthropic.AnthropicError, prompt: Prompt) -> Exception:
        if isinstance(error, anthropic.APIStatusError):
            status = error.status_code
            if prompt.mode == "schema" and status == 400 and "tool" in str(error):
                return ModeRefused(f"{self._description} refused the answer's tool")
            if status in (408, 409, 429) or status >= 500:
                return Transient(f"{self._description} answered {status}. Try again shortly.")
            if status in (401, 403):
                return ProviderUnavailable(f"{self._description} did not accept the API key.")
            return ProviderUnavailable(f"{self._description} refused the request ({status}).")
        if isinstance(error, anthropic.APITimeoutError):
            return Transient(f"{self._description} did not answer in time.")
        if isinstance(error, anthropic.APIConnectionError):
            return Transient(f"{self._description} could not be reached.")
        return ProviderUnavailable(f"{self._description} failed: {type(error).__name__}.")

    async def aclose(self) -> None:
        if self._opened is not None:
            opened, self._opened = self._opened, None
            await opened.close()
