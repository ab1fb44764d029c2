"""Share links of a resume, for its owner: make one per recipient, list them with their
counts, withdraw one."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request, Response, status

from resumate.deps import SettingsDep
from resumate.openapi import responses
from resumate.resumes.deps import OwnedResume
from resumate.sharing.deps import ShareServiceDep
from resumate.sharing.schemas import ShareIn, ShareList, ShareOut

router = APIRouter(prefix="/api/resumes/{resume_id}/shares", tags=["sharing"])


def site_url(request: Request, settings: SettingsDep) -> str:
    return settings.public_url or f"{request.url.scheme}://{request.url.netloc}"


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=ShareOut,
    responses=responses(401, 404, 409, 422),
)
async def create_share(
    request: Request,
    resume: OwnedResume,
    body: ShareIn,
    service: ShareServiceDep,
    settings: SettingsDep,
) -> ShareOut:
    """A link to send to one recipient (`label`): a web page of the resume in its template,
    and its PDF when `allowDownload`.

    Optional: an expiry, a password (kept as an argon2id hash), and what to hide from the
    visitor (`redact`: phone, e-mail, street address, photo, and the current employer's name
    replaced by a description) — taken out on the server before anything is rendered, so it is
    in no byte the visitor can get. `snapshot: true` (the default) freezes the resume as it is
    now; `false` shows every later save.
    """
    share, _ = await service.create(resume, body)
    return service.out(share, site_url(request, settings))


@router.get("", response_model=ShareList, responses=responses(401, 404, 422))
async def list_shares(
    request: Request, resume: OwnedResume, service: ShareServiceDep, settings: SettingsDep
) -> ShareList:
    """Every link of the resume, newest first, with its views and downloads and its state."""
    site = site_url(request, settings)
    return ShareList(items=[service.out(share, site) for share in await service.of_resume(resume)])


@router.delete(
    "/{share_id}", status_code=status.HTTP_204_NO_CONTENT, responses=responses(401, 404, 422)
)
async def revoke_share(
    resume: OwnedResume, share_id: uuid.UUID, service: ShareServiceDep
) -> Response:
    """Withdraw the link at once: it answers as an unknown one from now on. Its counts stay in
    the list."""
    await service.revoke(resume, share_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
