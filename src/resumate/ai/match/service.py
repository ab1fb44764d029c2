"""Job match as a service: parse the job, score the resume in a worker thread."""

from __future__ import annotations

from typing import Any

import anyio.to_thread

from resumate.ai.match import scoring
from resumate.ai.match.jobs import JobPosting, from_document, from_text
from resumate.ai.match.schemas import JobDocument


def posting(job: str | JobDocument) -> JobPosting:
    if isinstance(job, str):
        return from_text(job)
    return from_document(job.model_dump(exclude_none=True))


async def match_resume(
    data: dict[str, Any], job: str | JobDocument, *, meaning: bool
) -> scoring.MatchResult:
    """The match, computed off the event loop: tens of milliseconds, more with the semantic
    extra (whose model loads on first use)."""
    return await anyio.to_thread.run_sync(
        lambda: scoring.match(data, posting(job), meaning=meaning)
    )
