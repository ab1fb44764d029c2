"""Applying accepted changes: the guard runs again here, whatever the client says it showed.

A change applies only while its original is still the field's text (`apply_changes`); a change
the guard blocks (a fact the resume does not state) applies only with the person's explicit
`confirmed`. The result is a new version of the resume (undo = restore a version), or, for a
variant, a new resume linked to its master and the job.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from resumate.ai.apply.schemas import ApplyRequest, ProposedChange, VariantRequest, job_record
from resumate.ai.changes import Change, Dropped, apply_changes
from resumate.ai.fields import writable
from resumate.ai.guard import Flag, check_changes
from resumate.document.labels import path_parts
from resumate.document.schemas import JsonResume, parse_resume
from resumate.errors import Conflict, FieldError, PreconditionFailed, ValidationFailed
from resumate.resumes.models import Resume
from resumate.resumes.service import Changes, ResumeService

REASONS = {
    "changed": "The field changed since this was proposed, so it was left as it is.",
    "missing": "The field this change names is no longer in the resume.",
    "not_writable": "The assistant may not change this field: it holds a fact, not prose.",
}


class NothingToApply(Conflict):
    code = "nothing_to_apply"
    default_message = "None of the changes still fit the resume: it changed since they were made."


@dataclass(frozen=True)
class Applied:
    resume: Resume
    applied: list[Change]
    dropped: list[Dropped]
    created: bool


class ApplyService:
    def __init__(self, resumes: ResumeService) -> None:
        self.resumes = resumes

    async def apply(self, resume: Resume, expected_version: int, request: ApplyRequest) -> Applied:
        if resume.version != expected_version:
            raise PreconditionFailed()
        changes = request.changes
        _refuse_facts_and_repeats(changes)
        outcome = apply_changes(resume.data, [c.change() for c in changes])
        if not outcome.applied:
            raise NothingToApply(fields=_dropped_fields(changes, outcome.dropped))
        flags = check_changes(outcome.applied, resume.data)
        master = await self._master_of(resume)
        if master is not None:
            # A variant states its master's facts too: only what neither states is flagged.
            theirs = {_key(f) for f in check_changes(outcome.applied, master.data)}
            flags = [flag for flag in flags if _key(flag) in theirs]
        _refuse_unconfirmed(changes, flags)
        document = _document(outcome.data, changes)
        if request.variant is not None:
            title = _variant_title(master or resume, request.variant)
            job = job_record(request.variant.job)
            created = await self.resumes.create_variant(resume, title, document, job)
            return Applied(created, outcome.applied, outcome.dropped, created=True)
        saved = await self.resumes.update(resume, expected_version, Changes(data=document))
        return Applied(saved, outcome.applied, outcome.dropped, created=False)

    async def _master_of(self, resume: Resume) -> Resume | None:
        if resume.master_id is None:
            return None
        found = await self.resumes.resumes.get_owned(resume.owner_id, resume.master_id)
        if found is None:
            # A master in the trash still states the person's facts.
            found = await self.resumes.resumes.get_owned(
                resume.owner_id, resume.master_id, trashed=True
            )
        return found


def _key(flag: Flag) -> tuple[str, str, str]:
    return (flag.path, flag.kind, flag.value)


def _refuse_facts_and_repeats(changes: list[ProposedChange]) -> None:
    """A change to a fact (a name, an e-mail, a date) is refused, confirmed or not; so is a
    second change to one field, which would make the first one's original stale."""
    problems, seen = [], set()
    for index, change in enumerate(changes):
        if not writable(change.path):
            problems.append(
                FieldError(field=f"changes[{index}].path", message=REASONS["not_writable"])
            )
        elif change.path in seen:
            message = "Another change already names this field: send one change per field."
            problems.append(FieldError(field=f"changes[{index}].path", message=message))
        seen.add(change.path)
    if problems:
        raise ValidationFailed("Some changes may not be applied.", fields=problems)


def _refuse_unconfirmed(changes: list[ProposedChange], flags: list[Flag]) -> None:
    confirmed = {change.path for change in changes if change.confirmed}
    index = {change.path: i for i, change in enumerate(changes)}
    problems = [
        FieldError(field=f"changes[{index[flag.path]}].new", message=flag.message)
        for flag in flags
        if flag.blocking and flag.path not in confirmed
    ]
    if problems:
        raise ValidationFailed(
            "Some changes state what your resume does not: confirm each one only if it is true.",
            fields=problems,
        )


def _dropped_fields(changes: list[ProposedChange], dropped: list[Dropped]) -> list[FieldError]:
    index = {change.path: i for i, change in enumerate(changes)}
    return [
        FieldError(field=f"changes[{index[d.change.path]}]", message=REASONS[d.reason])
        for d in dropped
    ]


def _document(data: dict[str, Any], changes: list[ProposedChange]) -> JsonResume:
    """The changed document, validated like any save; a problem names the change causing it."""
    try:
        return parse_resume(data)
    except ValidationError as invalid:
        index = {tuple(path_parts(c.path)): i for i, c in enumerate(changes)}
        problems = []
        for error in invalid.errors():
            at = index.get(tuple(error["loc"]))
            field = f"changes[{at}].new" if at is not None else "changes"
            problems.append(FieldError(field=field, message=error["msg"]))
        raise ValidationFailed(
            "The changes would make the resume invalid.", fields=problems
        ) from None


def _variant_title(master: Resume, variant: VariantRequest) -> str:
    if variant.title is not None:
        return variant.title
    job = job_record(variant.job) or {}
    name = job.get("title") or job.get("company") or "tailored"
    return f"{master.title} — {name}"[:200]
