"""/api/templates: the templates a resume can use."""

from __future__ import annotations

import uuid

from fastapi import APIRouter

from resumate.deps import CurrentUser, SessionDep
from resumate.openapi import responses
from resumate.templates.schemas import TemplateOut
from resumate.templates.service import TemplateService

router = APIRouter(prefix="/api/templates", tags=["templates"])


@router.get("", response_model=list[TemplateOut], responses=responses(401))
async def list_templates(_user: CurrentUser, session: SessionDep) -> list[TemplateOut]:
    return [TemplateOut.model_validate(t) for t in await TemplateService(session).list_latest()]


@router.get("/{template_id}", response_model=TemplateOut, responses=responses(401, 404, 422))
async def get_template(
    template_id: uuid.UUID, _user: CurrentUser, session: SessionDep
) -> TemplateOut:
    return TemplateOut.model_validate(await TemplateService(session).get(template_id))
