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
    versioned = request.query_params.get("v") == fingerprint(path)
    media_type = TYPES.get(found.suffix) or mimetypes.guess_type(found.name)[0]
    return FileResponse(
        found,
        media_type=media_type,
        headers={"Cache-Control": IMMUTABLE if versioned else "no-cache"},
    )
