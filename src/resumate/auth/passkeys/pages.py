"""Pages: rename or remove a passkey from the account page (adding one and signing in with one
go through the API from `static/js/passkeys.js`, as the browser's prompt needs a script)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from resumate.auth.deps import PageUser, PageWriter
from resumate.auth.passkeys.deps import PasskeyServiceDep
from resumate.auth.passkeys.models import Passkey
from resumate.auth.passkeys.schemas import Rename
from resumate.errors import ResumateError
from resumate.web.forms import errors_from, parse
from resumate.web.templating import render

router = APIRouter(include_in_schema=False)

NameField = Annotated[str, Form(max_length=4096)]


def _back(done: str) -> Response:
    return RedirectResponse(f"/account?passkey={done}#passkeys", status_code=303)


def rename_page(
    request: Request,
    passkey: Passkey,
    errors: dict[str, str] | None = None,
    typed: str | None = None,
    status_code: int = 200,
) -> Response:
    page = {
        "passkey": passkey,
        "errors": errors or {},
        "typed": passkey.name if typed is None else typed,
    }
    return render(request, "account/passkey_rename.html", page, status_code=status_code)


@router.get("/account/passkeys/{passkey_id}/rename")
async def rename_form(
    request: Request, passkey_id: uuid.UUID, user: PageUser, service: PasskeyServiceDep
) -> Response:
    """The rename form as a page of its own: for an attempt to correct, and without dialogs."""
    return rename_page(request, await service.get(user, passkey_id))


@router.post("/account/passkeys/{passkey_id}/rename")
async def rename(
    request: Request,
    passkey_id: uuid.UUID,
    user: PageWriter,
    service: PasskeyServiceDep,
    name: NameField = "",
) -> Response:
    passkey = await service.get(user, passkey_id)
    try:
        await service.rename(user, passkey_id, parse(Rename, {"name": name}).name)
    except ResumateError as error:
        errors = errors_from(error)
        return rename_page(request, passkey, errors, name, status_code=error.status)
    return _back("renamed")


@router.post("/account/passkeys/{passkey_id}/delete")
async def remove(passkey_id: uuid.UUID, user: PageWriter, service: PasskeyServiceDep) -> Response:
    await service.remove(user, passkey_id)
    return _back("removed")
