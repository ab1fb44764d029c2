"""A validated pydantic answer out of any provider: the structured-output ladder.

Providers disagree about JSON, so each call climbs down until one works:

1. "schema" — the provider enforces the answer's JSON schema;
2. "object" — the provider promises a JSON object, the schema is described in the prompt;
3. "text"   — the schema is in the prompt and the first JSON object is taken from the reply;

then, when the reply does not validate (or was cut off at the length limit), ONE repair attempt
that shows the model its answer and what was wrong; then `BadAnswer` naming the provider. A
mode the provider lacks is skipped, and one it refused is remembered per provider and model, so
later calls start where answers can come from.

Answer models must bound every string (`max_length`) and list (`max_length`): what a model
writes reaches pages and documents, so its size is decided here, not by the model.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import replace
from functools import cache
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from resumate.ai.errors import BadAnswer
from resumate.ai.providers.base import (
    Message,
    ModeRefused,
    OutputMode,
    Prompt,
    Provider,
    Reply,
    Usage,
)

A = TypeVar("A", bound=BaseModel)
OnText = Callable[[str], Awaitable[None]]

LADDER: tuple[OutputMode, ...] = ("schema", "object", "text")
# How much of a bad answer goes back to the model in the repair attempt.
_REPAIR_ECHO_CHARS = 6000
_refused: dict[tuple[str, str, str], set[OutputMode]] = {}


class UnusableAnswer(BadAnswer):
    """BadAnswer that still knows the tokens the attempts used (they count against the budget)."""

    def __init__(self, message: str, usage: Usage) -> None:
        super().__init__(message)
        self.usage = usage


async def structured(
    provider: Provider, prompt: Prompt, answer: type[A], *, on_text: OnText | None = None
) -> tuple[A, Usage]:
    """The answer the provider gives to `prompt`, validated as `answer`, and the tokens used.

    `on_text`, when given, receives the reply's text as it streams (a repair attempt streams
    again from its start). Raises UnusableAnswer (a BadAnswer) or ProviderUnavailable.
    """
    schema = bounded_schema(answer)
    refused = _refused.setdefault((provider.name, provider.description, provider.model), set())
    usage = Usage()
    for mode in LADDER:
        if mode not in provider.modes or mode in refused:
            continue
        asked = _asking(prompt, mode, schema, answer.__name__)
        try:
            reply = await _call(provider, asked, on_text)
        except ModeRefused:
            refused.add(mode)
            continue
        usage = _plus(usage, reply.usage)
        try:
            return _parse(reply, answer, asked.max_tokens), usage
        except _Invalid as invalid:
            return await _repair(provider, asked, reply, invalid, answer, usage, on_text)
    raise UnusableAnswer(
        f"{provider.description} accepted none of the ways to ask for JSON.", usage
    )


class _Invalid(Exception):
    pass


async def _repair(
    provider: Provider,
    asked: Prompt,
    reply: Reply,
    invalid: _Invalid,
    answer: type[A],
    usage: Usage,
    on_text: OnText | None,
) -> tuple[A, Usage]:
    if reply.finish == "filtered":
        raise UnusableAnswer(f"{provider.description} withheld its answer (content filter).", usage)
    shorter = " Keep it shorter so it fits." if reply.finish == "length" else ""
    again = replace(
        asked,
        messages=(
            *asked.messages,
            Message("assistant", reply.text[:_REPAIR_ECHO_CHARS]),
            Message(
                "user",
                f"That answer could not be used: {invalid}. Reply again with only the corrected "
                f"JSON object, nothing else.{shorter}",
            ),
        ),
    )
    try:
        second = await _call(provider, again, on_text)
    except ModeRefused as error:
        raise UnusableAnswer(
            f"{provider.description} refused the repair attempt.", usage
        ) from error
    usage = _plus(usage, second.usage)
    try:
        return _parse(second, answer, again.max_tokens), usage
    except _Invalid as still:
        raise UnusableAnswer(
            f"{provider.description} gave no usable answer after a repair attempt ({still}).", usage
        ) from None


def _asking(prompt: Prompt, mode: OutputMode, schema: dict[str, Any], name: str) -> Prompt:
    if mode == "schema":
        rule = "Answer with one JSON object only."
    else:
        rule = (
            "Answer with one JSON object only, no other text, matching this JSON schema:\n"
            + json.dumps(schema, separators=(",", ":"))
        )
    messages = list(prompt.messages)
    if messages and messages[0].role == "system":
        messages[0] = Message("system", f"{messages[0].content}\n\n{rule}")
    else:
        messages.insert(0, Message("system", rule))
    return replace(prompt, messages=tuple(messages), mode=mode, schema=schema, schema_name=name)


async def _call(provider: Provider, prompt: Prompt, on_text: OnText | None) -> Reply:
    if on_text is None:
        return await provider.complete(prompt)
    pieces = provider.stream(prompt)
    try:
        async for piece in pieces:
            if isinstance(piece, Reply):
                return piece
            await on_text(piece)
    finally:
        await _close(pieces)
    raise BadAnswer(f"{provider.description} ended its answer without finishing it.")


async def _close(pieces: AsyncIterator[str | Reply]) -> None:
    close = getattr(pieces, "aclose", None)
    if close is not None:
        with contextlib.suppress(RuntimeError):
            await close()


def _parse(reply: Reply, answer: type[A], max_tokens: int) -> A:
    if reply.finish == "length":
        raise _Invalid(f"it was cut off at the limit of {max_tokens} tokens")
    if reply.finish == "filtered":
        raise _Invalid("it was withheld by a content filter")
    found = first_json_object(reply.text)
    if found is None:
        raise _Invalid("it held no JSON object")
    try:
        return answer.model_validate(found)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'the object'}: {e['msg']}"
            for e in error.errors()[:5]
        )
        raise _Invalid(f"it did not match the schema ({problems})") from None


def first_json_object(text: str) -> dict[str, Any] | None:
    """The first JSON object in the text (models wrap JSON in prose and code fences)."""
    decoder = json.JSONDecoder()
    for start in re.finditer(r"\{", text):
        try:
            value, _end = decoder.raw_decode(text, start.start())
        except json.JSONDecodeError:
            continue
        if isinstance(value, dict):
            return value
    return None


def _plus(a: Usage, b: Usage) -> Usage:
    return Usage(a.input_tokens + b.input_tokens, a.output_tokens + b.output_tokens)


@cache
def bounded_schema(answer: type[BaseModel]) -> dict[str, Any]:
    """The answer's JSON schema; raises TypeError when a string or list in it has no bound."""
    schema = answer.model_json_schema()
    loose = sorted(_unbounded(schema, answer.__name__))
    if loose:
        raise TypeError(f"{answer.__name__} must bound every string and list: {', '.join(loose)}")
    return schema


def _unbounded(node: Any, where: str) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        kind = node.get("type")
        if (
            kind == "string"
            and "maxLength" not in node
            and "enum" not in node
            and "const" not in node
        ):
            found.add(where)
        if kind == "array" and "maxItems" not in node:
            found.add(where)
        for key, value in node.items():
            if key in ("properties", "$defs") and isinstance(value, dict):
                for name, part in value.items():
                    found |= _unbounded(part, name)
            else:
                found |= _unbounded(value, f"{where} items" if key == "items" else where)
    elif isinstance(node, list):
        for value in node:
            found |= _unbounded(value, where)
    return found
