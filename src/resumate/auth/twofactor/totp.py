"""RFC 6238 codes (pyotp), the secret sealed at rest, and its otpauth QR code (segno)."""

from __future__ import annotations

import base64
import hmac
import io
from dataclasses import dataclass
from datetime import datetime

import pyotp
import segno
from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

ISSUER = "Resumate"
STEP_SECONDS = 30
DIGITS = 6
# Codes of the step before and after are accepted too: clocks drift and people type slowly.
WINDOW = 1


@dataclass(frozen=True)
class SecretBox:
    """Seals TOTP secrets under a key derived from the app's secret (HKDF, its own label), so a
    copy of the database alone does not give anyone the codes."""

    fernet: Fernet

    @classmethod
    def from_app_secret(cls, app_secret: bytes) -> SecretBox:
        key = HKDF(
            algorithm=hashes.SHA256(), length=32, salt=None, info=b"resumate totp secret v1"
        ).derive(app_secret)
        return cls(Fernet(base64.urlsafe_b64encode(key)))

    def seal(self, secret: str) -> str:
        return self.fernet.encrypt(secret.encode()).decode()

    def open(self, sealed: str) -> str:
        try:
            return self.fernet.decrypt(sealed.encode()).decode()
        except InvalidToken as exc:
            # Only when the app's secret changed since enrolment: the factor cannot be used.
            raise ValueError("the TOTP secret was sealed under another app secret") from exc


def new_secret() -> str:
    """160 random bits in base32, as RFC 4226 recommends for HMAC-SHA1."""
    return pyotp.random_base32(32)


def time_step(now: datetime) -> int:
    return int(now.timestamp()) // STEP_SECONDS


def matching_step(secret: str, code: str, now: datetime) -> int | None:
    """The time step within the window whose code this is, or None."""
    if len(code) != DIGITS or not (code.isascii() and code.isdigit()):
        return None
    totp = pyotp.TOTP(secret, digits=DIGITS, interval=STEP_SECONDS)
    current = time_step(now)
    for step in range(current - WINDOW, current + WINDOW + 1):
        if hmac.compare_digest(totp.at(step * STEP_SECONDS), code):
            return step
    return None


def provisioning_uri(secret: str, email: str) -> str:
    """The otpauth:// URI an authenticator app reads from the QR code."""
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=ISSUER)


def qr_svg(uri: str) -> str:
    """The URI as inline SVG markup (no script, so the pages' CSP allows it)."""
    out = io.BytesIO()
    segno.make(uri, error="m").save(
        out,
        kind="svg",
        xmldecl=False,
        svgns=True,
        omitsize=True,
        border=2,
        svgclass="qr-code",
        title="QR code for adding Resumate to your authenticator app",
    )
    return out.getvalue().decode()


def grouped(secret: str) -> str:
    """The secret in groups of four, easier to type by hand."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
