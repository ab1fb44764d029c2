"""Access tokens (RS256 JWTs) and opaque refresh tokens."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

import jwt
from sqlalchemy.ext.asyncio import AsyncSession

from resumate.auth.keys import SigningKey
from resumate.auth.models import User
from resumate.auth.repository import UserRepository
from resumate.errors import Unauthorized

REQUIRED_CLAIMS = ["exp", "iat", "iss", "aud", "sub"]
SESSION_ENDED = "Your session has ended. Sign in again."


@dataclass(frozen=True)
class AccessClaims:
    user_id: uuid.UUID
    token_version: int


@dataclass(frozen=True)
class TokenIssuer:
    key: SigningKey
    issuer: str
    audience: str
    lifetime: timedelta

    def issue(self, user_id: uuid.UUID, token_version: int, now: datetime) -> str:
        claims = {
            "iss": self.issuer,
            "aud": self.audience,
            "sub": str(user_id),
            "iat": int(now.timestamp()),
            "exp": int((now + self.lifetime).timestamp()),
            "jti": secrets.token_urlsafe(12),
            "ver": token_version,
        }
        return jwt.encode(
            claims, self.key.private_key, algorithm="RS256", headers={"kid": self.key.kid}
        )

    def verify(self, token: str) -> AccessClaims:
        """Check signature, algorithm, key id and every required claim; anything off is a 401."""
        try:
            header = jwt.get_unverified_header(token)
            if header.get("alg") != "RS256" or header.get("kid") != self.key.kid:
                raise jwt.InvalidTokenError("unexpected algorithm or key id")
            claims = jwt.decode(
                token,
                self.key.public_key,
                algorithms=["RS256"],
                audience=self.audience,
                issuer=self.issuer,
                options={"require": REQUIRED_CLAIMS},
                leeway=5,
            )
            return AccessClaims(
                user_id=uuid.UUID(claims["sub"]), token_version=int(claims.get("ver", -1))
            )
        except (jwt.InvalidTokenError, ValueError, TypeError) as exc:
            raise Unauthorized("Your session is not valid. Sign in again.") from exc


@dataclass(frozen=True)
class LocalAuthenticator:
    """The local provider's tokens: signed here, and current while their version is the user's."""

    tokens: TokenIssuer

    async def authenticate(self, session: AsyncSession, token: str) -> User:
        claims = self.tokens.verify(token)
        user = await UserRepository(session).get(claims.user_id)
        if user is None or user.token_version != claims.token_version:
            raise Unauthorized(SESSION_ENDED)
        return user


def new_refresh_token() -> str:
    return secrets.token_urlsafe(32)


def hash_refresh_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
