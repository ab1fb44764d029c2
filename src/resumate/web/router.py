"""/assets: the pages' CSS, scripts, icons and fonts, all shipped in the package."""

from __future__ import annotations

import mimetypes

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, JSONResponse, Response

from resumate.errors import NotFound
from resumate.rendering.fonts import font_faces
from resumate.web.assets import IMMUTABLE, PREFIX, TYPES, fingerprint, locate

router = APIRouter(include_in_schema=False)


@router.get(PREFIX + "/resume-fonts.json")
async def resume_fonts() -> Response:
    """The bundled faces, for pages that show resume documents in a frame."""
    return JSONResponse(font_faces(), headers={"Cache-Control": "public, max-age=3600"})


@router.get(PREFIX + "/{path:path}")
async def asset(path: str, request: Request) -> Response:
    found = locate(path)
    if found is None:
        raise NotFound("There is no such file.")
    digest = fingerprint(path)
    # Unversioned links (the editor's modules import each other by plain path) are checked
    # again on every use, and answered 304 while the file is the same.
    headers = {
        "Cache-Control": IMMUTABLE if request.query_params.get("v") == digest else "no-cache",
        "ETag": f'"{digest}"',
    }
    if request.headers.get("if-none-match") == headers["ETag"]:
        return Response(status_code=304, headers=headers)
    media_type = TYPES.get(found.suffix) or mimetypes.guess_type(found.name)[0]
    return FileResponse(found, media_type=media_type, headers=headers)
