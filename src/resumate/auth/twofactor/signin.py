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

from sqlalchemy.ext.asyncio import AsyncSession

from resumate.auth.models import User
from resumate.auth.repository import UserRepository
from resumate.auth.throttle import LoginThrottle
from resumate.auth.tokens import hash_refresh_token, new_refresh_token
from resumate.auth.twofactor.methods import (
    METHOD_NAMES,
    Attempt,
    SecondFactorMethod,
    methods_of,
)
from resumate.auth.twofactor.models import PendingSignIn
from resumate.auth.twofactor.repository import PendingSignInRepository
from resumate.auth.twofactor.totp import SecretBox
from resumate.db import release, utcnow
from resumate.errors import FieldError, Unauthorized, ValidationFailed

PENDING_LIFETIME = timedelta(minutes=5)
EXPIRED = "This sign-in has expired. Sign in with your password again."
WRONG_CODE = "That code is not right. Check your app, or use a recovery code."


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


def wrong_code() -> ValidationFailed:
    return ValidationFailed(WRONG_CODE, fields=[FieldError(field="code", message="is not right")])


async def complete_sign_in(
    session: AsyncSession,
    throttle: LoginThrottle,
    box: SecretBox,
    *,
    token: str,
    proof: str,
    method: str | None,
) -> User:
    """The account once its second factor checks out; 401 for a token that is no good, 422
    naming `code` for a wrong code, 429 when the account has had too many wrong ones."""
    now = utcnow()
    pendings = PendingSignInRepository(session)
    pending = await pendings.by_hash(hash_refresh_token(token))
    if pending is None or pending.used_at is not None or pending.expires_at <= now:
        raise Unauthorized(EXPIRED)
    user_id: uuid.UUID = pending.user_id
    chosen = choose(await methods_of(session, user_id), method, proof)
    # The count is taken in a transaction of its own: this one must not hold a read snapshot
    # older than it (SQLite refuses to write from one).
    await release(session)
    reservation = await throttle.reserve_second_factor(user_id, now)
    if not await chosen.verify(Attempt(session, box, user_id, proof, now)):
        raise wrong_code()  # the reservation stays, as the failure
    if not await pendings.spend(pending.id, now):
        raise Unauthorized(EXPIRED)  # a parallel request signed in with it first
    await throttle.succeeded(session, reservation)
    user = await UserRepository(session).get(user_id)
    if user is None:
        raise Unauthorized(EXPIRED)
    return user
