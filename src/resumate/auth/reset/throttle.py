"""How often a reset link may be asked for: per address asked about and per client."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resumate.auth.throttle import MailLimit
from resumate.config import AuthSettings

TOO_MANY = "Too many reset requests. Wait a little before asking again."


def reset_limit(
    sessionmaker: async_sessionmaker[AsyncSession], settings: AuthSettings
) -> MailLimit:
    return MailLimit(
        sessionmaker=sessionmaker,
        window=timedelta(seconds=settings.throttle_window_seconds),
        per_email=settings.reset_per_email,
        per_client=settings.reset_per_address,
        email_key="reset-email",
        client_key="reset-address",
        refusal=TOO_MANY,
    )
