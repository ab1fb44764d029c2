"""A scripted model: a test double of the Provider protocol that replays hand-made answers.

For flow and guard tests only; what real models do is tested with the small model.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from resumate.ai.providers.base import OutputMode, Prompt, ProviderName, Reply, Usage


@dataclass
class Scripted:
    """Answers each prompt with the next of `answers`, streamed `chunk` characters at a time."""

    answers: list[str]
    chunk: int = 8
    # Seconds between streamed pieces, so a test can leave in the middle.
    pause: float = 0.0
    name: ProviderName = "openai"
    model: str = "scripted-1"
    description: str = "a scripted test model"
    modes: frozenset[OutputMode] = frozenset({"schema", "object", "text"})
    prompts: list[Prompt] = field(default_factory=list)
    # Pieces streamed so far, and whether a stream was closed before its end.
    streamed: int = 0
    stopped_early: bool = False

    def _next(self, prompt: Prompt) -> str:
        self.prompts.append(prompt)
        if not self.answers:
            raise AssertionError("the scripted model was asked more than it has answers for")
        return self.answers.pop(0)

    @staticmethod
    def usage(prompt: Prompt, text: str) -> Usage:
        sent = sum(len(message.content) for message in prompt.messages)
        return Usage(input_tokens=sent // 4, output_tokens=len(text) // 4 + 1)

    async def complete(self, prompt: Prompt) -> Reply:
        text = self._next(prompt)
        return Reply(text, "stop", self.usage(prompt, text))

    async def stream(self, prompt: Prompt) -> AsyncIterator[str | Reply]:
        text = self._next(prompt)
        finished = False
        try:
            for start in range(0, len(text), self.chunk):
                if self.pause:
                    await asyncio.sleep(self.pause)
                self.streamed += 1
                yield text[start : start + self.chunk]
            finished = True
            yield Reply(text, "stop", self.usage(prompt, text))
        finally:
            self.stopped_early = self.stopped_early or not finished

    async def aclose(self) -> None:
        return None


# The smallest valid answer to each task's question, by the answer's name.
SMALLEST = {
    "TextAnswer": '{"text": "Rewritten."}',
    "EditsAnswer": '{"changes": []}',
    "LetterAnswer": '{"text": "Dear hiring team,"}',
    "BulletsAnswer": '{"bullets": ["Did the work described."]}',
    "TidiedResume": "{}",
}


@dataclass
class Answering(Scripted):
    """Answers any number of prompts, each with the smallest valid answer to its question:
    for tests that call writing help many times without caring what it says (the fuzzer)."""

    answers: list[str] = field(default_factory=list)

    def _next(self, prompt: Prompt) -> str:
        return SMALLEST[prompt.schema_name]
