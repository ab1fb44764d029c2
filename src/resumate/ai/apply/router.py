"""POST /api/resumes/{id}/ai/apply: the changes the person accepted, as a new version or a
new variant of the resume."""

from __future__ import annotations

from fastapi import APIRouter, Response

from resumate.ai.apply.deps import ApplyServiceDep
from resumate.ai.apply.schemas import ApplyOut, ApplyRequest, DroppedOut
from resumate.openapi import responses
from resumate.resumes.deps import ExpectedVersion, OwnedResume
from resumate.resumes.schemas import etag, resume_out

router = APIRouter(prefix="/api/resumes", tags=["ai"])


@router.post(
    "/{resume_id}/ai/apply",
    response_model=ApplyOut,
    responses={
        201: {"model": ApplyOut, "description": "A new variant, linked to its master and job"},
        **responses(401, 404, 409, 412, 422, 428),
    },
)
async def apply_changes(
    resume: OwnedResume, version: ExpectedVersion, body: ApplyRequest, service: ApplyServiceDep
) -> Response:
    """Apply accepted changes as a new version (undo = restore the previous one).

    Each change applies only while its `original` is still the field's text (the others come
    back in `dropped`). The server checks every change against the resume's facts again: a
    change stating what the resume does not needs `confirmed: true`, else 422 names it. With
    `variant`, a new resume linked to this one (its master) and the job is made instead (201).
    409 `nothing_to_apply` when no change still fits.
    """
    done = await service.apply(resume, version, body)
    answer = ApplyOut(
        resume=resume_out(done.resume),
        applied=done.applied,
        dropped=[DroppedOut(change=d.change, reason=d.reason) for d in done.dropped],
    )
    headers = {"ETag": etag(done.resume)}
    if done.created:
        headers["Location"] = f"/api/resumes/{done.resume.id}"
    return Response(
        answer.model_dump_json(by_alias=True),
        status_code=201 if done.created else 200,
        media_type="application/json",
        headers=headers,
    )
