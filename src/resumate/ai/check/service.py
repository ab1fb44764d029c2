"""Checking a saved resume: the coach and the spelling checker, off the event loop."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime
from typing import Any

from resumate.ai.check.coach import coach
from resumate.ai.check.finding import Finding
from resumate.ai.check.grammar import spelling_and_grammar
from resumate.ai.check.schemas import CheckOut, FindingOut
from resumate.document.labels import field_label
from resumate.document.language import resume_language
from resumate.resumes.models import Resume


def check(data: dict[str, Any], chosen_language: object, today: date) -> list[Finding]:
    """Every finding about a resume: the coach's first, then spelling and grammar."""
    language = resume_language(data, chosen_language)
    return [*coach(data, language, today), *spelling_and_grammar(data, language)]


async def check_resume(resume: Resume) -> CheckOut:
    theme = resume.theme if isinstance(resume.theme, dict) else {}
    today = datetime.now(UTC).date()
    # Linting is CPU work (and loads dictionaries on first use): not on the event loop.
    findings = await asyncio.to_thread(check, resume.data, theme.get("language"), today)
    return CheckOut(version=resume.version, findings=[answer(finding) for finding in findings])


def answer(finding: Finding) -> FindingOut:
    return FindingOut(
        path=finding.path,
        kind=finding.kind,
        message=finding.message,
        suggestion=finding.suggestion,
        confirm=finding.confirm,
        label=field_label(finding.path),
    )
