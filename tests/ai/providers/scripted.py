"""A test double of the Provider protocol that gives hand-made replies, and records the prompts."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence

from resumate.ai.providers.base import (
    Finish,
    OutputMode,
    Prompt,
    ProviderName,
    Reply,
    Usage,
)

ALL_MODES: frozenset[OutputMode] = frozenset({"schema", "object", "text"})


def reply(text: str, finish: Finish = "stop", tokens: int = 5) -> Reply:
    return Reply(text=text, finish=finish, usage=Usage(input_tokens=10, output_tokens=tokens))


class Scripted:
    name: ProviderName = "openai"

    def __init__(
        self,
        answers: Sequence[Reply | Exception],
        modes: frozenset[OutputMode] = ALL_MODES,
        model: str = "scripted",
        pause: float = 0,
    ) -> None:
        self.answers = list(answers)
        self.prompts: list[Prompt] = []
        self.closed = False
        self._modes = modes
        self._model = model
        self._pause = pause

    @property
    def model(self) -> str:
        return self._model

    @property
    def description(self) -> str:
        return "a scripted model"

    @property
    def modes(self) -> frozenset[OutputMode]:
        return self._modes

    async def complete(self, prompt: Prompt) -> Reply:
        self.prompts.append(prompt)
        if self._pause:
            await asyncio.sleep(self._pause)
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    async def stream(self, prompt: Prompt) -> AsyncIterator[str | Reply]:
        whole = await self.complete(prompt)
        for word in whole.text.split(" "):
            yield word + " "
        yield whole

    async def aclose(self) -> None:
        self.closed = True
