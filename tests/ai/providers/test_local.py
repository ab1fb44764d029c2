"""The local provider on the real small model (SmolLM2-135M-Instruct, in-process)."""

from __future__ import annotations

import asyncio

from pydantic import BaseModel, Field

from resumate.ai.providers.base import Message, Prompt, Reply
from resumate.ai.providers.local import LocalModel
from resumate.ai.providers.structured import structured


class Fruit(BaseModel):
    name: str = Field(max_length=40)


def ask(text: str, max_tokens: int) -> Prompt:
    return Prompt((Message("user", text),), max_tokens, temperature=0)


async def test_streaming_yields_text_then_a_reply_cut_at_the_limit(local_model: LocalModel) -> None:
    pieces = [p async for p in local_model.stream(ask("Tell a long story about a ship.", 6))]
    *deltas, last = pieces
    assert deltas
    assert all(isinstance(d, str) for d in deltas)
    assert isinstance(last, Reply)
    assert last.text == "".join(deltas)  # type: ignore[arg-type]
    assert last.finish == "length"
    assert last.usage.output_tokens == len(deltas)
    assert last.usage.input_tokens > 0


async def test_schema_mode_gives_a_valid_answer_through_the_grammar(
    local_model: LocalModel,
) -> None:
    answer, usage = await structured(local_model, ask("Name one fruit.", 40), Fruit)
    assert isinstance(answer, Fruit)
    assert answer.name
    assert usage.output_tokens > 0


async def test_closing_the_stream_stops_the_model(local_model: LocalModel) -> None:
    stream = local_model.stream(ask("Write a very long essay about the sea.", 64))
    async for _piece in stream:
        break
    await stream.aclose()  # type: ignore[attr-defined]
    at_close = local_model.tokens_generated
    await asyncio.sleep(1.5)
    # The worker notices at its next token: at most the one in progress comes after.
    assert local_model.tokens_generated - at_close <= 1


async def test_cancelling_the_task_stops_the_model_and_the_next_call_runs(
    local_model: LocalModel,
) -> None:
    started = asyncio.Event()

    async def read() -> None:
        async for _piece in local_model.stream(ask("Write a very long essay about trees.", 64)):
            started.set()

    task = asyncio.create_task(read())
    await started.wait()
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    at_cancel = local_model.tokens_generated
    await asyncio.sleep(1.5)
    assert local_model.tokens_generated - at_cancel <= 1
    reply = await local_model.complete(ask("Say hi.", 4))
    assert reply.usage.output_tokens > 0


async def test_calls_at_once_take_turns_and_both_answer(local_model: LocalModel) -> None:
    replies = await asyncio.gather(
        local_model.complete(ask("Say one.", 4)), local_model.complete(ask("Say two.", 4))
    )
    assert all(r.text and r.finish in ("stop", "length") for r in replies)
