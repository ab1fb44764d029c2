"""The structured-output ladder: schema, object, text, one repair, then a clear error."""

from __future__ import annotations

from typing import Annotated

import pytest
from pydantic import BaseModel, Field

from resumate.ai.providers.base import Message, ModeRefused, Prompt, Usage
from resumate.ai.providers.structured import (
    UnusableAnswer,
    bounded_schema,
    first_json_object,
    structured,
)
from tests.ai.providers.scripted import Scripted, reply


class Verdict(BaseModel):
    word: str = Field(max_length=20)
    reasons: list[Annotated[str, Field(max_length=80)]] = Field(default_factory=list, max_length=3)


def prompt() -> Prompt:
    return Prompt(messages=(Message("system", "Judge."), Message("user", "Go")), max_tokens=50)


def scripted(*answers: object, model: str = "m", **kw: object) -> Scripted:
    return Scripted(list(answers), model=model, **kw)  # type: ignore[arg-type]


async def test_schema_mode_answer_is_validated_and_usage_counted() -> None:
    model = scripted(reply('{"word": "yes"}'), model="schema-ok")
    answer, usage = await structured(model, prompt(), Verdict)
    assert answer == Verdict(word="yes")
    assert usage == Usage(10, 5)
    assert model.prompts[0].mode == "schema"
    assert model.prompts[0].schema == Verdict.model_json_schema()


async def test_refused_schema_falls_to_object_with_the_schema_in_the_prompt() -> None:
    model = scripted(ModeRefused("no"), reply('{"word": "ok"}'), model="refuses-schema")
    answer, _usage = await structured(model, prompt(), Verdict)
    assert answer.word == "ok"
    assert [p.mode for p in model.prompts] == ["schema", "object"]
    assert '"maxLength":20' in model.prompts[1].messages[0].content


async def test_a_refused_mode_is_remembered_per_provider_and_model() -> None:
    first = scripted(ModeRefused("no"), reply('{"word": "a"}'), model="remembers")
    await structured(first, prompt(), Verdict)
    again = scripted(reply('{"word": "b"}'), model="remembers")
    await structured(again, prompt(), Verdict)
    assert [p.mode for p in again.prompts] == ["object"]


async def test_modes_the_provider_lacks_are_skipped_and_text_is_parsed() -> None:
    model = scripted(
        reply('Sure! Here it is:\n```json\n{"word": "fine"}\n```'), modes=frozenset({"text"})
    )
    answer, _usage = await structured(model, prompt(), Verdict)
    assert answer.word == "fine"
    assert model.prompts[0].mode == "text"
    assert "JSON schema" in model.prompts[0].messages[0].content


async def test_an_invalid_answer_gets_one_repair_naming_what_was_wrong() -> None:
    model = scripted(reply('{"word": "far too long a word here"}'), reply('{"word": "short"}'))
    answer, usage = await structured(model, prompt(), Verdict)
    assert answer.word == "short"
    assert usage == Usage(20, 10)
    repair = model.prompts[1].messages
    assert repair[-2] == Message("assistant", '{"word": "far too long a word here"}')
    assert "word" in repair[-1].content
    assert "20 characters" in repair[-1].content


async def test_a_second_bad_answer_is_a_bad_answer_naming_the_provider_and_usage() -> None:
    model = scripted(reply("no json"), reply("still none"))
    with pytest.raises(UnusableAnswer) as caught:
        await structured(model, prompt(), Verdict)
    assert "a scripted model" in caught.value.message
    assert caught.value.status == 502
    assert caught.value.code == "ai_bad_answer"
    assert caught.value.usage == Usage(20, 10)


async def test_an_answer_cut_off_at_the_length_limit_is_repaired_not_used() -> None:
    model = scripted(reply('{"word": "yes"}', finish="length"), reply('{"word": "yes"}'))
    answer, _usage = await structured(model, prompt(), Verdict)
    assert answer.word == "yes"
    assert len(model.prompts) == 2
    assert "cut off" in model.prompts[1].messages[-1].content
    assert "shorter" in model.prompts[1].messages[-1].content


async def test_a_filtered_answer_is_not_repaired() -> None:
    model = scripted(reply("", finish="filtered"))
    with pytest.raises(UnusableAnswer, match="content filter"):
        await structured(model, prompt(), Verdict)
    assert len(model.prompts) == 1


async def test_streamed_text_reaches_on_text() -> None:
    seen: list[str] = []

    async def on_text(delta: str) -> None:
        seen.append(delta)

    model = scripted(reply('{"word": "streamed"}'))
    answer, _usage = await structured(model, prompt(), Verdict, on_text=on_text)
    assert answer.word == "streamed"
    assert "".join(seen).strip() == '{"word": "streamed"}'


def test_answer_models_must_bound_every_string_and_list() -> None:
    class Loose(BaseModel):
        text: str
        items: list[Annotated[str, Field(max_length=9)]]

    class LooseItems(BaseModel):
        items: list[str] = Field(max_length=2)

    with pytest.raises(TypeError, match="text") as caught:
        bounded_schema(Loose)
    assert "items" in str(caught.value)
    with pytest.raises(TypeError, match="items"):
        bounded_schema(LooseItems)


def test_the_first_json_object_is_found_in_prose() -> None:
    assert first_json_object('x {bad} then {"a": [1, {"b": 2}]} and {"c": 3}') == {
        "a": [1, {"b": 2}]
    }
    assert first_json_object("[1, 2] only a list") is None
