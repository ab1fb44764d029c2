"""Password reset for each provider: local accounts get a link by mail, Cognito its own code.

    PasswordResets (Protocol)   request · check · confirm
    ├── LocalPasswordResets     a random token, SHA-256 at rest, ≤ 30 minutes, one use
    └── CognitoPasswordResets   ForgotPassword / ConfirmForgotPassword (cognito.py)

`request` answers the same, in the same time, whether or not an account uses the address:
it counts the request against the throttle and posts a job to the postbox; the job, detached
from the request, finds the account and issues the link. A confirmed reset ends every session.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from functools import partial
from typing import Literal, Protocol

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resumate.auth import passwords
from resumate.auth.models import User
from resumate.auth.provider import IssuedSession
from resumate.auth.repository import UserRepository
from resumate.auth.reset.message import reset_mail
from resumate.auth.reset.models import PasswordReset
from resumate.auth.reset.repository import PasswordResetRepository
from resumate.auth.service import AuthService, check_password_policy, normalise_email
from resumate.auth.throttle import MailLimit
from resumate.db import release, utcnow
from resumate.errors import BadRequest, FieldError
from resumate.mail import Mail, Postbox


class ResetLinkInvalid(BadRequest):
    code = "reset_link_invalid"
    default_message = (
        "This reset link was used already, replaced by a newer one, or it expired. "
        "Ask for a new one."
    )

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message, fields=[FieldError(field="token", message="is not valid")])


class PasswordResets(Protocol):
    # `link`: the mail holds a link to /reset/<token>; `code`: the person types a mailed code.
    kind: Literal["link", "code"]

    async def request(self, email: str, address: str) -> None:
        """Count the request (429 past the limits) and have the mail sent if an account uses
        the address; returns before anything that depends on that."""
        ...

    async def check(self, token: str) -> None:
        """ResetLinkInvalid unless the token would be taken now (reading only)."""
        ...

    async def confirm(
        self, token: str, password: str, email: str | None, sign_in_from: str | None
    ) -> IssuedSession | None:
        """Set the password and end every session; a new one when `sign_in_from` is given."""
        ...


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def fingerprint(password_hash: str | None) -> str:
    return hashlib.sha256((password_hash or "").encode()).hexdigest()


class LocalPasswordResets:
    kind: Literal["link", "code"] = "link"

    def __init__(
        self,
        accounts: AuthService,
        sessionmaker: async_sessionmaker[AsyncSession],
        throttle: MailLimit,
        postbox: Postbox,
        site_url: str,
        minutes: int,
    ) -> None:
        self.accounts = accounts
        self.session = accounts.session
        self.sessionmaker = sessionmaker
        self.throttle = throttle
        self.postbox = postbox
        self.site_url = site_url
        self.lifetime = timedelta(minutes=minutes)

    async def request(self, email: str, address: str) -> None:
        email = normalise_email(email)
        await self.throttle.take(email, address, utcnow())
        self.postbox.post(partial(self._issue, email))

    async def _issue(self, email: str) -> Mail | None:
        """The posted job: a new link for the account, if there is one, in its own session."""
        token = secrets.token_urlsafe(32)
        now = utcnow()
        async with self.sessionmaker.begin() as session:
            user = await UserRepository(session).by_email(email)
            if user is None or user.password_hash is None:
                return None
            resets = PasswordResetRepository(session)
            await resets.prune(now)
            await resets.replace(
                PasswordReset(
                    user_id=user.id,
                    token_hash=hash_token(token),
                    password_fingerprint=fingerprint(user.password_hash),
                    created_at=now,
                    expires_at=now + self.lifetime,
                )
            )
        minutes = int(self.lifetime.total_seconds() // 60)
        return reset_mail(email, f"{self.site_url}/reset/{token}", minutes)

    async def check(self, token: str) -> None:
        await self._find(token)

    async def confirm(
        self, token: str, password: str, email: str | None, sign_in_from: str | None
    ) -> IssuedSession | None:
        reset, user = await self._find(token)
        check_password_policy(password, user.email)
        # No connection is held while the new password is hashed.
        await release(self.session)
        password_hash = await passwords.hash_password_async(password)
        # Spent in the transaction that sets the password: of two confirmations racing with
        # the same link, one deletes the row and the other finds it gone.
        if not await PasswordResetRepository(self.session).take(reset.id):
            raise ResetLinkInvalid()
        await self.session.refresh(user)
        if fingerprint(user.password_hash) != reset.password_fingerprint:
            raise ResetLinkInvalid()  # the password changed meanwhile
        user.password_hash = password_hash
        await self.accounts.end_all_sessions(user)
        # Whoever holds the mailbox may sign in at once, however many wrong guesses came before.
        await self.accounts.throttle.forget_account(self.session, user.email)
        return await self.accounts.start_session(user) if sign_in_from is not None else None

    async def _find(self, token: str) -> tuple[PasswordReset, User]:
        found = await PasswordResetRepository(self.session).with_user(hash_token(token))
        if found is None:
            raise ResetLinkInvalid()
        reset, user = found
        if reset.expires_at <= utcnow() or fingerprint(user.password_hash) != (
            reset.password_fingerprint
        ):
            raise ResetLinkInvalid()
        return reset, user
