"""Request and response bodies of sign-up, its confirmation, and a change of address."""

from __future__ import annotations

from typing import Literal

from pydantic import EmailStr, Field

from resumate.auth.passwords import MAX_LENGTH
from resumate.auth.signup.repository import MAX_TOKEN_LENGTH
from resumate.schemas import ApiInput, ApiModel


class ConfirmationSent(ApiModel):
    """The one answer to a sign-up or change of address, whether or not the address is taken."""

    status: Literal["confirmation-sent"] = "confirmation-sent"
    email: str


class EmailConfirmed(ApiModel):
    """A sign-up confirmed where the identity provider wants the password again: sign in next."""

    status: Literal["confirmed"] = "confirmed"
    email: str


class AddressOnly(ApiInput):
    email: EmailStr = Field(max_length=320)


class LinkToken(ApiInput):
    token: str = Field(min_length=1, max_length=MAX_TOKEN_LENGTH)


class EmailChange(ApiInput):
    email: EmailStr = Field(max_length=320)
    password: str = Field(min_length=1, max_length=MAX_LENGTH)
