"""/api/templates: the templates a resume can use."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response

from resumate.deps import ContextDep, CurrentUser, SessionDep
from resumate.openapi import responses
from resumate.templates.schemas import TemplateOut
from resumate.templates.service import TemplateService
from resumate.templates.thumbnails import ThumbnailService

router = APIRouter(prefix="/api/templates", tags=["templates"])


@router.get("", response_model=list[TemplateOut], responses=responses(401))
async def list_templates(_user: CurrentUser, session: SessionDep) -> list[TemplateOut]:
    return [TemplateOut.model_validate(t) for t in await TemplateService(session).list_latest()]


@router.get("/{template_id}", response_model=TemplateOut, responses=responses(401, 404, 422))
async def get_template(
    template_id: uuid.UUID, _user: CurrentUser, session: SessionDep
) -> TemplateOut:
    return TemplateOut.model_validate(await TemplateService(session).get(template_id))


@router.get(
    "/{template_id}/thumbnail",
    response_class=Response,
    responses={**responses(401, 404, 422, 503), 200: {"content": {"image/png": {}}}},
)
async def get_thumbnail(
    template_id: uuid.UUID, _user: CurrentUser, session: SessionDep, context: ContextDep
) -> Response:
    """The template's first page with sample data, as a PNG (made on first request)."""
    template = await TemplateService(session).get(template_id)
    image = await ThumbnailService(session, context.storage, context.renderer).png(template)
    # A template version never changes, so neither does its picture.
    headers = {"Cache-Control": "private, max-age=604800, immutable"}
    return Response(image, media_type="image/png", headers=headers)
