"""Sending mail: an outbox folder by default, an SMTP server in production."""

from __future__ import annotations

from resumate.config import Settings
from resumate.mail.base import Mail, Mailer, MailUnavailable, deliver
from resumate.mail.outbox import OutboxMailer
from resumate.mail.postbox import Postbox

__all__ = [
    "Mail",
    "MailUnavailable",
    "Mailer",
    "OutboxMailer",
    "Postbox",
    "build_mailer",
    "deliver",
]


def build_mailer(settings: Settings) -> Mailer:
    """The mailer `settings.mail.backend` names."""
    if settings.mail.backend == "outbox":
        return OutboxMailer(settings.outbox_dir, settings.mail.from_address)
    # Imported here so apps on the outbox never load the SMTP client.
    from resumate.mail.smtp import SmtpMailer

    return SmtpMailer(settings.mail)
