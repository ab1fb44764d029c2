"""Request bodies of /api/auth/password-reset."""

from __future__ import annotations

from pydantic import EmailStr, Field

from resumate.auth.passwords import MAX_LENGTH
from resumate.schemas import ApiInput, ApiModel


class ResetRequest(ApiInput):
    email: EmailStr = Field(max_length=320)


class ResetConfirmation(ApiInput):
    # The token from the link (local accounts), or the code Cognito mailed.
    token: str = Field(min_length=1, max_length=256)
    password: str = Field(min_length=1, max_length=MAX_LENGTH)
    # Cognito's codes belong to one account, so it needs the address too; links do not.
    email: EmailStr | None = Field(default=None, max_length=320)


class ResetRequested(ApiModel):
    # The same words whether or not an account uses the address.
    message: str = (
        "If an account uses this address, we sent it a way to choose a new password. "
        "It works once, for a short while."
    )
