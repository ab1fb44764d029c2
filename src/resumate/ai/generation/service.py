"""Running a task: load the resume in a short session, reserve the budget, call the model with
no database connection held, settle what was used, then guard the answer.

Cancelling (the page closing its connection) cancels the model call, which stops the
provider's work; the tokens produced until then are what the budget is charged.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import anyio
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resumate.ai.generation.budget import Budget, Reservation, estimate_tokens
from resumate.ai.generation.schemas import Letter, Proposal
from resumate.ai.generation.tasks import Task
from resumate.ai.providers.base import Provider
from resumate.ai.providers.structured import UnusableAnswer, structured
from resumate.auth.provider import Authenticator, Identity
from resumate.errors import NotFound
from resumate.resumes.repository import ResumeRepository
from resumate.resumes.service import NOT_FOUND

# Where a call is: what the page shows while it waits.
Emit = Callable[[str, dict[str, Any]], Awaitable[None]]


async def quiet(_event: str, _data: dict[str, Any]) -> None:
    """Emit nowhere: a JSON answer has no events."""


@dataclass(frozen=True)
class Loaded:
    user_id: uuid.UUID
    data: dict[str, Any]


@dataclass(frozen=True)
class Generation:
    provider: Provider
    budget: Budget
    sessionmaker: async_sessionmaker[AsyncSession]
    authenticator: Authenticator
    caller: Identity
    max_tokens: int

    async def load(self, resume_id: uuid.UUID) -> Loaded:
        """The caller's resume, read in a session that ends before any model is called."""
        async with self.sessionmaker() as session:
            resume = await ResumeRepository(session).get_owned(self.caller, resume_id)
            if resume is None:
                # Tells a session that ended (401) from someone else's resume (404).
                await self.authenticator.user(session, self.caller)
                raise NotFound(NOT_FOUND)
            return Loaded(resume.owner_id, copy.deepcopy(resume.data))

    async def reserve(self, user_id: uuid.UUID, task: Task[Any]) -> Reservation:
        return await self.budget.reserve(user_id, _prompt_tokens(task) + task.prompt.max_tokens)

    async def run(
        self, task: Task[Any], reservation: Reservation, emit: Emit = quiet
    ) -> Proposal | Letter:
        """The task's result; the reservation is settled however the call ends."""
        produced: list[str] = []
        used: int | None = None

        async def on_text(delta: str) -> None:
            produced.append(delta)
            await emit("delta", {"text": delta})

        try:
            await emit("progress", {"stage": "writing", "message": self.writing})
            answer: BaseModel
            answer, usage = await structured(
                self.provider, task.prompt, task.answer, on_text=on_text
            )
            used = usage.total
        except UnusableAnswer as unusable:
            used = unusable.usage.total
            raise
        finally:
            if used is None:  # cancelled or failed: what was sent and what came back so far
                used = _prompt_tokens(task) + estimate_tokens("".join(produced))
            # Shielded: a cancelled request still records what its call cost.
            with anyio.CancelScope(shield=True):
                await self.budget.settle(reservation, used)
        await emit(
            "progress", {"stage": "checking", "message": "Checking every fact against your resume"}
        )
        return task.finish(answer)

    @property
    def writing(self) -> str:
        return f"Writing with {self.provider.description}"


def _prompt_tokens(task: Task[Any]) -> int:
    return estimate_tokens("".join(message.content for message in task.prompt.messages))
