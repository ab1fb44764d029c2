"""How often sign-up and change-of-address mail may be asked for: per inbox and per client."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resumate.auth.throttle import MailLimit
from resumate.config import AuthSettings

TOO_MANY = "Too many e-mails asked for. Wait a little and try again."


def account_mail_limit(
    sessionmaker: async_sessionmaker[AsyncSession], settings: AuthSettings
) -> MailLimit:
    return MailLimit(
        sessionmaker=sessionmaker,
        window=timedelta(seconds=settings.throttle_window_seconds),
        per_email=settings.mail_per_email,
        per_client=settings.mail_per_client,
        email_key="mail-to",
        client_key="mail-from",
        refusal=TOO_MANY,
    )
