"""The resume's thumbnail, as the dashboard's cards show it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from resumate.deps import SessionDep
from resumate.rendering.deps import RendererDep
from resumate.resumes.deps import PageResume
from resumate.resumes.thumbnails.service import ResumeThumbnails, etag_of
from resumate.storage.deps import StorageDep

router = APIRouter(include_in_schema=False)

# The card asks for `?v=<version>`: that address always shows the same picture.
CACHE_VERSIONED = "private, max-age=31536000, immutable"
CACHE_OTHERWISE = "private, no-cache"


async def get_thumbnails(
    session: SessionDep, storage: StorageDep, renderer: RendererDep
) -> ResumeThumbnails:
    return ResumeThumbnails(session, storage, renderer)


@router.get("/resumes/{resume_id}/thumbnail.png")
async def thumbnail(
    request: Request,
    resume: PageResume,
    shots: Annotated[ResumeThumbnails, Depends(get_thumbnails)],
    v: Annotated[str | None, Query(max_length=20)] = None,
) -> Response:
    """The resume's first page as a PNG, made once per distinct content."""
    key = await shots.key(resume)
    cache = CACHE_VERSIONED if v == resume.picture_version else CACHE_OTHERWISE
    headers = {"ETag": etag_of(key), "Cache-Control": cache}
    if request.headers.get("if-none-match") == headers["ETag"]:
        return Response(status_code=304, headers=headers)
    return Response(await shots.png(resume, key), media_type="image/png", headers=headers)
