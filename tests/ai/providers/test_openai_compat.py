"""The OpenAI-compatible provider against llama.cpp's real server on the small model."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from pydantic import BaseModel, Field

from resumate.ai.providers.base import Message, ModeRefused, OutputMode, Prompt, Reply
from resumate.ai.providers.openai_compat import OpenAICompatible
from resumate.ai.providers.structured import structured


# Any JSON object passes, so the test proves the ladder, not the small model's skill.
class Note(BaseModel):
    note: str = Field(default="", max_length=500)


class Recording:
    """The real provider, recording the output modes each call asked for."""

    def __init__(self, inner: OpenAICompatible) -> None:
        self.inner = inner
        self.asked: list[OutputMode] = []
        self.name = inner.name
        self.model = inner.model
        self.description = inner.description
        self.modes = inner.modes

    async def complete(self, prompt: Prompt) -> Reply:
        self.asked.append(prompt.mode)
        return await self.inner.complete(prompt)

    def stream(self, prompt: Prompt) -> AsyncIterator[str | Reply]:
        self.asked.append(prompt.mode)
        return self.inner.stream(prompt)

    async def aclose(self) -> None:
        await self.inner.aclose()


@pytest.fixture
async def server_model(llama_server: str) -> AsyncIterator[OpenAICompatible]:
    provider = OpenAICompatible(model="smollm2", base_url=llama_server, api_key=None, timeout=60)
    yield provider
    await provider.aclose()


def ask(text: str, max_tokens: int, mode: OutputMode = "text") -> Prompt:
    # Temperature 0: the same answer on every run, so the structure checks are repeatable.
    return Prompt((Message("user", text),), max_tokens, mode=mode, schema={}, temperature=0)


async def test_a_whole_answer_carries_finish_and_the_servers_token_counts(
    server_model: OpenAICompatible,
) -> None:
    reply = await server_model.complete(ask("Tell a long story.", 5))
    assert reply.text
    assert reply.finish == "length"
    assert reply.usage.output_tokens == 5
    assert reply.usage.input_tokens > 0


async def test_this_server_refuses_json_schema_output(server_model: OpenAICompatible) -> None:
    with pytest.raises(ModeRefused):
        await server_model.complete(ask("Name a fruit.", 5, mode="schema"))


async def test_the_ladder_steps_from_schema_to_object_and_remembers(llama_server: str) -> None:
    provider = Recording(
        OpenAICompatible(model="ladder", base_url=llama_server, api_key=None, timeout=60)
    )
    seen: list[str] = []

    async def on_text(delta: str) -> None:
        seen.append(delta)

    prompt = ask('Reply with exactly this JSON: {"note": "ok"}', 64)
    try:
        answer, usage = await structured(provider, prompt, Note, on_text=on_text)
        assert isinstance(answer, Note)
        assert provider.asked[:2] == ["schema", "object"]
        assert seen
        assert usage.output_tokens > 0
        provider.asked.clear()
        await structured(provider, prompt, Note)
        assert provider.asked[0] == "object"  # schema is not asked again
    finally:
        await provider.aclose()


async def test_streaming_yields_deltas_then_a_reply_with_counted_usage(
    server_model: OpenAICompatible,
) -> None:
    pieces = [p async for p in server_model.stream(ask("Tell a long story.", 6))]
    *deltas, last = pieces
    assert deltas
    assert all(isinstance(d, str) for d in deltas)
    assert isinstance(last, Reply)
    assert last.finish == "length"
    assert last.text == "".join(deltas)  # type: ignore[arg-type]
    # This server sends no usage in streams: the provider counts pieces instead.
    assert last.usage.output_tokens == len(deltas)


async def test_closing_a_stream_early_leaves_the_server_ready(
    server_model: OpenAICompatible,
) -> None:
    stream = server_model.stream(ask("Write a very long essay about rivers.", 64))
    async for _piece in stream:
        break
    await stream.aclose()  # type: ignore[attr-defined]
    reply = await server_model.complete(ask("Say hi.", 3))
    assert reply.usage.output_tokens == 3
