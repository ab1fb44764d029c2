"""Sign-in's second step: a pending sign-in after the password, spent by a second factor.

The password alone gives an account with two-factor no session: it gets a random token, kept
as its SHA-256 and bound to the account, good for five minutes and for one session. Wrong
codes are counted per account like wrong passwords (`LoginThrottle.reserve_second_factor`,
counted before the check) and leave the token standing, so a typo costs one attempt only.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resumate.auth.models import User
from resumate.auth.repository import UserRepository
from resumate.auth.throttle import LoginThrottle
from resumate.auth.tokens import hash_refresh_token, new_refresh_token
from resumate.auth.twofactor.methods import (
    METHOD_NAMES,
    Attempt,
    PasskeyCheck,
    PasskeyMethod,
    SecondFactorMethod,
    methods_of,
)
from resumate.auth.twofactor.models import PendingSignIn
from resumate.auth.twofactor.repository import PendingSignInRepository
from resumate.auth.twofactor.totp import SecretBox
from resumate.db import release, utcnow
from resumate.errors import FieldError, NotFound, Unauthorized, ValidationFailed

PENDING_LIFETIME = timedelta(minutes=5)
EXPIRED = "This sign-in has expired. Sign in with your password again."
WRONG_CODE = "That code is not right. Check your app, or use a recovery code."
WRONG_PASSKEY = (
    "That passkey was not accepted for this account. Try again, or use the code from your app."
)
NO_PASSKEY = (
    "This account has no passkey for two-step verification. Use the code from your app, "
    "or a recovery code."
)


@dataclass(frozen=True)
class PendingSecondFactor:
    """What a right password earns an account with two-factor: the token for the second step."""

    token: str
    methods: list[str]
    expires_in: int


async def require_second_factor(
    session: AsyncSession, user: User, now: datetime
) -> PendingSecondFactor | None:
    """A pending sign-in when the account has a second factor; None when the password is all."""
    methods = await methods_of(session, user.id)
    if not methods:
        return None
    pending = PendingSignInRepository(session)
    await pending.prune(user.id, now)
    raw = new_refresh_token()
    await pending.add(
        PendingSignIn(
            user_id=user.id,
            token_hash=hash_refresh_token(raw),
            created_at=now,
            expires_at=now + PENDING_LIFETIME,
        )
    )
    return PendingSecondFactor(
        token=raw,
        methods=[method.name for method in methods],
        expires_in=int(PENDING_LIFETIME.total_seconds()),
    )


def choose(offered: list[SecondFactorMethod], name: str | None, proof: str) -> SecondFactorMethod:
    """The method the client named, or the first offered one the proof's shape fits."""
    if name is not None:
        chosen = next((method for method in offered if method.name == name), None)
        if chosen is None:
            known = ", ".join(m.name for m in offered)
            problem = f"must be one of this account's methods: {known}"
            if name not in METHOD_NAMES:
                problem = f"must be one of: {', '.join(METHOD_NAMES)}"
            raise ValidationFailed(
                f"The method {problem}.", fields=[FieldError(field="method", message=problem)]
            )
        return chosen
    fitting = next((method for method in offered if method.accepts(proof)), None)
    if fitting is None:
        raise wrong_code()
    return fitting


def wrong_code(method: str | None = None) -> ValidationFailed:
    message = WRONG_PASSKEY if method == PasskeyMethod.name else WRONG_CODE
    return ValidationFailed(message, fields=[FieldError(field="code", message="is not right")])


async def pending_of(session: AsyncSession, token: str, now: datetime) -> PendingSignIn:
    """The live pending sign-in of `token` (not spent by looking); 401 when it is no good."""
    pending = await PendingSignInRepository(session).by_hash(hash_refresh_token(token))
    if pending is None or pending.used_at is not None or pending.expires_at <= now:
        raise Unauthorized(EXPIRED)
    return pending


async def offered_methods(session: AsyncSession, token: str | None) -> list[str]:
    """The methods a pending sign-in may finish with; none for a token that is no good."""
    if not token:
        return []
    try:
        pending = await pending_of(session, token, utcnow())
    except Unauthorized:
        return []
    return [method.name for method in await methods_of(session, pending.user_id)]


async def passkey_options(
    session: AsyncSession, passkeys: PasskeyCheck, token: str
) -> dict[str, Any]:
    """Options for `navigator.credentials.get()` that only the pending account's passkeys answer;
    401 for a token that is no good, 404 when the account has no passkey method."""
    pending = await pending_of(session, token, utcnow())
    if not await PasskeyMethod().has(session, pending.user_id):
        raise NotFound(NO_PASSKEY)
    return await passkeys.service.authentication_options(pending.user_id)


async def complete_sign_in(
    session: AsyncSession,
    throttle: LoginThrottle,
    box: SecretBox,
    passkeys: PasskeyCheck,
    *,
    token: str,
    proof: str,
    method: str | None,
) -> User:
    """The account once its second factor checks out; 401 for a token that is no good, 422
    naming `code` for a wrong code or refused passkey, 429 when the account has had too many."""
    now = utcnow()
    pendings = PendingSignInRepository(session)
    pending = await pending_of(session, token, now)
    user_id: uuid.UUID = pending.user_id
    chosen = choose(await methods_of(session, user_id), method, proof)
    # The count is taken in a transaction of its own: this one must not hold a read snapshot
    # older than it (SQLite refuses to write from one).
    await release(session)
    reservation = await throttle.reserve_second_factor(user_id, now)
    attempt = Attempt(session, box, user_id, proof, now, passkeys)
    if not await chosen.verify(attempt):
        raise wrong_code(chosen.name)  # the reservation stays, as the failure
    if not await pendings.spend(pending.id, now):
        raise Unauthorized(EXPIRED)  # a parallel request signed in with it first
    await throttle.succeeded(session, reservation)
    user = await UserRepository(session).get(user_id)
    if user is None:
        raise Unauthorized(EXPIRED)
    return user


async def prune_pending(sessionmaker: async_sessionmaker[AsyncSession]) -> int:
    """Forget every account's spent and expired pending sign-ins (the app's upkeep)."""
    async with sessionmaker.begin() as session:
        return await PendingSignInRepository(session).prune_all(utcnow())
