"""A change of address: confirmed from the new inbox, announced to the old one."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resumate.auth.models import User
from resumate.auth.provider import FollowUp
from resumate.auth.repository import UserRepository
from resumate.auth.signup.errors import invalid_link
from resumate.auth.signup.letters import AccountMail, follow_up
from resumate.auth.signup.models import EMAIL_CHANGE, EmailConfirmation
from resumate.auth.signup.repository import ConfirmationRepository
from resumate.db import utcnow
from resumate.errors import Conflict, FieldError, NotFound, ValidationFailed


def address_taken() -> Conflict:
    return Conflict(
        "This address already has an account, so it cannot be yours too.",
        fields=[FieldError(field="email", message="already has an account")],
    )


async def pending_change(session: AsyncSession, user: User, token: str) -> EmailConfirmation:
    """The user's change a link stands for: 400 naming `token` once it cannot be used, 404 when
    it is another account's."""
    confirmation = await ConfirmationRepository(session).usable(EMAIL_CHANGE, token, utcnow())
    if confirmation is None:
        raise invalid_link()
    if confirmation.user_id != user.id:
        raise NotFound("This link belongs to another account. Sign in with that one to use it.")
    return confirmation


class EmailChanges:
    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession], mail: AccountMail) -> None:
        self.sessionmaker = sessionmaker
        self.mail = mail

    def request(self, user: User, new: str) -> FollowUp:
        """What follows the uniform answer: a link to the new address (or, if it has an account,
        a word saying so instead) and a notice to the old one."""
        if new == user.email:
            raise ValidationFailed(
                "This is already your address.",
                fields=[FieldError(field="email", message="is already your address")],
            )
        user_id, old = user.id, user.email

        async def work() -> None:
            token = None
            async with self.sessionmaker.begin() as session:
                if await UserRepository(session).by_email(new) is None:
                    token = await ConfirmationRepository(session).add(
                        EMAIL_CHANGE, new, utcnow(), user_id=user_id
                    )
            if token is None:
                await self.mail.email_change_taken(new)
            else:
                await self.mail.email_change_link(new, token)
            await self.mail.email_changing(old, new)

        return follow_up(work)

    async def confirm(
        self,
        session: AsyncSession,
        user: User,
        token: str,
        provider: Callable[[str], Awaitable[None]] | None = None,
    ) -> FollowUp:
        """Move the account to the link's address; the follow-up tells the old address.

        `provider` moves the identity kept elsewhere (Cognito) first: if it refuses, nothing
        here changes and the link is not spent.
        """
        confirmation = await pending_change(session, user, token)
        if await UserRepository(session).by_email(confirmation.email) is not None:
            raise address_taken()
        old, new = user.email, confirmation.email
        if provider is not None:
            await provider(new)
        if not await ConfirmationRepository(session).spend(confirmation, utcnow()):
            raise invalid_link()
        try:
            # A savepoint, so the session (and the signed-in user) stay usable for the page.
            async with session.begin_nested():
                user.email = new
                await session.flush()
        except IntegrityError as exc:  # the address got an account a moment ago
            await session.refresh(user)
            raise address_taken() from exc
        return follow_up(lambda: self.mail.email_changed(old, new))
