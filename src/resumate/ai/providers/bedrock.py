"""AWS Bedrock's Converse API through boto3, signed by the default credential chain.

In the AWS deployment that chain finds the ECS task role, which may invoke the configured model
only: no key is stored anywhere. boto3 blocks, so each call runs in a worker thread.

"schema" mode forces a tool whose input schema is the answer's (Converse's `toolChoice`, which
not every model on Bedrock takes: a ValidationException about tools becomes `ModeRefused`).

Streaming answers whole: `stream` calls Converse and yields the complete text once, then the
Reply. ConverseStream's event stream cannot be stubbed by botocore's Stubber, which is how this
provider is tested, and code that no test runs is not shipped.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import boto3
from botocore.config import Config
from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    ConnectionError,
    HTTPClientError,
    NoCredentialsError,
)

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

_FINISH: dict[str, Finish] = {
    "end_turn": "stop",
    "stop_sequence": "stop",
    "tool_use": "stop",
    "max_tokens": "length",
    "guardrail_intervened": "filtered",
    "content_filtered": "filtered",
}
_TRANSIENT_CODES = frozenset(
    {
        "ThrottlingException",
        "ServiceUnavailableException",
        "InternalServerException",
        "ModelTimeoutException",
        "ModelNotReadyException",
    }
)


def bedrock_client(region: str | None, timeout: float) -> Any:
    """A bedrock-runtime client on the default credential chain, retries left to the guard."""
    config = Config(
        read_timeout=timeout,
        connect_timeout=min(10.0, timeout),
        retries={"max_attempts": 1, "mode": "standard"},
    )
    return boto3.session.Session().client("bedrock-runtime", region_name=region, config=config)


class BedrockConverse:
    name: ProviderName = "bedrock"

    def __init__(self, *, model: str, client: Any) -> None:
        self._model = model
        self._client = client
        self._description = f"Amazon Bedrock in {client.meta.region_name}"

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
            answer = await asyncio.to_thread(self._client.converse, **self._request(prompt))
        except (ClientError, BotoCoreError) as error:
            raise self._failure(error, prompt) from error
        parts: list[str] = []
        for block in answer["output"]["message"]["content"]:
            if "text" in block:
                parts.append(block["text"])
            elif "toolUse" in block:
                parts.append(json.dumps(block["toolUse"]["input"]))
        usage = Usage(answer["usage"]["inputTokens"], answer["usage"]["outputTokens"])
        return Reply("".join(parts), _FINISH.get(answer["stopReason"], "other"), usage)

    async def stream(self, prompt: Prompt) -> AsyncIterator[str | Reply]:
        reply = await self.complete(prompt)
        if reply.text:
            yield reply.text
        yield reply

    def _request(self, prompt: Prompt) -> dict[str, Any]:
        request: dict[str, Any] = {
            "modelId": self._model,
            "messages": [
                {"role": m.role, "content": [{"text": m.content}]}
                for m in prompt.messages
                if m.role != "system"
            ],
            "inferenceConfig": {"maxTokens": prompt.max_tokens, "temperature": prompt.temperature},
        }
        system = [{"text": m.content} for m in prompt.messages if m.role == "system"]
        if system:
            request["system"] = system
        if prompt.mode == "schema":
            spec = {
                "name": prompt.schema_name,
                "description": "Give the answer.",
                "inputSchema": {"json": prompt.schema},
            }
            request["toolConfig"] = {
                "tools": [{"toolSpec": spec}],
                "toolChoice": {"tool": {"name": prompt.schema_name}},
            }
        return request

    def _failure(self, error: Exception, prompt: Prompt) -> Exception:
        if isinstance(error, ClientError):
            code = error.response.get("Error", {}).get("Code", "")
            said = str(error).lower()
            if prompt.mode == "schema" and code == "ValidationException" and "tool" in said:
                return ModeRefused(f"{self._description} refused the answer's tool")
            if code in _TRANSIENT_CODES:
                return Transient(f"{self._description} is busy ({code}). Try again shortly.")
            if code in ("AccessDeniedException", "UnrecognizedClientException"):
                return ProviderUnavailable(f"{self._description} refused this server's role.")
            return ProviderUnavailable(f"{self._description} refused the request ({code}).")
        if isinstance(error, NoCredentialsError):
            return ProviderUnavailable(f"{self._description}: this server has no AWS credentials.")
        if isinstance(error, ConnectionError | HTTPClientError):
            return Transient(f"{self._description} could not be reached.")
        return ProviderUnavailable(f"{self._description} failed: {type(error).__name__}.")

    async def aclose(self) -> None:
        """boto3 clients hold only a connection pool that closes with the process."""
