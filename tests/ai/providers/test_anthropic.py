"""The Anthropic provider against a loopback server speaking the Messages wire format.

No internet: the server below answers with JSON and server-sent events shaped like the
Messages API's own (the shapes in Anthropic's API reference), and records what it was sent.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import pytest
from pydantic import BaseModel, Field
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from resumate.ai.errors import ProviderUnavailable
from resumate.ai.providers.anthropic import AnthropicMessages
from resumate.ai.providers.base import Message, ModeRefused, Prompt, Reply, Transient, Usage
from resumate.ai.providers.structured import structured
from tests.ai.providers.wire import serve


class Verdict(BaseModel):
    word: str = Field(max_length=20)


def message(content: list[dict[str, Any]], stop: str = "end_turn") -> dict[str, Any]:
    return {
        "id": "msg_01",
        "type": "message",
        "role": "assistant",
        "model": "claude-test",
        "content": content,
        "stop_reason": stop,
        "stop_sequence": None,
        "usage": {"input_tokens": 12, "output_tokens": 3},
    }


def sse(*events: dict[str, Any]) -> str:
    return "".join(f"event: {e['type']}\ndata: {json.dumps(e)}\n\n" for e in events)


STREAM = sse(
    {"type": "message_start", "message": message([], stop=None) | {"stop_reason": None}},  # type: ignore[arg-type]
    {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}},
    {"type": "ping"},
    {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "Hel"}},
    {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "lo"}},
    {"type": "content_block_stop", "index": 0},
    {
        "type": "message_delta",
        "delta": {"stop_reason": "max_tokens", "stop_sequence": None},
        "usage": {"output_tokens": 2},
    },
    {"type": "message_stop"},
)


class Recorded:
    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.keys: list[str | None] = []
        self.answers: list[Response] = []


def messages_app(recorded: Recorded) -> Starlette:
    async def messages(request: Request) -> Response:
        body = await request.json()
        recorded.requests.append(body)
        # This SDK sends the key as a bearer token; older ones as x-api-key.
        bearer = request.headers.get("authorization", "").removeprefix("Bearer ")
        recorded.keys.append(request.headers.get("x-api-key") or bearer)
        if body.get("stream"):
            return Response(STREAM, media_type="text/event-stream")
        return recorded.answers.pop(0)

    return Starlette(routes=[Route("/v1/messages", messages, methods=["POST"])])


@pytest.fixture
async def claude() -> AsyncIterator[tuple[AnthropicMessages, Recorded]]:
    recorded = Recorded()
    async with serve(messages_app(recorded)) as url:
        provider = AnthropicMessages(
            model="claude-test", api_key="sk-test", timeout=5, base_url=url
        )
        yield provider, recorded
        await provider.aclose()


PROMPT = Prompt((Message("system", "Be brief."), Message("user", "Hi")), 20)


async def test_a_reply_keeps_the_system_prompt_apart_and_counts_usage(
    claude: tuple[AnthropicMessages, Recorded],
) -> None:
    provider, recorded = claude
    recorded.answers.append(JSONResponse(message([{"type": "text", "text": "Hello"}])))
    reply = await provider.complete(PROMPT)
    assert reply == Reply("Hello", "stop", Usage(12, 3))
    sent = recorded.requests[0]
    assert sent["system"] == "Be brief."
    assert sent["messages"] == [{"role": "user", "content": "Hi"}]
    assert sent["max_tokens"] == 20
    assert recorded.keys == ["sk-test"]


async def test_schema_mode_forces_a_tool_whose_input_is_the_answer(
    claude: tuple[AnthropicMessages, Recorded],
) -> None:
    provider, recorded = claude
    tool_use = {"type": "tool_use", "id": "toolu_01", "name": "Verdict", "input": {"word": "yes"}}
    recorded.answers.append(JSONResponse(message([tool_use], stop="tool_use")))
    answer, usage = await structured(provider, PROMPT, Verdict)
    assert answer == Verdict(word="yes")
    assert usage == Usage(12, 3)
    sent = recorded.requests[0]
    assert sent["tools"][0]["input_schema"] == Verdict.model_json_schema()
    assert sent["tool_choice"] == {"type": "tool", "name": "Verdict"}


async def test_a_refused_tool_falls_back_to_json_in_the_prompt(
    claude: tuple[AnthropicMessages, Recorded],
) -> None:
    provider, recorded = claude
    error = {
        "type": "error",
        "error": {"type": "invalid_request_error", "message": "tools unsupported"},
    }
    recorded.answers.append(JSONResponse(error, status_code=400))
    with pytest.raises(ModeRefused):
        await provider.complete(Prompt(PROMPT.messages, 20, mode="schema", schema={}))


async def test_streaming_yields_text_deltas_then_the_reply(
    claude: tuple[AnthropicMessages, Recorded],
) -> None:
    provider, _recorded = claude
    pieces = [p async for p in provider.stream(PROMPT)]
    assert pieces == ["Hel", "lo", Reply("Hello", "length", Usage(12, 2))]


@pytest.mark.parametrize(("status", "kind"), [(529, Transient), (500, Transient), (429, Transient)])
async def test_overload_and_server_errors_are_transient(
    claude: tuple[AnthropicMessages, Recorded], status: int, kind: type[Exception]
) -> None:
    provider, recorded = claude
    error = {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}
    recorded.answers.append(JSONResponse(error, status_code=status))
    with pytest.raises(kind):
        await provider.complete(PROMPT)


async def test_a_refused_key_is_not_transient(claude: tuple[AnthropicMessages, Recorded]) -> None:
    provider, recorded = claude
    error = {"type": "error", "error": {"type": "authentication_error", "message": "bad key"}}
    recorded.answers.append(JSONResponse(error, status_code=401))
    with pytest.raises(ProviderUnavailable, match="API key") as caught:
        await provider.complete(PROMPT)
    assert not isinstance(caught.value, Transient)
