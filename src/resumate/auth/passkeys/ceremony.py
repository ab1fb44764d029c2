"""What the browser sent, read as far as the app needs before the library checks it all.

`webauthn` (py_webauthn) checks the signature, challenge, origin, relying party and counter; its
refusals are sentences, mapped here to the field of the credential they are about.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from webauthn import base64url_to_bytes
from webauthn.helpers.exceptions import WebAuthnException

from resumate.errors import FieldError

CLIENT_DATA = "credential.response.clientDataJSON"
AUTHENTICATOR_DATA = "credential.response.authenticatorData"
ATTESTATION = "credential.response.attestationObject"
SIGNATURE = "credential.response.signature"
# Which part of the credential a refusal of the library is about, by the words it uses.
FIELDS_BY_WORD = (
    ("raw_id", "credential.rawId"),
    ("client data", CLIENT_DATA),
    ("clientdatajson", CLIENT_DATA),
    ("challenge", CLIENT_DATA),
    ("origin", CLIENT_DATA),
    ("token_binding", CLIENT_DATA),
    ("sign count", AUTHENTICATOR_DATA),
    ("signature", SIGNATURE),
    ("attestation", ATTESTATION),
    ("credential type", "credential.type"),
)


class CredentialUnreadable(ValueError):
    """The credential is not what a browser sends; `field` names the part."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class ClientData:
    challenge: bytes
    origin: str

    @property
    def challenge_hash(self) -> str:
        return hash_challenge(self.challenge)


def hash_challenge(challenge: bytes) -> str:
    return hashlib.sha256(challenge).hexdigest()


def decode(value: str, field: str) -> bytes:
    try:
        return base64url_to_bytes(value)
    except ValueError as exc:
        raise CredentialUnreadable(field, "is not base64url") from exc


def client_data(encoded: str) -> ClientData:
    """The challenge and origin the browser signed over."""
    try:
        data = json.loads(decode(encoded, CLIENT_DATA))
        challenge, origin = data["challenge"], data["origin"]
        if not isinstance(challenge, str) or not isinstance(origin, str):
            raise TypeError("challenge and origin must be strings")
        return ClientData(challenge=decode(challenge, CLIENT_DATA), origin=origin)
    except (ValueError, KeyError, TypeError) as exc:
        raise CredentialUnreadable(CLIENT_DATA, "is not the browser's client data") from exc


def refusal(exc: WebAuthnException, fallback: str) -> FieldError:
    """The library's refusal, as the field it is about and its own sentence."""
    message = str(exc) or "was not accepted"
    words = message.casefold()
    field = next((name for word, name in FIELDS_BY_WORD if word in words), fallback)
    return FieldError(field=field, message=message)
