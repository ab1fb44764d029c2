"""The direct uploads as a dependency; a server without an uploads bucket answers 404."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from resumate.components import Slot
from resumate.errors import NotFound
from resumate.transfer.direct.service import DirectUploads

UPLOADS: Slot[DirectUploads] = Slot("direct uploads")
# Where pages ask for a form (`POST`), and take the file sent with it (`POST .../{uploadId}`).
UPLOADS_API = "/api/resumes/import/uploads"

NOT_SET_UP = (
    "This server takes files in the import's form only: send the file as multipart/form-data"
    " to POST /api/resumes/import."
)


async def direct_uploads(request: Request) -> DirectUploads:
    uploads = UPLOADS.find(request.app)
    if uploads is None:
        raise NotFound(NOT_SET_UP)
    return uploads


DirectUploadsDep = Annotated[DirectUploads, Depends(direct_uploads)]
