"""What routes and pages need from an auth provider: `local` (AuthService) or `cognito`.

Both hand out the same `IssuedSession`, raise the same errors for the same mistakes, and their
access tokens are turned into a signed-in user by one dependency (`deps.get_current_user`)
through the provider's `Authenticator`.
"""

from __future__ import annotations

from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from resumate.auth.models import User
from resumate.auth.service import IssuedSession


class AuthProvider(Protocol):
    async def register(self, email: str, password: str) -> IssuedSession:
        """A new account, signed in: 409 when the email is taken, 422 for a weak password."""
        ...

    async def login(self, email: str, password: str, address: str) -> IssuedSession:
        """401 with one message for an unknown email and a wrong password; 429 when throttled."""
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


class Authenticator(Protocol):
    async def authenticate(self, session: AsyncSession, token: str) -> User:
        """The user an access token belongs to, or 401 for any token that is not good."""
        ...
