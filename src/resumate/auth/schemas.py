"""Request and response bodies of /api/auth and /api/account."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import EmailStr, Field

from resumate.auth.passwords import MAX_LENGTH
from resumate.schemas import ApiInput, ApiModel


class Credentials(ApiInput):
    email: EmailStr = Field(max_length=320)
    password: str = Field(min_length=1, max_length=MAX_LENGTH)


class RefreshRequest(ApiInput):
    # Browsers send it as a cookie instead. Cognito's refresh tokens are encrypted JWTs of
    # about 1.8 KB, so the limit leaves room for them.
    refresh_token: str | None = Field(default=None, max_length=4096)


class UserOut(ApiModel):
    id: uuid.UUID
    email: str
    created_at: datetime


class Session(ApiModel):
    access_token: str
    refresh_token: str
    token_type: Literal["Bearer"] = "Bearer"  # noqa: S105 - a scheme name, not a secret
    expires_in: int
    user: UserOut


class PasswordChange(ApiInput):
    current_password: str = Field(min_length=1, max_length=MAX_LENGTH)
    new_password: str = Field(min_length=1, max_length=MAX_LENGTH)


class AccountDeletion(ApiInput):
    password: str = Field(min_length=1, max_length=MAX_LENGTH)
