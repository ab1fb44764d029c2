"""What the app builds once at start and shares across requests (no per-request state)."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import rsa
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from resumate.auth.cognito import Cognito
from resumate.auth.keys import (
    SigningKey,
    load_or_create_signing_key,
    load_signing_key,
    thumbprint,
)
from resumate.auth.provider import Authenticator
from resumate.auth.throttle import LoginThrottle
from resumate.auth.tokens import LocalAuthenticator, TokenIssuer
from resumate.config import Settings
from resumate.db import create_engine, create_sessionmaker
from resumate.rendering.renderer import Renderer
from resumate.storage import build_storage
from resumate.storage.base import Storage

SECRET_FILE = "secret-key"  # noqa: S105 - the file name, not its content


@dataclass
class AppContext:
    settings: Settings
    engine: AsyncEngine
    sessionmaker: async_sessionmaker[AsyncSession]
    tokens: TokenIssuer
    throttle: LoginThrottle
    secret_key: bytes
    storage: Storage
    renderer: Renderer
    # Turns an access token into its user, for whichever provider is configured.
    authenticator: Authenticator
    # Set when accounts live in a Cognito user pool (`RESUMATE_AUTH_PROVIDER=cognito`).
    cognito: Cognito | None = None

    @classmethod
    def build(cls, settings: Settings) -> AppContext:
        engine = create_engine(
            settings.database_url,
            pool_size=settings.database.pool_size,
            pre_ping=settings.database.pre_ping,
            echo=settings.database.echo,
        )
        sessionmaker = create_sessionmaker(engine)
        secret_key = _secret_key(settings)
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
            settings=settings,
            engine=engine,
            sessionmaker=sessionmaker,
            tokens=tokens,
            throttle=LoginThrottle.from_settings(sessionmaker, settings.auth),
            secret_key=secret_key,
            storage=build_storage(settings, secret_key),
            # Chromium starts on the first render, not here: most processes never print.
            renderer=Renderer(settings.render, settings.data_dir / "renderer"),
            authenticator=cognito.authenticator if cognito else LocalAuthenticator(tokens),
            cognito=cognito,
        )

    @property
    def refresh_lifetime(self) -> timedelta:
        return timedelta(days=self.settings.auth.refresh_token_days)


def _signing_key(settings: Settings) -> SigningKey:
    if settings.auth.private_key is not None:
        return load_signing_key(settings.auth.private_key.get_secret_value())
    if settings.auth.provider == "cognito":
        # Cognito signs every token; this key signs nothing, so it need not be kept on disk.
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        return SigningKey(kid=thumbprint(key.public_key()), private_key=key)
    return load_or_create_signing_key(settings.data_dir)


def _secret_key(settings: Settings) -> bytes:
    if settings.secret_key is not None:
        return settings.secret_key.get_secret_value().encode()
    return _load_or_create_secret(settings.data_dir / SECRET_FILE)


def _load_or_create_secret(path: Path) -> bytes:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(48))
    return path.read_text().strip().encode()
