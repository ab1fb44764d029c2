"""Upload ids: the key a file is sent to, sealed to the person it was given to.

An id is `base64url(key).base64url(mac)`, the MAC over the person's id and the key under a key
of its own derived from the app's secret. Nothing is stored: the app can tell its own ids from
forged or borrowed ones, and the bucket's objects say the rest (sent yet, or already taken).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import secrets
import uuid

# Owners are `user-<uuid>` or a Cognito identity id (`<region>:<uuid>`); the rest is random.
KEY = re.compile(r"(?:user-[0-9a-f-]{36}|[a-z]{2}(?:-[a-z]+)+-\d:[0-9a-f-]{36})/[A-Za-z0-9_-]{24}")
MAC_BYTES = 18


def new_key(owner: str) -> str:
    """A fresh key in the owner's folder."""
    return f"{owner}/{secrets.token_urlsafe(18)}"


def app_owner(user_id: uuid.UUID) -> str:
    """The folder of a person whose uploads the app signs for itself."""
    return f"user-{user_id}"


class UploadIds:
    def __init__(self, app_secret: bytes) -> None:
        self._key = hmac.new(app_secret, b"resumate upload ids", hashlib.sha256).digest()

    def seal(self, key: str, user_id: uuid.UUID) -> str:
        return f"{_encode(key.encode())}.{_encode(self._mac(key, user_id))}"

    def open(self, upload_id: str, user_id: uuid.UUID) -> str | None:
        """The key behind an id given to this person; None for any other id."""
        encoded, _, mac = upload_id.partition(".")
        try:
            key = _decode(encoded).decode("ascii")
            given = _decode(mac)
        except (binascii.Error, UnicodeDecodeError, ValueError):
            return None
        if not hmac.compare_digest(given, self._mac(key, user_id)) or not KEY.fullmatch(key):
            return None
        return key

    def _mac(self, key: str, user_id: uuid.UUID) -> bytes:
        message = f"{user_id}\n{key}".encode()
        return hmac.new(self._key, message, hashlib.sha256).digest()[:MAC_BYTES]


def _encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _decode(text: str) -> bytes:
    if not text or len(text) > 200:
        raise ValueError("not an upload id")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
