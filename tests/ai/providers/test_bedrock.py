"""The Bedrock provider against botocore's Stubber: the Converse contract, no AWS.

The Stubber checks each request against Converse's input shape and each canned answer against
its output shape, so these tests hold the provider to the API's contract without a network.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber
from pydantic import BaseModel, Field

from resumate.ai.errors import ProviderUnavailable
from resumate.ai.providers.base import Message, ModeRefused, Prompt, Reply, Transient, Usage
from resumate.ai.providers.bedrock import BedrockConverse
from resumate.ai.providers.structured import structured

MODEL = "anthropic.claude-test-v1:0"
PROMPT = Prompt((Message("system", "Be brief."), Message("user", "Hi")), 20, temperature=0.2)


class Verdict(BaseModel):
    word: str = Field(max_length=20)


@pytest.fixture
def stubbed() -> Iterator[tuple[BedrockConverse, Stubber]]:
    session = boto3.session.Session(aws_access_key_id="test", aws_secret_access_key="test")
    client = session.client("bedrock-runtime", region_name="eu-west-1")
    with Stubber(client) as stubber:
        yield BedrockConverse(model=MODEL, client=client), stubber
        stubber.assert_no_pending_responses()


def answer(content: list[dict[str, Any]], stop: str = "end_turn") -> dict[str, Any]:
    return {
        "output": {"message": {"role": "assistant", "content": content}},
        "stopReason": stop,
        "usage": {"inputTokens": 9, "outputTokens": 4, "totalTokens": 13},
        "metrics": {"latencyMs": 120},
    }


def expected(**extra: Any) -> dict[str, Any]:
    return {
        "modelId": MODEL,
        "messages": [{"role": "user", "content": [{"text": "Hi"}]}],
        "system": [{"text": "Be brief."}],
        "inferenceConfig": {"maxTokens": 20, "temperature": 0.2},
    } | extra


async def test_converse_sends_the_system_prompt_apart_and_reads_the_answer(
    stubbed: tuple[BedrockConverse, Stubber],
) -> None:
    provider, stubber = stubbed
    stubber.add_response("converse", answer([{"text": "Hello"}], "max_tokens"), expected())
    assert await provider.complete(PROMPT) == Reply("Hello", "length", Usage(9, 4))
    assert provider.description == "Amazon Bedrock in eu-west-1"


async def test_schema_mode_forces_a_tool_whose_input_is_the_answer(
    stubbed: tuple[BedrockConverse, Stubber],
) -> None:
    provider, stubber = stubbed
    schema = Verdict.model_json_schema()
    tool = {
        "tools": [
            {
                "toolSpec": {
                    "name": "Verdict",
                    "description": "Give the answer.",
                    "inputSchema": {"json": schema},
                }
            }
        ],
        "toolChoice": {"tool": {"name": "Verdict"}},
    }
    use = {"toolUse": {"toolUseId": "t1", "name": "Verdict", "input": {"word": "yes"}}}
    stubber.add_response("converse", answer([use], "tool_use"), None)
    result, usage = await structured(provider, PROMPT, Verdict)
    assert result == Verdict(word="yes")
    assert usage == Usage(9, 4)
    stubber.add_response("converse", answer([use], "tool_use"), expected(toolConfig=tool))
    schema_prompt = Prompt(PROMPT.messages, 20, "schema", schema, "Verdict", 0.2)
    assert (await provider.complete(schema_prompt)).text == '{"word": "yes"}'


async def test_a_model_without_tool_choice_refuses_the_mode(
    stubbed: tuple[BedrockConverse, Stubber],
) -> None:
    provider, stubber = stubbed
    stubber.add_client_error(
        "converse",
        "ValidationException",
        "This model doesn't support the toolConfig.toolChoice.tool field.",
        400,
    )
    with pytest.raises(ModeRefused):
        await provider.complete(Prompt(PROMPT.messages, 20, "schema", {"type": "object"}))


@pytest.mark.parametrize(
    ("code", "status", "kind"),
    [
        ("ThrottlingException", 429, Transient),
        ("ServiceUnavailableException", 503, Transient),
        ("ModelTimeoutException", 408, Transient),
        ("AccessDeniedException", 403, ProviderUnavailable),
    ],
)
async def test_errors_map_to_transient_or_unavailable(
    stubbed: tuple[BedrockConverse, Stubber], code: str, status: int, kind: type[Exception]
) -> None:
    provider, stubber = stubbed
    stubber.add_client_error("converse", code, "nope", status)
    with pytest.raises(kind) as caught:
        await provider.complete(PROMPT)
    assert isinstance(caught.value, Transient) == (kind is Transient)


async def test_streaming_yields_the_whole_answer_then_the_reply(
    stubbed: tuple[BedrockConverse, Stubber],
) -> None:
    provider, stubber = stubbed
    stubber.add_response("converse", answer([{"text": "Hello"}]), expected())
    assert [p async for p in provider.stream(PROMPT)] == [
        "Hello",
        Reply("Hello", "stop", Usage(9, 4)),
    ]
