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
    # Browsers send it as a cookie instead.
    refresh_token: str | None = Field(default=None, max_length=200)


class UserOut(ApiModel):
    id: uuid.UUID
    email: str
    created_at: datetime


class Session(ApiModel):
    access_token: str
    refresh_token: str
    token_type: Literal["Bearer"] = "Bearer"
    expires_in: int
    user: UserOut


class PasswordChange(ApiInput):
    current_password: str = Field(min_length=1, max_length=MAX_LENGTH)
    new_password: str = Field(min_length=1, max_length=MAX_LENGTH)


class AccountDeletion(ApiInput):
    password: str = Field(min_length=1, max_length=MAX_LENGTH)
