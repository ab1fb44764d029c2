"""/assets: the pages' CSS, scripts, icons and fonts, all shipped in the package; /api/docs."""

from __future__ import annotations

import mimetypes

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response

from resumate.errors import NotFound
from resumate.rendering.fonts import font_faces
from resumate.web.assets import IMMUTABLE, PREFIX, TYPES, asset_url, fingerprint, locate

router = APIRouter(include_in_schema=False)

# Swagger UI 5.35.0, vendored from npm (static/vendor/swagger-ui/README.md says what and how).
SWAGGER_UI = "vendor/swagger-ui/"


@router.get("/api/docs")
async def api_docs(request: Request) -> HTMLResponse:
    """Swagger UI for the API, from the package's own files: it works with no network."""
    return get_swagger_ui_html(
        openapi_url="/api/openapi.json",
        title=f"{request.app.title} - Swagger UI",
        swagger_js_url=asset_url(SWAGGER_UI + "swagger-ui-bundle.js"),
        swagger_css_url=asset_url(SWAGGER_UI + "swagger-ui.css"),
        swagger_favicon_url=asset_url(SWAGGER_UI + "favicon-32x32.png"),
        # Never the badge that has swagger.io's validator check the document (BaseLayout
        # shows none today; this keeps it off whatever the layout).
        swagger_ui_parameters={"validatorUrl": None},
    )


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
