"""/api/account/email: ask to change the address (a link to the new one), and confirm it."""

from __future__ import annotations

from fastapi import APIRouter, BackgroundTasks, Request, status

from resumate.auth.deps import AuthServiceDep, CurrentUser, client_address
from resumate.auth.schemas import UserOut
from resumate.auth.service import normalise_email
from resumate.auth.signup.schemas import ConfirmationSent, EmailChange, LinkToken
from resumate.openapi import responses

router = APIRouter(prefix="/api/account/email", tags=["account"])


@router.post(
    "",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=ConfirmationSent,
    responses=responses(400, 401, 422, 429),
)
async def request_change(
    body: EmailChange,
    request: Request,
    user: CurrentUser,
    service: AuthServiceDep,
    background: BackgroundTasks,
) -> ConfirmationSent:
    """Mails the new address a link (or, if it has an account, says so there instead) and tells
    the current address. The answer is the same whether or not the new address is taken."""
    background.add_task(
        await service.request_email_change(user, body.email, body.password, client_address(request))
    )
    return ConfirmationSent(email=normalise_email(body.email))


@router.post("/confirm", response_model=UserOut, responses=responses(400, 401, 404, 409, 422))
async def confirm_change(
    body: LinkToken, user: CurrentUser, service: AuthServiceDep, background: BackgroundTasks
) -> UserOut:
    """The account moves to the link's address; this session carries on."""
    background.add_task(await service.confirm_email_change(user, body.token))
    return UserOut.model_validate(user)
