"""The one protocol every language model provider speaks, and what passes through it.

A provider turns a `Prompt` into a `Reply` (or a stream of text ending in one). It knows
nothing of resumes: tasks build prompts, `structured` gets JSON out of any provider, and the
guard checks what comes back.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from resumate.ai.errors import ProviderUnavailable

Role = Literal["system", "user", "assistant"]
# How the answer's shape is asked for: a JSON schema the provider enforces, a JSON object with
# the schema only described in the prompt, or plain text to be parsed.
OutputMode = Literal["schema", "object", "text"]
Finish = Literal["stop", "length", "filtered", "other"]
ProviderName = Literal["openai", "anthropic", "bedrock", "local"]


@dataclass(frozen=True)
class Message:
    role: Role
    content: str


@dataclass(frozen=True)
class Prompt:
    messages: tuple[Message, ...]
    max_tokens: int
    mode: OutputMode = "text"
    # The answer's JSON schema; required for "schema" and "object".
    schema: dict[str, Any] | None = None
    schema_name: str = "answer"
    temperature: float = 0.2


@dataclass(frozen=True)
class Usage:
    input_tokens: int = 0
    output_tokens: int = 0

    @property
    def total(self) -> int:
        return self.input_tokens + self.output_tokens


@dataclass(frozen=True)
class Reply:
    text: str
    finish: Finish
    usage: Usage


class Provider(Protocol):
    """A language model behind one of the supported APIs."""

    @property
    def name(self) -> ProviderName: ...

    @property
    def model(self) -> str: ...

    @property
    def description(self) -> str:
        """Who will see the text, for the page: "OpenAI-compatible server at api.openai.com"."""
        ...

    @property
    def modes(self) -> frozenset[OutputMode]:
        """The output modes worth trying with this provider, best first is "schema"."""
        ...

    async def complete(self, prompt: Prompt) -> Reply:
        """The whole answer. Raises ProviderUnavailable, or ModeRefused for an output mode."""
        ...

    def stream(self, prompt: Prompt) -> AsyncIterator[str | Reply]:
        """The answer's text as it comes, then the final Reply (its text is the whole answer).

        Cancelling the iteration (the page's cancel button closing the connection) stops the
        model's work, not only the sending."""
        ...

    async def aclose(self) -> None: ...


class Wrapped:
    """A provider in front of another: it answers to the inner one's name, model and modes,
    and passes every call through; subclasses change what they wrap."""

    def __init__(self, inner: Provider) -> None:
        self.inner = inner

    @property
    def name(self) -> ProviderName:
        return self.inner.name

    @property
    def model(self) -> str:
        return self.inner.model

    @property
    def description(self) -> str:
        return self.inner.description

    @property
    def modes(self) -> frozenset[OutputMode]:
        return self.inner.modes

    async def complete(self, prompt: Prompt) -> Reply:
        return await self.inner.complete(prompt)

    def stream(self, prompt: Prompt) -> AsyncIterator[str | Reply]:
        return self.inner.stream(prompt)

    async def aclose(self) -> None:
        await self.inner.aclose()


class ModeRefused(Exception):
    """The provider refused the output mode asked for (e.g. no JSON schema support)."""


class Transient(ProviderUnavailable):
    """A failure worth one more try: a timeout, a 5xx, a dropped connection, a 429."""
