"""Local accounts: registration, sign-in, token rotation and sign-out."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resumate.auth import passwords
from resumate.auth.devices.client import DeviceClient
from resumate.auth.devices.repository import DeviceSessionRepository
from resumate.auth.models import RefreshToken, User
from resumate.auth.provider import FollowUp, IssuedSession
from resumate.auth.repository import RefreshTokenRepository, UserRepository
from resumate.auth.signup.email_change import EmailChanges
from resumate.auth.signup.letters import AccountMail
from resumate.auth.signup.service import SignUps
from resumate.auth.throttle import LoginThrottle
from resumate.auth.tokens import TokenIssuer, hash_refresh_token, new_refresh_token
from resumate.auth.twofactor.signin import PendingSecondFactor, require_second_factor
from resumate.db import release, utcnow
from resumate.errors import FieldError, Unauthorized, ValidationFailed

WRONG_CREDENTIALS = "The email or password is not right."


def normalise_email(email: str) -> str:
    return email.strip().casefold()


def check_password_policy(password: str, email: str, field: str = "password") -> None:
    problem = passwords.policy_problem(password, email)
    if problem:
        raise ValidationFailed(
            f"The password {problem}.", fields=[FieldError(field=field, message=problem)]
        )


async def remove_account(session: AsyncSession, throttle: LoginThrottle, user: User) -> None:
    """The account's row and its sign-in failures; what the user owns goes with the row."""
    email = user.email
    await UserRepository(session).delete(user)
    await throttle.forget_account(session, email)


class AuthService:
    def __init__(
        self,
        session: AsyncSession,
        sessionmaker: async_sessionmaker[AsyncSession],
        tokens: TokenIssuer,
        throttle: LoginThrottle,
        refresh_lifetime: timedelta,
        mail: AccountMail,
        client: DeviceClient | None = None,
    ) -> None:
        self.session = session
        self.sessionmaker = sessionmaker
        self.users = UserRepository(session)
        self.refresh_tokens = RefreshTokenRepository(session)
        self.tokens = tokens
        self.throttle = throttle
        self.refresh_lifetime = refresh_lifetime
        # The device asking, recorded with each session it starts or renews.
        self.client = client or DeviceClient()
        self.devices = DeviceSessionRepository(session)
        self.mail = mail
        self.sign_ups = SignUps(sessionmaker, mail)

    async def register(self, email: str, password: str, address: str) -> FollowUp:
        email = normalise_email(email)
        check_password_policy(password, email)
        await self.mail.throttle.take(email, address, utcnow())
        await release(self.session)
        # Hashed whether or not the address has an account, so both cost the same.
        return self.sign_ups.request(email, await passwords.hash_password_async(password))

    async def resend_confirmation(self, email: str, address: str) -> FollowUp:
        email = normalise_email(email)
        await self.mail.throttle.take(email, address, utcnow())
        return self.sign_ups.resend(email)

    async def verify_email(self, token: str) -> IssuedSession | None:
        return await self.start_session(await SignUps.confirm(self.session, token))

    async def request_email_change(
        self, user: User, email: str, password: str, address: str
    ) -> FollowUp:
        await self.confirm_password(user, password)
        email = normalise_email(email)
        await self.mail.throttle.take(email, address, utcnow())
        return EmailChanges(self.sessionmaker, self.mail).request(user, email)

    async def confirm_email_change(self, user: User, token: str) -> FollowUp:
        return await EmailChanges(self.sessionmaker, self.mail).confirm(self.session, user, token)

    async def login(
        self, email: str, password: str, address: str
    ) -> IssuedSession | PendingSecondFactor:
        email = normalise_email(email)
        reservation = await self.throttle.reserve(email, address, utcnow())
        user = await self.users.by_email(email)
        # No connection is held while the password is hashed (tens of milliseconds each).
        await release(self.session)
        # Always verify against some hash, so unknown emails take as long as wrong passwords.
        if not await passwords.verify_password_async(
            user.password_hash if user else None, password
        ):
            raise Unauthorized(WRONG_CREDENTIALS)  # the reservation stays, as the failure
        assert user is not None
        assert user.password_hash is not None
        await self.throttle.succeeded(self.session, reservation)
        if passwords.needs_rehash(user.password_hash):
            user.password_hash = await passwords.hash_password_async(password)
        pending = await require_second_factor(self.session, user, utcnow())
        return pending or await self.start_session(user)

    async def refresh(self, raw_token: str) -> IssuedSession:
        now = utcnow()
        token = await self.refresh_tokens.by_hash(hash_refresh_token(raw_token))
        if token is None or token.revoked_at is not None or token.expires_at <= now:
            raise Unauthorized("Your session has ended. Sign in again.")
        if token.used_at is not None or not await self.refresh_tokens.mark_used(token.id, now):
            await self._revoke_family_for_good(token.family_id, now)
            raise Unauthorized("This sign-in was used twice, so it was ended. Sign in again.")
        user = await self.users.get(token.user_id)
        if user is None:
            raise Unauthorized("Your session has ended. Sign in again.")
        return await self.start_session(user, family_id=token.family_id)

    async def end_session(self, raw_token: str) -> None:
        """Sign this device out: its refresh token's family can no longer be renewed."""
        token = await self.refresh_tokens.by_hash(hash_refresh_token(raw_token))
        if token is not None:
            await self.refresh_tokens.revoke_family(token.family_id, utcnow())

    async def end_all_sessions(self, user: User) -> None:
        """Sign out everywhere: refresh tokens revoked, outstanding access tokens refused."""
        user.token_version += 1
        await self.refresh_tokens.revoke_all_for_user(user.id, utcnow())
        await self.session.flush()

    async def change_password(self, user: User, current: str, new: str) -> IssuedSession:
        if not await passwords.verify_password_async(user.password_hash, current):
            raise ValidationFailed(
                "The current password is not right.",
                fields=[FieldError(field="currentPassword", message="is not right")],
            )
        check_password_policy(new, user.email, field="newPassword")
        user.password_hash = await passwords.hash_password_async(new)
        await self.end_all_sessions(user)
        return await self.start_session(user)

    async def confirm_password(self, user: User, password: str) -> None:
        if not await passwords.verify_password_async(user.password_hash, password):
            raise ValidationFailed(
                "The password is not right.",
                fields=[FieldError(field="password", message="is not right")],
            )

    async def close_account(self, user: User) -> None:
        """Delete the row; its sessions and refresh tokens go with it."""
        await remove_account(self.session, self.throttle, user)

    async def start_session(self, user: User, family_id: uuid.UUID | None = None) -> IssuedSession:
        now = utcnow()
        raw = new_refresh_token()
        if family_id is None:
            family_id = uuid.uuid4()
            await self.devices.started(family_id, user.id, self.client, now)
        else:
            await self.devices.renewed(family_id, user.id, self.client, now)
        await self.refresh_tokens.add(
            RefreshToken(
                user_id=user.id,
                family_id=family_id,
                token_hash=hash_refresh_token(raw),
                expires_at=now + self.refresh_lifetime,
            )
        )
        return IssuedSession(
            user=user,
            access_token=self.tokens.issue(user.id, user.token_version, now, family_id),
            refresh_token=raw,
            expires_in=int(self.tokens.lifetime.total_seconds()),
        )

    async def _revoke_family_for_good(self, family_id: uuid.UUID, now: datetime) -> None:
        # Own transaction: the request fails with 401, and the revocation must outlive it.
        # Releasing this request's write first keeps SQLite from waiting on itself.
        await self.session.rollback()
        async with self.sessionmaker.begin() as session:
            await RefreshTokenRepository(session).revoke_family(family_id, now)
