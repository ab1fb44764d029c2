"""Cognito access tokens: verified against the pool's JWKS, and linked to local users by `sub`.

Revocation. Cognito's access tokens are self-contained JWTs: GlobalSignOut stops Cognito's own
API from taking them, but a signature check goes on accepting them until they expire (an hour
by default). So every sign-out everywhere is also recorded here, in the user's row:
`users.token_version` holds, for a Cognito user, the second from which their tokens are good
again (counted from `VERSION_EPOCH`, as the column is a 32-bit integer), and a token issued
(`iat`) before it is refused. It is a database read the request makes anyway, it works at once
on every replica, and it needs Cognito to be neither reachable nor asked on each request.
Asking Cognito instead (GetUser per token, cached) would also notice sign-outs made outside
the app, but would cost a network call per new token, lag by the cache's lifetime on the other
replicas, and tie every request to Cognito's availability and quota; sign-outs made outside the
app are bounded by the pool's access-token lifetime instead (keep it short).
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import jwt
from sqlalchemy import bindparam
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from resumate.auth.cognito.client import CognitoClient, CognitoRefused
from resumate.auth.models import User
from resumate.auth.provider import Identity
from resumate.auth.repository import UserRepository
from resumate.auth.tokens import SESSION_ENDED
from resumate.errors import Conflict, FieldError, ServiceUnavailable, Unauthorized

log = logging.getLogger("resumate.auth")

REQUIRED_CLAIMS = ["sub", "iss", "exp", "iat", "token_use", "client_id", "username"]
VERSION_EPOCH = 1_577_836_800  # 2020-01-01T00:00:00Z
NOT_VALID = "Your session is not valid. Sign in again."
ACCESS_USE = "access"
# A Cognito token's user (linked by `sub`), while no sign-out everywhere came after the token.
CURRENT = (User.external_subject == bindparam("caller_subject")) & (
    User.token_version <= bindparam("caller_version")
)  # the `token_use` of access tokens (ID tokens say "id")
FAILURE_BACKOFF_SECONDS = 5.0


def version_at(timestamp: float) -> int:
    """A token issued at `timestamp` has this version."""
    return int(timestamp) - VERSION_EPOCH


def first_good_version(now: float) -> int:
    """What a sign-out at `now` stores: tokens from this second or earlier are refused."""
    return version_at(now) + 1


def good_again_at(version: int) -> float:
    return float(VERSION_EPOCH + version)


@dataclass(frozen=True)
class CognitoClaims:
    subject: str
    username: str
    version: int


class JwksCache:
    """The pool's signing keys, fetched over HTTP and kept for `max_age` seconds.

    A token naming a key we do not have triggers one refetch (the pool may have rotated its
    keys), but at most one per `refetch_interval`: tokens with made-up key ids cannot make
    every request fetch the key set.
    """

    def __init__(
        self,
        url: str,
        *,
        max_age: float,
        refetch_interval: float = 60.0,
        timeout: float = 5.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        # PyJWT's client fetches and parses; the caching below is ours, to rate-limit refetches.
        self._client = jwt.PyJWKClient(url, cache_keys=False, cache_jwk_set=False, timeout=timeout)
        self.max_age = max_age
        self.refetch_interval = refetch_interval
        self._clock = clock
        self._keys: dict[str, Any] = {}
        self._fetched_at = -math.inf
        self._refetched_at = -math.inf
        self._failed_at = -math.inf
        self._lock = asyncio.Lock()

    async def key(self, kid: str) -> Any:
        """The public key for `kid`; 401 when the pool has no such key."""
        async with self._lock:  # one fetch at a time; the others then use its result
            fetched = False
            if self._clock() - self._fetched_at >= self.max_age:
                fetched = await self._fetch()
            if (
                kid not in self._keys
                and not fetched
                and self._clock() - self._refetched_at >= self.refetch_interval
            ):
                self._refetched_at = self._clock()
                await self._fetch()
        if kid not in self._keys:
            raise Unauthorized(NOT_VALID)
        return self._keys[kid]

    async def _fetch(self) -> bool:
        if not self._keys and self._clock() - self._failed_at < FAILURE_BACKOFF_SECONDS:
            # Down a moment ago: answer at once rather than asking again for every request.
            raise _keys_unavailable()
        try:
            jwk_set = await asyncio.to_thread(self._client.get_jwk_set, True)
        except (jwt.PyJWKClientError, jwt.PyJWKSetError) as exc:
            if not self._keys:
                self._failed_at = self._clock()
                log.warning("the Cognito key set could not be fetched: %s", exc)
                raise _keys_unavailable() from exc
            # Keep serving the keys we have, and try again after the refetch interval.
            log.warning("the Cognito key set could not be refreshed; keeping the cached keys")
            self._fetched_at = self._clock() - self.max_age + self.refetch_interval
            return False
        self._keys = {
            k.key_id: k.key
            for k in jwk_set.keys
            if k.key_id and k.algorithm_name == "RS256" and k.public_key_use in (None, "sig")
        }
        self._fetched_at = self._clock()
        return True


def _keys_unavailable() -> ServiceUnavailable:
    return ServiceUnavailable(
        "Signing in is unavailable right now. Try again in a moment.", retry_after=30
    )


class CognitoTokenVerifier:
    """Full verification of a Cognito access token: signature, issuer, expiry, use, client."""

    def __init__(
        self,
        jwks: JwksCache,
        *,
        issuer: str,
        client_id: str,
        leeway: int = 5,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.jwks = jwks
        self.issuer = issuer
        self.client_id = client_id
        self.leeway = leeway
        self.clock = clock

    async def verify(self, token: str) -> CognitoClaims:
        try:
            header = jwt.get_unverified_header(token)
        except jwt.InvalidTokenError as exc:
            raise Unauthorized(NOT_VALID) from exc
        kid = header.get("kid")
        if header.get("alg") != "RS256" or not isinstance(kid, str):
            raise Unauthorized(NOT_VALID)
        key = await self.jwks.key(kid)
        try:
            # Expiry is checked below against our own clock; an `aud` claim (ID tokens carry
            # one, access tokens do not) fails PyJWT's audience check, as no audience is given.
            claims = jwt.decode(
                token,
                key,
                algorithms=["RS256"],
                issuer=self.issuer,
                options={"require": REQUIRED_CLAIMS, "verify_exp": False, "verify_iat": False},
            )
            return self._checked(claims)
        except (jwt.InvalidTokenError, ValueError, TypeError, OverflowError) as exc:
            raise Unauthorized(NOT_VALID) from exc

    def _checked(self, claims: dict[str, Any]) -> CognitoClaims:
        now = self.clock()
        issued_at, expires_at = claims["iat"], claims["exp"]
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in (issued_at, expires_at)):
            raise jwt.InvalidTokenError("iat and exp must be integers")
        if expires_at <= now - self.leeway:
            raise jwt.ExpiredSignatureError("expired")
        if issued_at > now + self.leeway:
            raise jwt.ImmatureSignatureError("issued in the future")
        if claims["token_use"] != ACCESS_USE:
            raise jwt.InvalidTokenError("not an access token")
        if claims["client_id"] != self.client_id:
            raise jwt.InvalidTokenError("issued to another app client")
        subject, username = claims["sub"], claims["username"]
        if not isinstance(subject, str) or not subject or not isinstance(username, str):
            raise jwt.InvalidTokenError("sub and username must be strings")
        return CognitoClaims(subject=subject, username=username, version=version_at(issued_at))


class CognitoAuthenticator:
    """Turns a verified Cognito access token into the local user it belongs to."""

    def __init__(self, verifier: CognitoTokenVerifier, client: CognitoClient) -> None:
        self.verifier = verifier
        self.client = client

    async def identify(self, token: str) -> Identity:
        claims = await self.verifier.verify(token)
        params = {"caller_subject": claims.subject, "caller_version": claims.version}
        return Identity(token, CURRENT, params, claims)

    async def user(self, session: AsyncSession, identity: Identity) -> User:
        claims = identity.claims if isinstance(identity.claims, CognitoClaims) else None
        user, _ = await self.resolve(session, identity.token, claims)
        return user

    async def resolve(
        self, session: AsyncSession, token: str, claims: CognitoClaims | None = None
    ) -> tuple[User, CognitoClaims]:
        """The token's local user (linked on first sight); `claims` when already verified."""
        claims = claims or await self.verifier.verify(token)
        user = await UserRepository(session).by_external_subject(claims.subject)
        if user is None:
            # First sight of this Cognito user here: Cognito knows the email, and answering
            # also shows the token has not been signed out.
            try:
                found = await self.client.get_user(token)
            except CognitoRefused as exc:
                raise Unauthorized(SESSION_ENDED) from exc
            email = found.attributes.get("email")
            if not email:
                raise Unauthorized("This account has no email address. Sign up again.")
            user = await self.link(session, claims, email)
        self.check_current(user, claims)
        return user, claims

    @staticmethod
    def check_current(user: User, claims: CognitoClaims) -> None:
        if claims.version < user.token_version:
            raise Unauthorized(SESSION_ENDED)

    async def link(self, session: AsyncSession, claims: CognitoClaims, email: str) -> User:
        """The local user for a Cognito subject, created on first sight.

        Only ever linked by `sub`: a pool may not verify emails, so an email alone never joins
        a Cognito user to an existing account. Called before the request writes anything else,
        so a lost race can roll the request's transaction back and read the winner's row.
        """
        users = UserRepository(session)
        user = await users.by_external_subject(claims.subject)
        if user is not None:
            return user
        email = email.strip().casefold()
        if await users.by_email(email) is not None:
            raise email_taken()
        try:
            return await users.add(User(email=email, external_subject=claims.subject))
        except IntegrityError:
            await session.rollback()
            user = await users.by_external_subject(claims.subject)
            if user is None:
                raise email_taken() from None
            return user


def email_taken() -> Conflict:
    return Conflict(
        "An account with this email already exists. Sign in instead.",
        fields=[FieldError(field="email", message="is already registered")],
    )
