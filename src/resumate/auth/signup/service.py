"""Local sign-up: each attempt a request with its own password's hash; an account only once the
inbox's owner opens the link, so a sign-up with someone else's address can never own it."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resumate.auth.models import User
from resumate.auth.provider import FollowUp
from resumate.auth.repository import UserRepository
from resumate.auth.signup.errors import already_registered, invalid_link
from resumate.auth.signup.letters import AccountMail, follow_up
from resumate.auth.signup.models import SIGN_UP, EmailConfirmation
from resumate.auth.signup.repository import ConfirmationRepository
from resumate.db import utcnow


async def pending_sign_up(session: AsyncSession, token: str) -> EmailConfirmation:
    """The sign-up a link stands for, while it can be used; 400 naming `token` otherwise."""
    confirmation = await ConfirmationRepository(session).usable(SIGN_UP, token, utcnow())
    if confirmation is None:
        raise invalid_link()
    return confirmation


class SignUps:
    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession], mail: AccountMail) -> None:
        self.sessionmaker = sessionmaker
        self.mail = mail

    def request(self, email: str, password_hash: str) -> FollowUp:
        """What follows the uniform answer: a request and its link, or a word to the owner.

        Looked up, stored and mailed after the answer has gone, so nothing of it (not even the
        time a write takes) tells the client whether the address has an account.
        """

        async def work() -> None:
            token = None
            async with self.sessionmaker.begin() as session:
                if await UserRepository(session).by_email(email) is None:
                    token = await ConfirmationRepository(session).add(
                        SIGN_UP, email, utcnow(), password_hash=password_hash
                    )
            if token is None:
                await self.mail.account_exists(email)
            else:
                await self.mail.sign_up_link(email, token)

        return follow_up(work)

    def resend(self, email: str) -> FollowUp:
        """A fresh link for the newest pending request (its password), or the owner's notice."""

        async def work() -> None:
            token = None
            async with self.sessionmaker.begin() as session:
                if await UserRepository(session).by_email(email) is not None:
                    exists = True
                else:
                    exists = False
                    confirmations = ConfirmationRepository(session)
                    pending = await confirmations.latest_pending(SIGN_UP, email, utcnow())
                    if pending is not None:
                        token = await confirmations.add(
                            SIGN_UP, email, utcnow(), password_hash=pending.password_hash
                        )
            if exists:
                await self.mail.account_exists(email)
            elif token is not None:
                await self.mail.sign_up_link(email, token)

        return follow_up(work)

    @staticmethod
    async def confirm(session: AsyncSession, token: str) -> User:
        """Spend the link and create the account with the password it was asked with."""
        confirmation = await pending_sign_up(session, token)
        users = UserRepository(session)
        if await users.by_email(confirmation.email) is not None:
            raise already_registered()  # another request for the address was confirmed first
        if not await ConfirmationRepository(session).spend(confirmation, utcnow()):
            raise invalid_link()
        user = User(email=confirmation.email, password_hash=confirmation.password_hash)
        try:
            # A savepoint, so the session stays usable for the page that says so.
            async with session.begin_nested():
                return await users.add(user)
        except IntegrityError as exc:  # confirmed by a concurrent request
            raise already_registered() from exc
