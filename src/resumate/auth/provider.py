"""What routes and pages need from an auth provider: `local` (AuthService) or `cognito`.

Both hand out the same `IssuedSession`, raise the same errors for the same mistakes, and their
access tokens are turned into a signed-in user by one dependency (`deps.get_current_user`)
through the provider's `Authenticator`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import ColumnElement
from sqlalchemy.ext.asyncio import AsyncSession

from resumate.auth.models import User

if TYPE_CHECKING:  # the second step needs the tokens module, which needs this one
    from resumate.auth.twofactor.signin import PendingSecondFactor

# Work left once the answer is out (storing a sign-up, sending its mail): a background task.
FollowUp = Callable[[], Awaitable[None]]


class AuthProvider(Protocol):
    async def register(self, email: str, password: str, address: str) -> FollowUp:
        """422 for a weak password, 429 when throttled; otherwise the same answer whether or not
        the address has an account, and a follow-up that mails it a link to finish signing up
        (or tells its owner that someone tried)."""
        ...

    async def resend_confirmation(self, email: str, address: str) -> FollowUp:
        """The sign-up's link again (a fresh one), throttled like `register`."""
        ...

    async def verify_email(self, token: str) -> IssuedSession | None:
        """Create the account a sign-up link stands for: signed in, or None when the provider
        wants the password again (sign in next). 400 naming `token` for a spent or expired link,
        409 when the address got an account meanwhile."""
        ...

    async def request_email_change(
        self, user: User, email: str, password: str, address: str
    ) -> FollowUp:
        """422 unless `password` is the account's; the follow-up mails the new address a link
        (or says it is taken) and tells the old one."""
        ...

    async def confirm_email_change(self, user: User, token: str) -> FollowUp:
        """Move the account to the link's address (400 `token`, 404 another's link, 409 taken);
        the follow-up tells the old address."""
        ...

    async def login(
        self, email: str, password: str, address: str
    ) -> IssuedSession | PendingSecondFactor:
        """401 with one message for an unknown email and a wrong password; 429 when throttled.
        An account with a second factor gets no session yet, but the pending sign-in."""
        ...

    async def refresh(self, raw_token: str) -> IssuedSession: ...

    async def end_session(self, raw_token: str) -> None:
        """Sign this device out: its refresh token can no longer be used."""
        ...

    async def end_all_sessions(self, user: User) -> None:
        """Sign out everywhere: every refresh token and every outstanding access token."""
        ...

    async def change_password(self, user: User, current: str, new: str) -> IssuedSession:
        """Ends every session, then starts a fresh one for the caller."""
        ...

    async def confirm_password(self, user: User, password: str) -> None:
        """422 naming `password` unless it is the account's password."""
        ...

    async def close_account(self, user: User) -> None:
        """Delete the account's row and its identity, wherever that is kept (last, so that a
        provider that cannot let go of the identity rolls the whole deletion back)."""
        ...


@dataclass(frozen=True)
class IssuedSession:
    user: User
    access_token: str
    refresh_token: str
    expires_in: int


@dataclass(frozen=True)
class Identity:
    """Whom a verified access token names, known without asking the database.

    Whether the token is still good (not signed out since) is in the database: `current` is the
    condition on `users` that holds for the token's user while it is, so a query for the user's
    own rows can check both at once.
    """

    token: str
    # Written once per provider with bind parameters (so its statements compile once);
    # `params` holds this token's values for them.
    current: ColumnElement[bool]
    params: dict[str, Any]
    # The provider's own verified claims, so that finding the user does not verify again.
    claims: object = None


class Authenticator(Protocol):
    async def identify(self, token: str) -> Identity:
        """The token's identity once its signature and claims check out; 401 otherwise."""
        ...

    async def user(self, session: AsyncSession, identity: Identity) -> User:
        """The identity's user; 401 once its session has ended."""
        ...


async def authenticate(authenticator: Authenticator, session: AsyncSession, token: str) -> User:
    """The user an access token belongs to, or 401 for any token that is not good."""
    return await authenticator.user(session, await authenticator.identify(token))
