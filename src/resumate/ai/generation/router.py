"""/api/ai/status, and writing help on a resume: /api/resumes/{id}/ai/rewrite, tailor,
cover-letter and suggest — JSON, or server-sent events with `Accept: text/event-stream`."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Header
from fastapi.responses import Response

from resumate.ai.generation import tasks
from resumate.ai.generation.deps import BudgetDep, GenerationDep, ProviderDep
from resumate.ai.generation.schemas import (
    CoverLetterIn,
    Letter,
    Proposal,
    RewriteIn,
    Status,
    SuggestIn,
    TailorIn,
)
from resumate.ai.generation.service import Generation
from resumate.ai.generation.status import status
from resumate.ai.generation.streaming import MEDIA_TYPE, EventStream, wants_events
from resumate.auth.deps import CurrentUser
from resumate.deps import SettingsDep
from resumate.errors import ErrorResponse
from resumate.openapi import responses

status_router = APIRouter(prefix="/api/ai", tags=["ai"])
router = APIRouter(prefix="/api/resumes/{resume_id}/ai", tags=["ai"])

Accept = Annotated[str | None, Header(max_length=1000, include_in_schema=False)]
EVENTS = (
    "The same answer as server-sent events when asked with `Accept: text/event-stream`: "
    "`progress` {stage, message}, `delta` {text}, then `result` (this body) or `error`."
)
GENERATION_ERRORS: dict[int | str, dict[str, Any]] = {
    **responses(401, 404, 422, 429, 503),
    502: {"model": ErrorResponse, "description": "The language model's answer was not usable"},
}
DOCUMENTED = {**GENERATION_ERRORS, 200: {"description": EVENTS, "content": {MEDIA_TYPE: {}}}}


@status_router.get("/status", response_model=Status, responses=responses(401))
async def ai_status(
    user: CurrentUser, settings: SettingsDep, provider: ProviderDep, budget: BudgetDep
) -> Status:
    """Which kinds of writing help this site offers, who would see the text, and today's budget."""
    used = await budget.used_today(user.id) if provider is not None else None
    return status(settings.ai, provider, used)


@router.post("/rewrite", response_model=Proposal, responses=DOCUMENTED)
async def rewrite(
    resume_id: uuid.UUID, asked: RewriteIn, generation: GenerationDep, accept: Accept = None
) -> Any:
    """Propose a rewrite of one summary, description or bullet, in a style."""
    limit = generation.max_tokens
    return await _answer(generation, resume_id, accept, lambda d: tasks.rewrite(d, asked, limit))


@router.post("/tailor", response_model=Proposal, responses=DOCUMENTED)
async def tailor(
    resume_id: uuid.UUID, asked: TailorIn, generation: GenerationDep, accept: Accept = None
) -> Any:
    """Propose changes that tailor the resume's prose to a job, using only its own facts."""
    limit = generation.max_tokens
    return await _answer(generation, resume_id, accept, lambda d: tasks.tailor(d, asked, limit))


@router.post("/cover-letter", response_model=Letter, responses=DOCUMENTED)
async def cover_letter(
    resume_id: uuid.UUID, asked: CoverLetterIn, generation: GenerationDep, accept: Accept = None
) -> Any:
    """Draft a cover letter for a job from the resume's facts."""
    limit = generation.max_tokens
    build = lambda d: tasks.cover_letter(d, asked, limit)  # noqa: E731
    return await _answer(generation, resume_id, accept, build)


@router.post("/suggest", response_model=Proposal, responses=DOCUMENTED)
async def suggest(
    resume_id: uuid.UUID, asked: SuggestIn, generation: GenerationDep, accept: Accept = None
) -> Any:
    """Propose bullets for one entry from a plain description of what the person did."""
    limit = generation.max_tokens
    return await _answer(generation, resume_id, accept, lambda d: tasks.suggest(d, asked, limit))


async def _answer(
    generation: Generation,
    resume_id: uuid.UUID,
    accept: str | None,
    build: Callable[[dict[str, Any]], tasks.Task[Any]],
) -> Response | Proposal | Letter:
    loaded = await generation.load(resume_id)
    task = build(loaded.data)
    reservation = await generation.reserve(loaded.user_id, task)
    if wants_events(accept):
        return EventStream(lambda emit: generation.run(task, reservation, emit))
    return await generation.run(task, reservation)
