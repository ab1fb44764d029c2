"""/api/auth/password-reset: ask for a reset, then set the new password with the token."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response, status

from resumate.auth.deps import client_address
from resumate.auth.reset.deps import PasswordResetsDep
from resumate.auth.reset.schemas import ResetConfirmation, ResetRequest, ResetRequested
from resumate.openapi import responses

router = APIRouter(prefix="/api/auth/password-reset", tags=["auth"])


@router.post(
    "",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=ResetRequested,
    responses=responses(422, 429, 503),
)
async def request_reset(
    body: ResetRequest, request: Request, resets: PasswordResetsDep
) -> ResetRequested:
    """Mail a reset link (or, with Cognito, a code) if an account uses the address.

    The answer is 202 and takes the same time whether or not one does. Requests are limited per
    address and per client (429 with Retry-After).
    """
    await resets.request(body.email, client_address(request))
    return ResetRequested()


@router.post(
    "/confirm",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=responses(400, 422, 429, 503),
)
async def confirm_reset(body: ResetConfirmation, resets: PasswordResetsDep) -> Response:
    """Set the new password with the mailed token, once; every session of the account ends.

    400 names `token` when it was used, replaced or expired; 422 names `password` when the
    password is refused (and `email`, which Cognito's codes need).
    """
    await resets.confirm(body.token, body.password, body.email, sign_in_from=None)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
