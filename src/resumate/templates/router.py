"""/api/templates: the templates a resume can use."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response

from resumate.auth.deps import CurrentUser
from resumate.openapi import responses
from resumate.templates.deps import TemplateServiceDep, TemplateThumbnailsDep
from resumate.templates.schemas import TemplateOut

router = APIRouter(prefix="/api/templates", tags=["templates"])


@router.get("", response_model=list[TemplateOut], responses=responses(401))
async def list_templates(_user: CurrentUser, service: TemplateServiceDep) -> list[TemplateOut]:
    return [TemplateOut.model_validate(t) for t in await service.list_latest()]


@router.get("/{template_id}", response_model=TemplateOut, responses=responses(401, 404, 422))
async def get_template(
    template_id: uuid.UUID, _user: CurrentUser, service: TemplateServiceDep
) -> TemplateOut:
    return TemplateOut.model_validate(await service.get(template_id))


@router.get(
    "/{template_id}/thumbnail",
    response_class=Response,
    responses={**responses(401, 404, 422, 503), 200: {"content": {"image/png": {}}}},
)
async def get_thumbnail(
    template_id: uuid.UUID,
    _user: CurrentUser,
    service: TemplateServiceDep,
    thumbnails: TemplateThumbnailsDep,
) -> Response:
    """The template's first page with sample data, as a PNG (made on first request)."""
    image = await thumbnails.png(await service.get(template_id))
    # A template version never changes, so neither does its picture.
    headers = {"Cache-Control": "private, max-age=604800, immutable"}
    return Response(image, media_type="image/png", headers=headers)
