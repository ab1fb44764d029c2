"""Request and response bodies of /api/auth/passkeys.

A credential is what the browser's `PublicKeyCredential.toJSON()` gives: binary values as
base64url, and keys the app does not need (extension results, the public key again) ignored.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, ConfigDict, Field, StringConstraints

from resumate.schemas import ApiInput, ApiModel, not_blank

NAME_LENGTH = 64
# Room for any real authenticator's answer, attestation certificates included.
Base64Url = Annotated[
    str, StringConstraints(min_length=1, max_length=16_384, pattern=r"^[A-Za-z0-9_-]+={0,2}$")
]
# The length is checked as sent (what the OpenAPI document promises), then the text is trimmed.
Name = Annotated[str, StringConstraints(min_length=1, max_length=64), AfterValidator(not_blank)]


class BrowserPart(ApiModel):
    model_config = ConfigDict(extra="ignore")


class AttestationResponse(BrowserPart):
    client_data_json: Base64Url = Field(alias="clientDataJSON")
    attestation_object: Base64Url
    transports: list[Annotated[str, StringConstraints(max_length=32)]] = Field(
        default_factory=list, max_length=10
    )


class AssertionResponse(BrowserPart):
    client_data_json: Base64Url = Field(alias="clientDataJSON")
    authenticator_data: Base64Url
    signature: Base64Url
    user_handle: Base64Url | None = None


class RegistrationCredential(BrowserPart):
    id: Base64Url
    raw_id: Base64Url
    type: Literal["public-key"]
    response: AttestationResponse
    authenticator_attachment: Literal["platform", "cross-platform"] | None = None


class AuthenticationCredential(BrowserPart):
    id: Base64Url
    raw_id: Base64Url
    type: Literal["public-key"]
    response: AssertionResponse


class Registration(ApiInput):
    credential: RegistrationCredential
    # Defaults to where the passkey was made ("Chrome on Linux", "Security key").
    name: Name | None = None


class Authentication(ApiInput):
    credential: AuthenticationCredential


class Rename(ApiInput):
    name: Name


class Options(ApiModel):
    """The ceremony's options for `navigator.credentials.create()` or `.get()`, as JSON
    (`PublicKeyCredential.parseCreationOptionsFromJSON` / `parseRequestOptionsFromJSON`).
    They expire, and can be answered once, within five minutes."""

    public_key: dict[str, Any]


class PasskeyOut(ApiModel):
    id: uuid.UUID
    name: str
    transports: list[str]
    created_at: datetime
    last_used_at: datetime | None
