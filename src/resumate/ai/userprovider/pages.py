"""The account's "Your own language model" page: set or remove it, with forms that work
without scripts."""

from __future__ import annotations

import contextlib
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from resumate.ai.userprovider.deps import UserProviderServiceDep
from resumate.ai.userprovider.schemas import KIND_NAMES, ProviderIn, ProviderOut
from resumate.auth.deps import PageUser, PageWriter
from resumate.errors import NotFound, ResumateError
from resumate.web.forms import errors_from, parse
from resumate.web.templating import render

router = APIRouter(include_in_schema=False)

TextField = Annotated[str, Form(max_length=4096)]
NAMES = {"baseUrl": "base_url", "apiKey": "api_key"}
PAGE = "/account/ai-provider"


def provider_page(
    request: Request,
    current: ProviderOut | None,
    *,
    form: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    saved: str | None = None,
    status_code: int = 200,
) -> Response:
    page = {
        "current": current,
        "kinds": KIND_NAMES,
        "form": form or {"kind": current.kind if current else "openai"},
        "errors": errors or {},
        "saved": saved,
    }
    return render(request, "account/ai_provider.html", page, status_code=status_code)


async def _current(service: UserProviderServiceDep, user: PageUser) -> ProviderOut | None:
    try:
        return await service.get(user.id)
    except NotFound:
        return None


@router.get(PAGE)
async def provider_form(
    request: Request, user: PageUser, service: UserProviderServiceDep, saved: str | None = None
) -> Response:
    return provider_page(request, await _current(service, user), saved=saved)


@router.post(PAGE)
async def set_provider(
    request: Request,
    user: PageWriter,
    service: UserProviderServiceDep,
    kind: TextField = "",
    base_url: TextField = "",
    model: TextField = "",
    api_key: TextField = "",
) -> Response:
    # The key is never sent back into the form.
    form = {"kind": kind, "base_url": base_url, "model": model}
    fields = form | {"base_url": base_url.strip() or None, "api_key": api_key}
    try:
        await service.put(user.id, parse(ProviderIn, fields, NAMES))
    except ResumateError as error:
        current = await _current(service, user)
        errors = errors_from(error, NAMES)
        return provider_page(request, current, form=form, errors=errors, status_code=error.status)
    return RedirectResponse(f"{PAGE}?saved=set", status_code=303)


@router.post(f"{PAGE}/remove")
async def remove_provider(user: PageWriter, service: UserProviderServiceDep) -> Response:
    # Already gone: the page says so either way.
    with contextlib.suppress(NotFound):
        await service.remove(user.id)
    return RedirectResponse(f"{PAGE}?saved=removed", status_code=303)
