"""The configured auth backend, built once per app: local accounts or a Cognito user pool."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from cryptography.hazmat.primitives.asymmetric import rsa

from resumate.auth.cognito.service import Cognito
from resumate.auth.keys import SigningKey, load_or_create_signing_key, load_signing_key, thumbprint
from resumate.auth.provider import Authenticator
from resumate.auth.throttle import LoginThrottle
from resumate.auth.tokens import LocalAuthenticator, TokenIssuer
from resumate.config import Settings, app_secret
from resumate.db import Database
from resumate.web.csrf import CsrfTokens


@dataclass(frozen=True)
class AuthBackend:
    tokens: TokenIssuer
    throttle: LoginThrottle
    # Turns an access token into its user, for whichever provider is configured.
    authenticator: Authenticator
    refresh_lifetime: timedelta
    secure_cookies: bool
    # Signs the CSRF token each new session's cookies carry.
    csrf: CsrfTokens
    # Set when accounts live in a Cognito user pool (`RESUMATE_AUTH_PROVIDER=cognito`).
    cognito: Cognito | None = None

    @classmethod
    def build(cls, settings: Settings, database: Database) -> AuthBackend:
        tokens = TokenIssuer(
            key=_signing_key(settings),
            issuer=settings.auth.issuer,
            audience=settings.auth.audience,
            lifetime=timedelta(seconds=settings.auth.access_token_seconds),
        )
        cognito = (
            Cognito.from_settings(settings.auth.cognito)
            if settings.auth.provider == "cognito"
            else None
        )
        return cls(
            tokens=tokens,
            throttle=LoginThrottle.from_settings(database.sessionmaker, settings.auth),
            authenticator=cognito.authenticator if cognito else LocalAuthenticator(tokens),
            refresh_lifetime=timedelta(days=settings.auth.refresh_token_days),
            secure_cookies=settings.secure_cookies,
            csrf=CsrfTokens(app_secret(settings)),
            cognito=cognito,
        )

    async def close(self) -> None:
        if self.cognito is not None:
            self.cognito.client.close()


def _signing_key(settings: Settings) -> SigningKey:
    if settings.auth.private_key is not None:
        return load_signing_key(settings.auth.private_key.get_secret_value())
    if settings.auth.provider == "cognito":
        # Cognito signs every token; this key signs nothing, so it need not be kept on disk.
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        return SigningKey(kid=thumbprint(key.public_key()), private_key=key)
    return load_or_create_signing_key(settings.data_dir)
