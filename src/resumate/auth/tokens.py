"""Access tokens (RS256 JWTs) and opaque refresh tokens."""

from __future__ import annotations

import hashlib
import secrets
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import jwt
from sqlalchemy import bindparam, exists
from sqlalchemy.ext.asyncio import AsyncSession

from resumate.auth.keys import SigningKey
from resumate.auth.models import RefreshToken, User
from resumate.auth.provider import Identity
from resumate.auth.repository import UserRepository
from resumate.errors import Unauthorized

REQUIRED_CLAIMS = ["exp", "iat", "iss", "aud", "sub"]
SESSION_ENDED = "Your session has ended. Sign in again."
LEEWAY_SECONDS = 5
# A local token's user, while the token's version is still the user's own (signing out
# everywhere bumps it) and its device session has not been signed out (its refresh family is
# not revoked). Tokens from before sessions were named carry none, and pass on the version.
CURRENT = (
    (User.id == bindparam("caller_id"))
    & (User.token_version == bindparam("caller_version"))
    & ~exists().where(
        RefreshToken.family_id == bindparam("caller_session"),
        RefreshToken.revoked_at.is_not(None),
    )
)


@dataclass(frozen=True)
class AccessClaims:
    user_id: uuid.UUID
    token_version: int
    expires_at: float
    # The device session (refresh token family) the token was issued in.
    session_id: uuid.UUID | None = None


@dataclass(frozen=True)
class TokenIssuer:
    key: SigningKey
    issuer: str
    audience: str
    lifetime: timedelta

    def issue(
        self, user_id: uuid.UUID, token_version: int, now: datetime, session_id: uuid.UUID
    ) -> str:
        claims = {
            "iss": self.issuer,
            "aud": self.audience,
            "sub": str(user_id),
            "iat": int(now.timestamp()),
            "exp": int((now + self.lifetime).timestamp()),
            "jti": secrets.token_urlsafe(12),
            "ver": token_version,
            "sid": str(session_id),
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
                leeway=LEEWAY_SECONDS,
            )
            return AccessClaims(
                user_id=uuid.UUID(claims["sub"]),
                token_version=int(claims.get("ver", -1)),
                expires_at=float(claims["exp"]),
                session_id=uuid.UUID(claims["sid"]) if "sid" in claims else None,
            )
        except (jwt.InvalidTokenError, ValueError, TypeError) as exc:
            raise Unauthorized("Your session is not valid. Sign in again.") from exc


class VerifiedTokens:
    """Tokens whose signature and claims checked out, remembered until they expire.

    A client sends the same token with every request for its lifetime; checking the RSA
    signature and parsing the claims again each time was a fifth of a resume read. Only tokens
    that verified are kept (a forged one is checked, and refused, every time), the store is
    bounded, and whether the session has since ended is still asked of the database each time.
    """

    def __init__(
        self,
        verify: Callable[[str], AccessClaims],
        *,
        size: int = 10_000,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._verify = verify
        self._size = size
        self._clock = clock
        self._known: OrderedDict[str, AccessClaims] = OrderedDict()

    def __call__(self, token: str) -> AccessClaims:
        claims = self._known.get(token)
        if claims is None:
            claims = self._verify(token)
            self._known[token] = claims
            if len(self._known) > self._size:
                self._known.popitem(last=False)
        if claims.expires_at <= self._clock() - LEEWAY_SECONDS:
            del self._known[token]
            raise Unauthorized("Your session is not valid. Sign in again.")
        return claims


@dataclass(frozen=True)
class LocalAuthenticator:
    """The local provider's tokens: signed here, and current while their version is the user's."""

    tokens: TokenIssuer
    verified: VerifiedTokens = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "verified", VerifiedTokens(self.tokens.verify))

    async def identify(self, token: str) -> Identity:
        claims = self.verified(token)
        params = {
            "caller_id": claims.user_id,
            "caller_version": claims.token_version,
            "caller_session": claims.session_id,
        }
        return Identity(token, CURRENT, params)

    async def user(self, session: AsyncSession, identity: Identity) -> User:
        user = await UserRepository(session).current(identity.current, identity.params)
        if user is None:
            raise Unauthorized(SESSION_ENDED)
        return user


def new_refresh_token() -> str:
    return secrets.token_urlsafe(32)


def hash_refresh_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
