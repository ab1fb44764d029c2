"""/api/auth: register (one answer for every address), send the link again, verify the e-mail."""

from __future__ import annotations

from fastapi import APIRouter, BackgroundTasks, Request, Response, status
from fastapi.responses import JSONResponse

from resumate.auth.cookies import session_body
from resumate.auth.deps import AuthBackendDep, AuthServiceDep, client_address
from resumate.auth.schemas import Credentials, Session
from resumate.auth.service import normalise_email
from resumate.auth.signup.schemas import AddressOnly, ConfirmationSent, EmailConfirmed, LinkToken
from resumate.auth.signup.service import pending_sign_up
from resumate.deps import SessionDep
from resumate.openapi import responses

router = APIRouter(prefix="/api/auth", tags=["auth"])


@router.post(
    "/register",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=ConfirmationSent,
    responses=responses(422, 429, 503),
)
async def register(
    body: Credentials, request: Request, service: AuthServiceDep, background: BackgroundTasks
) -> ConfirmationSent:
    """Mails a link that finishes the sign-up (or tells the address's owner that someone tried).
    The answer is the same either way: nothing here says whether the address has an account."""
    background.add_task(await service.register(body.email, body.password, client_address(request)))
    return ConfirmationSent(email=normalise_email(body.email))


@router.post(
    "/register/resend",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=ConfirmationSent,
    responses=responses(422, 429),
)
async def resend(
    body: AddressOnly, request: Request, service: AuthServiceDep, background: BackgroundTasks
) -> ConfirmationSent:
    """A fresh link for a sign-up still waiting to be confirmed; the same answer for any address."""
    background.add_task(await service.resend_confirmation(body.email, client_address(request)))
    return ConfirmationSent(email=normalise_email(body.email))


@router.post(
    "/verify-email",
    status_code=status.HTTP_201_CREATED,
    response_model=Session,
    responses={
        200: {"model": EmailConfirmed, "description": "Confirmed; sign in next (Cognito)"},
        **responses(400, 409, 422),
    },
)
async def verify_email(
    body: LinkToken,
    response: Response,
    session: SessionDep,
    service: AuthServiceDep,
    auth: AuthBackendDep,
) -> Session | JSONResponse:
    """Create the account the link stands for and sign it in."""
    email = (await pending_sign_up(session, body.token)).email
    issued = await service.verify_email(body.token)
    if issued is None:
        confirmed = EmailConfirmed(email=email).model_dump(by_alias=True)
        return JSONResponse(confirmed, status_code=status.HTTP_200_OK)
    return session_body(issued, response, auth)
