"""Share links of a resume, for its owner: make one per recipient, list them with their
counts, withdraw one; and what was sent for each application, kept as it was sent."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status

from resumate.auth.deps import CurrentUser
from resumate.db import release
from resumate.deps import SessionDep, SettingsDep
from resumate.openapi import responses
from resumate.rendering.deps import RendererDep
from resumate.resumes.deps import OwnedResume
from resumate.resumes.pdf.service import pdf_filename
from resumate.sharing.deps import ShareServiceDep
from resumate.sharing.models import SentRecord
from resumate.sharing.records import SentRecords
from resumate.sharing.schemas import (
    SentDetail,
    SentIn,
    SentList,
    SentOut,
    ShareIn,
    ShareList,
    ShareOut,
)
from resumate.storage.base import content_disposition
from resumate.storage.deps import StorageDep

router = APIRouter(prefix="/api/resumes/{resume_id}", tags=["sharing"])

Application = Annotated[str | None, Query(max_length=120, description="Only this application.")]


def site_url(request: Request, settings: SettingsDep) -> str:
    return settings.public_url or f"{request.url.scheme}://{request.url.netloc}"


@router.post(
    "/shares",
    status_code=status.HTTP_201_CREATED,
    response_model=ShareOut,
    responses=responses(401, 404, 409, 422, 503),
)
async def create_share(
    request: Request,
    user: CurrentUser,
    resume: OwnedResume,
    body: ShareIn,
    service: ShareServiceDep,
    session: SessionDep,
    storage: StorageDep,
    renderer: RendererDep,
    settings: SettingsDep,
) -> ShareOut:
    """A link to send to one recipient (`label`): a web page of the resume in its template,
    and its PDF when `allowDownload`.

    Optional: an expiry, a password (kept as an argon2id hash), and what to hide from the
    visitor (`redact`: phone, e-mail, street address, photo, and the current employer's name
    replaced by a description) — taken out on the server before anything is rendered, so it is
    in no byte the visitor can get. `snapshot: true` (the default) freezes the resume as it is
    now; `false` shows every later save.

    What the link shows now is kept as sent for the application `label` (see `/sent`).
    """
    share, _ = await service.create(resume, body)
    shown = await service.shown(share)
    await release(session)  # nothing is written yet; printing takes a while
    records = SentRecords(session, storage, renderer)
    await service.add(share)
    await records.keep(shown, user.id, application=share.label, kind="link", share=share)
    return service.out(share, site_url(request, settings))


@router.get("/shares", response_model=ShareList, responses=responses(401, 404, 422))
async def list_shares(
    request: Request, resume: OwnedResume, service: ShareServiceDep, settings: SettingsDep
) -> ShareList:
    """Every link of the resume, newest first, with its views and downloads and its state."""
    site = site_url(request, settings)
    return ShareList(items=[service.out(share, site) for share in await service.of_resume(resume)])


@router.delete(
    "/shares/{share_id}", status_code=status.HTTP_204_NO_CONTENT, responses=responses(401, 404, 422)
)
async def revoke_share(
    resume: OwnedResume, share_id: uuid.UUID, service: ShareServiceDep
) -> Response:
    """Withdraw the link at once: it answers as an unknown one from now on. Its counts stay in
    the list, and what it sent stays in `/sent`."""
    await service.revoke(resume, share_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


def sent_out(record: SentRecord, model: type[SentOut] = SentOut) -> SentOut:
    return model(
        id=record.id,
        application=record.application,
        kind=record.kind,
        share_id=record.share_id,
        sha256=record.pdf_sha256,
        bytes=record.pdf_bytes,
        pages=record.pdf_pages,
        title=record.title,
        template_id=record.template_id,
        template_hash=record.template_hash,
        theme=record.theme,
        settings=record.settings,
        pdf_url=f"/api/resumes/{record.resume_id}/sent/{record.id}/pdf",
        created_at=record.created_at,
        **({"data": record.data} if model is SentDetail else {}),
    )


@router.post(
    "/sent",
    status_code=status.HTTP_201_CREATED,
    response_model=SentOut,
    responses=responses(401, 404, 422, 503),
)
async def send_pdf(
    user: CurrentUser,
    resume: OwnedResume,
    body: SentIn,
    service: ShareServiceDep,
    session: SessionDep,
    storage: StorageDep,
    renderer: RendererDep,
) -> SentOut:
    """The resume's PDF as it prints now, for one application: kept as sent, and downloaded
    from `pdfUrl` — the same bytes today and after any edit."""
    shown = await service.of_resume_now(resume)
    await release(session)
    record, _ = await SentRecords(session, storage, renderer).keep(
        shown, user.id, application=body.application, kind="download"
    )
    await session.flush()
    return sent_out(record)


@router.get("/sent", response_model=SentList, responses=responses(401, 404, 422))
async def list_sent(
    resume: OwnedResume,
    session: SessionDep,
    storage: StorageDep,
    renderer: RendererDep,
    application: Application = None,
) -> SentList:
    """What was sent from this resume — each link made and each PDF downloaded for an
    application — by application, then newest first."""
    records = await SentRecords(session, storage, renderer).of_resume(resume, application)
    return SentList(items=[sent_out(record) for record in records])


@router.get("/sent/{record_id}", response_model=SentDetail, responses=responses(401, 404, 422))
async def sent_record(
    resume: OwnedResume,
    record_id: uuid.UUID,
    session: SessionDep,
    storage: StorageDep,
    renderer: RendererDep,
) -> SentOut:
    """One thing sent, with the data as it was sent (after the link's redaction)."""
    record = await SentRecords(session, storage, renderer).owned(resume, record_id)
    return sent_out(record, SentDetail)


@router.get(
    "/sent/{record_id}/pdf",
    response_class=Response,
    responses={
        **responses(401, 404, 422, 503),
        200: {"content": {"application/pdf": {}}, "description": "The PDF's exact bytes."},
    },
)
async def sent_pdf(
    resume: OwnedResume,
    record_id: uuid.UUID,
    session: SessionDep,
    storage: StorageDep,
    renderer: RendererDep,
) -> Response:
    """The PDF exactly as it was sent: its SHA-256 is the record's `sha256`."""
    records = SentRecords(session, storage, renderer)
    record = await records.owned(resume, record_id)
    disposition = content_disposition(pdf_filename(record.title, f" - {record.application}"))
    return Response(
        await records.pdf(record),
        media_type="application/pdf",
        headers={"Content-Disposition": disposition, "Cache-Control": "private, no-store"},
    )
