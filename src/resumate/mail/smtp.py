"""Mail through an SMTP server (`aiosmtplib`): STARTTLS or implicit TLS, login if configured."""

from __future__ import annotations

import ssl
from pathlib import Path

import aiosmtplib

from resumate.config import MailSettings
from resumate.mail.base import Mail, MailUnavailable


class SmtpMailer:
    def __init__(self, settings: MailSettings) -> None:
        if not settings.smtp_host:
            raise ValueError("RESUMATE_MAIL_SMTP_HOST must name the SMTP server")
        self.host = settings.smtp_host
        self.port = settings.resolved_smtp_port
        self.security = settings.smtp_security
        self.sender = settings.from_address
        self.username = settings.smtp_username
        self.password = settings.smtp_password
        self.timeout = settings.timeout_seconds
        self.tls_context = _tls_context(settings.smtp_ca_file)

    async def close(self) -> None:
        """Nothing to let go of: each message opens and closes its own connection."""

    async def send(self, mail: Mail) -> None:
        message = mail.message(self.sender)
        try:
            # A connection per message: mail is rare here, and a kept one would time out idle.
            await aiosmtplib.send(
                message,
                hostname=self.host,
                port=self.port,
                username=self.username,
                password=self.password.get_secret_value() if self.password else None,
                use_tls=self.security == "tls",
                start_tls=self.security == "starttls",
                tls_context=self.tls_context if self.security != "none" else None,
                timeout=self.timeout,
            )
        except (aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
            reason = str(exc) or type(exc).__name__
            raise MailUnavailable(
                f"the SMTP server {self.host}:{self.port} did not take the mail: {reason}"
            ) from exc


def _tls_context(ca_file: Path | None) -> ssl.SSLContext:
    # Certificates and host names are always checked; a private CA is added, never a bypass.
    return ssl.create_default_context(cafile=str(ca_file) if ca_file else None)
