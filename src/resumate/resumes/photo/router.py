"""/api/resumes/{id}/photo: upload the person's photo (cleaned and stored), see it, delete it.

Only the resume's owner reaches it (404 for anyone else): printed pages carry the photo inlined,
so no one else ever needs its address.
"""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, File, Query, Response, UploadFile, status

from resumate.errors import FieldError, ValidationFailed
from resumate.openapi import responses
from resumate.resumes.deps import OwnedResume
from resumate.resumes.photo.deps import PhotoServiceDep
from resumate.resumes.photo.images import MAX_UPLOAD_BYTES, NotAPhoto
from resumate.resumes.photo.schemas import PhotoOut
from resumate.resumes.photo.service import MEDIA_TYPE

router = APIRouter(prefix="/api/resumes/{resume_id}/photo", tags=["photo"])
# Its body limit is the import's (a 5 MB photo and the form around it), not every route's 1 MB.
PHOTO_PATH = re.compile(r"/api/resumes/[^/]+/photo")

Version = Annotated[str, Query(pattern=r"^[0-9a-f]{16}$", description="the photo's digest")]


# 400: a body that is not multipart form data at all (FastAPI refuses it before the route).
@router.put("", response_model=PhotoOut, responses=responses(400, 401, 404, 422, 503))
async def upload_photo(
    resume: OwnedResume,
    service: PhotoServiceDep,
    file: Annotated[UploadFile, File(description="a PNG or JPEG of at most 5 MB, cropped")],
) -> PhotoOut:
    """Store a photo for the resume: re-encoded as a square JPEG of at most 800 px, with no
    metadata (EXIF, GPS, ICC). Put the answer's `image` in `basics.image` to print it."""
    try:
        image = await service.put(resume.id, await file.read(MAX_UPLOAD_BYTES + 1))
    except NotAPhoto as exc:
        raise ValidationFailed(fields=[FieldError(field="file", message=str(exc))]) from None
    return PhotoOut(image=image)


@router.get(
    "",
    response_class=Response,
    responses={**responses(401, 404, 422, 503), 200: {"content": {MEDIA_TYPE: {}}}},
)
async def get_photo(resume: OwnedResume, service: PhotoServiceDep, v: Version) -> Response:
    """The stored photo by its digest (the `v` of the address the upload answered)."""
    image = await service.get(resume.id, v)
    return Response(
        image,
        media_type=MEDIA_TYPE,
        headers={"Cache-Control": "private, max-age=31536000, immutable"},
    )


@router.delete("", status_code=status.HTTP_204_NO_CONTENT, responses=responses(401, 404, 422, 503))
async def delete_photo(resume: OwnedResume, service: PhotoServiceDep) -> None:
    """Delete the resume's stored photo; take it out of `basics.image` too."""
    await service.delete(resume.id)
